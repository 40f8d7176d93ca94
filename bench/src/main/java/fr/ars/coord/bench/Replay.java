package fr.ars.coord.bench;

import java.util.concurrent.TimeUnit;

/** Phase 4: the rebuild of the national picture over a seeded history. */
record Replay(BenchPlatform platform, EventStoreQueries store, Results results) {

    void run(int events) throws Exception {
        long seeded = EventSeeder.seed(platform.jdbcUrl(), events);
        long last = store.maxIndex();
        store.waitForAllProcessors(last, TimeUnit.MINUTES.toNanos(15));
        long start = System.nanoTime();
        platform.rebuildNationalImpact(last);
        double seconds = (System.nanoTime() - start) / 1e9;
        results.put("replay_seeded_events", seeded);
        results.put("replay_events", last + 1);
        results.put("replay_s", seconds);
        results.put("replay_events_per_s", (last + 1) / seconds);
    }
}
