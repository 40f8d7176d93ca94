package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Phase "observables" (asked for by name): the sightings at national scale. Appends {@code observables} observables
 * on {@code incidents} incidents across the 18 regions (one in a hundred drawn from a
 * pool of values that several regions share, the others each on one incident), waits for every service to follow,
 * then times the reads that cross regions: the national list of values seen in two regions or more, a region's own
 * observables with their counts elsewhere, and the campaign suggestions (time windows and shared values).
 */
record ObservableScale(BenchPlatform platform, EventStoreQueries store, Results results) {

    private static final int SHARED_POOL = 500;

    void run(int incidents, int observables) throws Exception {
        Random random = new Random(31);
        long started = System.nanoTime();
        long written;
        String someRegion = "FR-HDF";
        try (EventRows rows = new EventRows(platform.jdbcUrl(), null)) {
            Instant at = Instant.now().minusSeconds(600);
            String[] ids = new String[incidents];
            String[] regions = new String[incidents];
            // the observables only: 50,000 incidents reported in one minute would have notification-service
            // drafting every region's communiqué from them meanwhile, on the same two cores (the scale phase
            // measures a history of that size); the reads measured here do not depend on the incidents' events
            for (int i = 0; i < incidents; i++) {
                ids[i] = UUID.randomUUID().toString();
                regions[i] = EventSeeder.REGIONS.get(i % EventSeeder.REGIONS.size());
            }
            int[] next = new int[incidents];
            for (int o = 0; o < observables; o++) {
                int i = o % incidents;
                ObjectNode payload = o % 100 == 0
                        ? observed(
                                ids[i],
                                regions[i],
                                "domain-name",
                                "partage-" + random.nextInt(SHARED_POOL) + ".example")
                        : unique(ids[i], regions[i], o);
                rows.append(
                        ids[i],
                        next[i]++,
                        "Incident",
                        "incident.ObservableRecordedEvent",
                        payload,
                        at = at.plusNanos(1_000_000));
            }
            written = rows.written();
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long last = store.maxIndex();
        System.out.printf(
                "  appended %,d events (%,d incidents, %,d observables) in %.0f s; the services catch up%n",
                written, incidents, observables, loadSeconds);
        // region-service's groups; notification-service drafts the regions' communiqués from 50,000 incidents
        // reported at once meanwhile (not what is measured here: the reads below run while it still does)
        long catchUpStart = System.nanoTime();
        store.waitForProcessors(
                last, TimeUnit.MINUTES.toNanos(30), "observable-values", "national-impact", "campaign-links");
        double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
        // the reads are measured once every service has caught up (drafting and the views follow every event too),
        // so that they do not share the two cores with a catch-up
        store.waitForAllProcessors(last, TimeUnit.MINUTES.toNanos(30));

        String regions = platform.regions();
        Latencies national =
                BenchPlatform.timed(30, () -> platform.http().get(regions + "/api/national/observables", "national"));
        Latencies suggestions = BenchPlatform.timed(
                30,
                () -> platform.http()
                        .get(regions + "/api/national/campaigns/suggestions?basis=SHARED_OBSERVABLES", "national"));
        // one value, as an analyst pastes it: a shared one or one seen once, defanged
        int[] asked = {0};
        Latencies lookups = BenchPlatform.timed(30, () -> {
            int n = asked[0]++;
            String value =
                    n % 2 == 0 ? "partage-" + (n % SHARED_POOL) + "[.]example" : "v" + (n * 100 + 1) + "[.]example";
            return platform.http()
                    .get(
                            regions + "/api/national/observables/lookup?type=domain-name&value="
                                    + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8),
                            "national");
        });
        // both kinds: the time-window rule reads every incident's impact (the incidents of the warm-up here)
        Latencies allSuggestions = BenchPlatform.timed(
                10, () -> platform.http().get(regions + "/api/national/campaigns/suggestions", "national"));
        // a region's whole list (some 11,000 observables here) is read from its region's documents: last, and a
        // failure of it recorded rather than the phase lost
        Latencies region = null;
        try {
            region = BenchPlatform.timed(
                    10, () -> platform.http().get(regions + "/api/regions/" + someRegion + "/observables", "national"));
        } catch (IllegalStateException e) {
            results.put("observables_region_list_failure", e.getMessage());
        }
        results.put("observables_incidents", incidents);
        results.put("observables_recorded", observables);
        results.put("observables_catch_up_events_per_s", written / catchUpSeconds);
        results.put("observables_catch_up_s", catchUpSeconds);
        results.put("observables_shared_list_p50_ms", national.percentile(50));
        results.put("observables_shared_list_p99_ms", national.percentile(99));
        results.put("observables_lookup_p50_ms", lookups.percentile(50));
        results.put("observables_lookup_p99_ms", lookups.percentile(99));
        results.put("observables_region_list_p50_ms", region == null ? null : region.percentile(50));
        results.put("observables_region_list_size", observables / EventSeeder.REGIONS.size());
        results.put("observables_suggestions_p50_ms", suggestions.percentile(50));
        results.put("observables_suggestions_p99_ms", suggestions.percentile(99));
        results.put("observables_all_suggestions_p50_ms", allSuggestions.percentile(50));
    }

    private static ObjectNode unique(String incident, String region, int o) {
        return switch (o % 4) {
            case 0 ->
                observed(
                        incident,
                        region,
                        "ipv4-addr",
                        "10." + (o >> 16 & 255) + "." + (o >> 8 & 255) + "." + (o & 255));
            case 1 -> observed(incident, region, "domain-name", "v" + o + ".example");
            case 2 -> observed(incident, region, "url", "https://u" + o + ".example/connexion");
            default ->
                observed(
                        incident,
                        region,
                        "file-sha256",
                        HexFormat.of()
                                .formatHex(java.nio.ByteBuffer.allocate(32)
                                        .putInt(o)
                                        .array()));
        };
    }

    private static ObjectNode observed(String incident, String region, String type, String value) {
        return Http.JSON
                .createObjectNode()
                .put("incidentId", incident)
                .put("region", region)
                .put(
                        "observableId",
                        UUID.nameUUIDFromBytes((incident + type + value).getBytes())
                                .toString())
                .put("type", type)
                .put("value", value)
                .put("role", "OTHER")
                .put("tlp", "TLP:AMBER")
                .put("confidence", 50);
    }
}
