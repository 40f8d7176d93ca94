package fr.ars.coord.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ars.coord.gateway.filter.RateLimitBuckets.BucketStoreUnavailable;
import fr.ars.coord.gateway.filter.RateLimitBuckets.Take;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FirstLineBucketsTest {

    private static final BucketConfiguration TEN = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder()
                    .capacity(10)
                    .refillGreedy(10, Duration.ofMinutes(1))
                    .build())
            .build();

    /** A shared store that counts its calls, how many at once, and can be made to fail or to take its time. */
    static final class CountingStore implements RateLimitBuckets {
        final MemoryRateLimitBuckets buckets = new MemoryRateLimitBuckets();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger mostConcurrent = new AtomicInteger();
        volatile boolean down;
        volatile long delayMillis;

        @Override
        public Take take(String key, BucketConfiguration configuration) {
            calls.incrementAndGet();
            mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                if (down) {
                    throw new BucketStoreUnavailable("down", null);
                }
                return buckets.take(key, configuration);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                concurrent.decrementAndGet();
            }
        }
    }

    private final CountingStore store = new CountingStore();
    private final AtomicLong now = new AtomicLong();
    private final FirstLineBuckets buckets = new FirstLineBuckets(
            new MemoryRateLimitBuckets(), store, Duration.ofSeconds(2), Duration.ofSeconds(1), now::get);

    @Test
    void aFloodIsRefusedInMemoryWithoutReachingTheStore() {
        List<Take> takes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            takes.add(buckets.take("ip:6.6.6.6", TEN));
        }
        assertThat(takes.stream().filter(Take::allowed).count()).isEqualTo(10);
        assertThat(store.calls.get()).as("calls that reached the shared store").isEqualTo(10);
        assertThat(buckets.take("ip:1.2.3.4", TEN).allowed()).isTrue();
    }

    @Test
    void theStoreRefusesWhatAnotherGatewayAlreadyLetThrough() {
        // another gateway took the caller's whole allowance in the shared store
        for (int i = 0; i < 10; i++) {
            store.buckets.take("sub:x", TEN);
        }
        Take take = buckets.take("sub:x", TEN);
        assertThat(take.allowed()).isFalse();
        assertThat(take.nanosToWait()).isPositive();
    }

    @Test
    void oneCallersCallsReachTheStoreOneAtATime() throws Exception {
        store.delayMillis = 20;
        BucketConfiguration many = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(1_000)
                        .refillGreedy(1_000, Duration.ofMinutes(1))
                        .build())
                .build();
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Take>> takes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                takes.add(callers.submit(() -> buckets.take("ip:6.6.6.6", many)));
            }
            for (Future<Take> take : takes) {
                take.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(store.mostConcurrent.get())
                .as("one caller's calls at once in the store")
                .isEqualTo(1);
    }

    @Test
    void aCallerQueuedTooLongIsRefusedRatherThanHeld() throws Exception {
        store.delayMillis = 300;
        FirstLineBuckets impatient = new FirstLineBuckets(
                new MemoryRateLimitBuckets(), store, Duration.ofMillis(50), Duration.ofSeconds(1), now::get);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<Take> first = callers.submit(() -> impatient.take("ip:6.6.6.6", TEN));
            Thread.sleep(50);
            Future<Take> second = callers.submit(() -> impatient.take("ip:6.6.6.6", TEN));
            assertThat(first.get(5, TimeUnit.SECONDS).allowed()).isTrue();
            assertThat(second.get(5, TimeUnit.SECONDS).allowed()).isFalse();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aStoreThatFailedIsNotAskedAgainForItsRestPeriod() {
        store.down = true;
        assertThatThrownBy(() -> buckets.take("ip:1.1.1.1", TEN)).isInstanceOf(BucketStoreUnavailable.class);
        int calls = store.calls.get();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> buckets.take("ip:2.2.2." + 0, TEN)).isInstanceOf(BucketStoreUnavailable.class);
        }
        assertThat(store.calls.get()).as("calls during the rest period").isEqualTo(calls);
        assertThat(buckets.storeResting()).isTrue();
        store.down = false;
        now.addAndGet(Duration.ofMillis(1_001).toNanos());
        assertThat(buckets.take("ip:3.3.3.3", TEN).allowed()).isTrue();
        assertThat(buckets.storeResting()).isFalse();
    }
}
