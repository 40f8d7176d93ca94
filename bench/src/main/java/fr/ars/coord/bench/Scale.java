package fr.ars.coord.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Phase 5 (asked for by name): the platform's figures on a million-event history against the same figures before.
 */
record Scale(BenchPlatform platform, EventStoreQueries store, Results results) {

    /** The national picture's snapshot interval the platform runs with ({@code ars.national.snapshot-every}). */
    private static final long SNAPSHOT_EVERY = Long.parseLong(Bench.env("ARS_SNAPSHOT_EVERY", "20000"));

    /**
     * The platform's figures on a history of {@code events} events (a million by default: 50,000 incidents across
     * the 18 regions, campaigns, communiqués drafted from them), against the same figures on the store as it was
     * before: commands, the national impact now and in the middle of the history, incident views, the rebuild of
     * the national impact, and the store's size.
     */
    void run(long events) throws Exception {
        long storedBefore = store.maxIndex() + 1;
        Latencies commandsBefore = new Latencies();
        platform.steady(platform.incidents(), 30, 20).forEach(commandsBefore::add);
        long bytesBefore = store.eventTableBytes();
        // the platform reads the store in append order, which follows the events' timestamps: what the warm-up and
        // the phases before recorded moves to the day before the simulated history appended after it
        store.restampEarlierEvents(HistorySeeder.start().minus(java.time.Duration.ofDays(1)));

        long loadStart = System.nanoTime();
        HistorySeeder.Seeded seeded = HistorySeeder.seed(platform.jdbcUrl(), events);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long bytesAfter = store.eventTableBytes();
        long last = store.maxIndex();
        System.out.printf(
                "  seeded %,d events (%,d incidents, %d campaigns) in %.0f s; the services catch up%n",
                seeded.events(), seeded.incidents(), seeded.campaigns(), loadSeconds);
        long catchUpStart = System.nanoTime();
        store.waitForAllProcessors(last, TimeUnit.MINUTES.toNanos(60));
        double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
        // the rebuild also drops the picture's snapshots, taken again from the first event
        long rebuildStart = System.nanoTime();
        platform.rebuildNationalImpact(last);
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        long snapshotStart = System.nanoTime();
        platform.waitForImpactSnapshots(last - 2 * SNAPSHOT_EVERY, TimeUnit.MINUTES.toNanos(20));
        double snapshotSeconds = (System.nanoTime() - snapshotStart) / 1e9;

        Latencies commandsAfter = new Latencies();
        platform.steady(platform.incidents(), 30, 20).forEach(commandsAfter::add);
        Latencies impactNow = BenchPlatform.timed(
                30, () -> platform.http().get(platform.regions() + "/api/national/impact", "national"));
        String middle = java.net.URLEncoder.encode(seeded.middle().toString(), java.nio.charset.StandardCharsets.UTF_8);
        Latencies impactMiddle = BenchPlatform.timed(
                10, () -> platform.http().get(platform.regions() + "/api/national/impact?asOf=" + middle, "national"));
        Latencies incidentView = BenchPlatform.timed(
                30,
                () -> platform.http()
                        .get(platform.incidents() + "/api/incidents/" + seeded.someIncident(), "national"));
        Latencies longView = BenchPlatform.timed(
                30,
                () -> platform.http()
                        .get(platform.incidents() + "/api/incidents/" + seeded.longIncident(), "national"));
        Latencies longViewAsOf = BenchPlatform.timed(
                30,
                () -> platform.http()
                        .get(
                                platform.incidents() + "/api/incidents/" + seeded.longIncident()
                                        + "?asOf="
                                        + java.net.URLEncoder.encode(
                                                Instant.now().toString(), java.nio.charset.StandardCharsets.UTF_8),
                                "national"));

        results.put("scale_events_before", storedBefore);
        results.put("scale_seeded_events", seeded.events());
        results.put("scale_events", last + 1);
        results.put("scale_incidents", seeded.incidents());
        results.put("scale_campaigns", seeded.campaigns());
        results.put("scale_load_s", loadSeconds);
        results.put("scale_catch_up_s", catchUpSeconds);
        results.put("scale_catch_up_events_per_s", seeded.events() / catchUpSeconds);
        results.put("scale_snapshots_wait_s", snapshotSeconds);
        results.put("scale_command_p50_ms_before", commandsBefore.percentile(50));
        results.put("scale_command_p50_ms", commandsAfter.percentile(50));
        results.put("scale_command_p50_ratio", commandsAfter.percentile(50) / commandsBefore.percentile(50));
        results.put("scale_command_p99_ms", commandsAfter.percentile(99));
        results.put("scale_national_impact_p50_ms", impactNow.percentile(50));
        results.put("scale_national_impact_p99_ms", impactNow.percentile(99));
        results.put("scale_as_of_middle_p50_ms", impactMiddle.percentile(50));
        results.put("scale_as_of_middle_max_ms", impactMiddle.percentile(100));
        results.put("scale_incident_view_p50_ms", incidentView.percentile(50));
        results.put("scale_long_incident_view_p50_ms", longView.percentile(50));
        results.put("scale_long_incident_as_of_p50_ms", longViewAsOf.percentile(50));
        results.put("scale_disk_mb_per_million_events", (bytesAfter - bytesBefore) / 1e6 / seeded.events() * 1e6);
        results.put("scale_replay_s", rebuildSeconds);
        results.put("scale_replay_events_per_s", (last + 1) / rebuildSeconds);
    }
}
