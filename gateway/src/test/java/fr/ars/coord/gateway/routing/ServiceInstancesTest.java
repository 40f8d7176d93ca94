package fr.ars.coord.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ServiceInstancesTest {

    private static final URI A = URI.create("http://127.0.0.1:8081");
    private static final URI B = URI.create("http://127.0.0.1:9081");
    private static final URI C = URI.create("http://127.0.0.1:10081");

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ServiceInstances instances =
            new ServiceInstances("incident-service", List.of(A, B, C), Duration.ofSeconds(10), now::get);

    @Test
    void callsGoRoundTheInstances() {
        assertThat(instances.order()).containsExactly(A, B, C);
        assertThat(instances.order()).containsExactly(B, C, A);
        assertThat(instances.order()).containsExactly(C, A, B);
        assertThat(instances.order()).containsExactly(A, B, C);
    }

    @Test
    void aFailedInstanceIsTriedLastUntilItsTimeIsUpOrItsHealthCheckPasses() {
        instances.failed(A);
        assertThat(instances.order()).containsExactly(B, C, A);
        assertThat(instances.order()).containsExactly(B, C, A);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(instances.isIn(A)).isTrue();

        instances.checked(instances.all().get(1), false);
        assertThat(instances.order()).endsWith(B);
        instances.checked(instances.all().get(1), true);
        assertThat(instances.isIn(B)).isTrue();
    }

    @Test
    void whenEveryInstanceIsOutTheyAreAllStillTried() {
        instances.failed(A);
        instances.failed(B);
        instances.failed(C);
        assertThat(instances.order()).containsExactlyInAnyOrder(A, B, C);
    }
}
