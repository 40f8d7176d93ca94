package fr.ars.coord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service with several instances behind the gateway: calls go round them, one that refuses connections is
 * skipped for every call, one that cuts a call before answering is skipped only for calls safe to repeat.
 * Instances are never left out here (eject-for 1 ms, no health checks), so the turns are predictable.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ars.gateway.instances.eject-for=PT0.001S",
            "ars.gateway.instances.health-interval=PT1H",
            "ars.gateway.circuit-breaker.minimum-calls=1000",
            "ars.gateway.rate-limit.authenticated-per-minute=100000",
            "ars.gateway.rate-limit.authenticated-burst=100000"
        })
@Import(TestJwtConfiguration.class)
class InstanceFailoverIT {

    static final StubBackend INCIDENTS = new StubBackend("incident-service");
    static final StubBackend REGIONS = new StubBackend("region-service");
    static final StubBackend NOTIFICATIONS = new StubBackend("notification-service");
    static final Cutter CUTTER = new Cutter();

    /** Accepts each connection, reads the request's head, and closes it without a word. */
    static final class Cutter {
        final AtomicInteger calls = new AtomicInteger();
        private final ServerSocket socket;

        Cutter() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Thread thread = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try (Socket connection = socket.accept()) {
                                InputStream in = connection.getInputStream();
                                int matched = 0;
                                byte[] end = "\r\n\r\n".getBytes();
                                for (int b; matched < 4 && (b = in.read()) >= 0; ) {
                                    matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                                }
                                calls.incrementAndGet();
                            } catch (IOException e) {
                                // the next connection
                            }
                        }
                    },
                    "cutter");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        // nothing listens on port 9: connections are refused
        registry.add("INCIDENT_SERVICE_URLS", () -> INCIDENTS.url() + ",http://127.0.0.1:9");
        registry.add("REGION_SERVICE_URLS", () -> REGIONS.url() + "," + CUTTER.url());
        registry.add("NOTIFICATION_SERVICE_URL", NOTIFICATIONS::url);
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port);
    }

    @Test
    void anInstanceThatRefusesConnectionsIsSkippedWhateverTheCall() {
        String token = TestTokens.arsStaff("FR-HDF");
        long before = apiCalls();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(api.get("/api/incidents", token).status());
            // never sent to the refusing instance: safe to send on, even without a key
            statuses.add(api.post("/api/incidents", token, "{}").status());
        }
        assertThat(statuses).containsOnly(200);
        assertThat(apiCalls() - before).isEqualTo(12);
    }

    private static long apiCalls() {
        return INCIDENTS.received.stream()
                .filter(r -> r.path().startsWith("/api/"))
                .count();
    }

    @Test
    void anInstanceThatCutsACallIsSkippedOnlyForCallsSafeToRepeat() {
        String token = TestTokens.national();
        int cutBefore = CUTTER.calls.get();
        List<Integer> reads = new ArrayList<>();
        List<Integer> keyed = new ArrayList<>();
        List<Integer> unkeyed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reads.add(api.get("/api/national/impact", token).status());
            keyed.add(api.post(
                            "/api/national/campaigns",
                            token,
                            "{}",
                            "Idempotency-Key",
                            UUID.randomUUID().toString())
                    .status());
        }
        for (int i = 0; i < 6; i++) {
            unkeyed.add(api.post("/api/national/campaigns", token, "{}").status());
        }
        assertThat(reads).containsOnly(200);
        assertThat(keyed).containsOnly(200);
        // a write without a key may have been acted on by the instance that cut it: not sent again
        assertThat(unkeyed).contains(200, 503).containsOnly(200, 503);
        assertThat(CUTTER.calls.get() - cutBefore)
                .as("calls that reached the cutting instance")
                .isEqualTo(6 + java.util.Collections.frequency(unkeyed, 503));
    }

    @Test
    void aKeyedWriteIsRepeatedOnlyOnPathsWhoseServiceHonoursTheKey() {
        String token = TestTokens.national();
        int cutBefore = CUTTER.calls.get();
        List<Integer> statuses = new ArrayList<>();
        // region-service records campaigns once per key, but nothing else of it honours the key: a key on another
        // write changes nothing there, and sending it again could record it twice
        for (int i = 0; i < 6; i++) {
            statuses.add(api.post(
                            "/api/regions/FR-HDF/anything",
                            token,
                            "{}",
                            "Idempotency-Key",
                            UUID.randomUUID().toString())
                    .status());
        }
        assertThat(statuses).contains(503).containsOnly(200, 503);
        assertThat(CUTTER.calls.get() - cutBefore)
                .as("calls that reached the cutting instance")
                .isEqualTo(java.util.Collections.frequency(statuses, 503));
    }
}
