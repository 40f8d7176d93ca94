package fr.ars.coord.platform.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void keepsEntriesAcrossGarbageCollectionsUnlikeAWeakCache() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("incident-1", new Object());
        System.gc();
        assertThat((Object) cache.get("incident-1")).isNotNull();
    }

    @Test
    void evictsTheLeastRecentlyUsedEntryBeyondItsSize() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");
        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(expired).containsExactly("b");
    }

    @Test
    void putIfAbsentKeepsTheFirstValueAndRemoveReportsWhetherSomethingWasThere() {
        BoundedAggregateCache cache = new BoundedAggregateCache(5);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat((Integer) cache.get("a")).isEqualTo(1);
        cache.computeIfPresent("a", (UnaryOperator<Integer>) v -> v + 10);
        cache.computeIfPresent("missing", (UnaryOperator<Integer>) v -> v + 10);
        assertThat((Integer) cache.get("a")).isEqualTo(11);
        assertThat(cache.containsKey("missing")).isFalse();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.put("b", 1);
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBoundUnderConcurrentUse() throws Exception {
        BoundedAggregateCache cache = new BoundedAggregateCache(100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    String key = thread + "-" + (i % 300);
                    if (cache.get(key) == null) {
                        cache.put(key, i);
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(cache.size()).isEqualTo(100);
    }

    @Test
    void refusesANonPositiveSize() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
