package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Phase: how soon a published communiqué reaches a webhook subscriber. A receiver on this machine is subscribed
 * (the platform the benchmark starts allows 127.0.0.1 as a target); then, one after the other, an incident exposing
 * patients' identity data is recorded (which drafts or revises its region's communiqué), and the region's draft is
 * approved by its issuers and published. The delay kept runs from the publication as recorded (its event's timestamp)
 * to the moment the receiver is called; and, as an upper bound, from the moment the publish call was sent. The
 * subscription is revoked at the end.
 */
record DeliveryLatency(BenchPlatform platform, EventStoreQueries store, Results results) {

    private static final String[][] REGIONS = {{"FR-HDF", "ars-hdf", "comms-hdf"}, {"FR-NOR", "ars-nor", "comms-nor"}};

    void run(int publications) throws Exception {
        Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        receiver.createContext("/hook", exchange -> {
            Arrival now = new Arrival(System.nanoTime(), Instant.now());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode json = Http.JSON.readTree(body);
            String communique = json.path("communique").path("id").asText("");
            arrivals.putIfAbsent(communique, now);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Http.Answer subscribed = platform.http()
                    .post(
                            platform.gateway() + "/api/webhook-subscriptions",
                            "national",
                            "{\"url\": \"" + url + "\", \"secret\": \"banc-de-mesure-" + System.nanoTime()
                                    + "-secret-long\", \"regions\": []}");
            if (subscribed.status() != 201) {
                throw new IllegalStateException(
                        "subscription refused: " + subscribed.status() + " " + subscribed.body());
            }
            String subscription = subscribed.json().get("id").asText();
            Latencies delays = new Latencies();
            Latencies fromCall = new Latencies();
            // the two hops: publication → delivery scheduled (the dispatch), scheduled → receiver called
            Latencies toScheduled = new Latencies();
            Latencies scheduledToReceiver = new Latencies();
            int missed = 0;
            // one publication before those measured: the first after the subscription opens the connection to the
            // receiver and runs the publication's path for the first time (the warm-up sends no communiqué); its
            // delay is reported apart
            for (int n = -1; n < publications; n++) {
                String[] region = REGIONS[Math.floorMod(n, REGIONS.length)];
                assessExposure(platform.report(platform.gateway(), region[1], region[0]), region[1], 100 + n);
                Published published = publishDraft(region[0], region[2]);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                Arrival arrived;
                while ((arrived = arrivals.get(published.communique())) == null && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Optional<Instant> recorded = store.publishedAt(published.communique());
                if (n < 0) {
                    if (arrived != null && recorded.isPresent()) {
                        results.put(
                                "delivery_first_publication_ms",
                                Duration.between(recorded.get(), arrived.at()).toNanos() / 1e6);
                    }
                    continue;
                }
                if (arrived == null || recorded.isEmpty()) {
                    missed++;
                } else {
                    // the service's clock and this one are the same machine's
                    delays.add(Duration.between(recorded.get(), arrived.at()).toNanos());
                    fromCall.add(arrived.nanos() - published.sentAt());
                    Optional<Instant> scheduled = store.firstRecordedAt(
                            UUID.nameUUIDFromBytes((published.communique() + "|WEBHOOK|" + subscription)
                                            .getBytes(StandardCharsets.UTF_8))
                                    .toString());
                    if (scheduled.isPresent()) {
                        toScheduled.add(Duration.between(recorded.get(), scheduled.get())
                                .toNanos());
                        scheduledToReceiver.add(
                                Duration.between(scheduled.get(), arrived.at()).toNanos());
                    }
                }
            }
            platform.http()
                    .delete(
                            platform.gateway() + "/api/webhook-subscriptions/" + subscription,
                            "national",
                            "{\"reason\": \"fin du banc de mesure\"}");
            results.put("delivery_publications", (double) publications);
            results.put("delivery_not_received_in_30_s", (double) missed);
            results.put("delivery_first_attempt_p50_ms", delays.percentile(50));
            results.put("delivery_first_attempt_p99_ms", delays.percentile(99));
            results.put("delivery_first_attempt_max_ms", delays.percentile(100));
            // an upper bound: from the moment the publish call was sent (the publication's own command included)
            results.put("delivery_from_publish_call_p50_ms", fromCall.percentile(50));
            results.put("delivery_from_publish_call_p99_ms", fromCall.percentile(99));
            results.put("delivery_publication_to_scheduled_p50_ms", toScheduled.percentile(50));
            results.put("delivery_publication_to_scheduled_p99_ms", toScheduled.percentile(99));
            results.put("delivery_scheduled_to_receiver_p50_ms", scheduledToReceiver.percentile(50));
            results.put("delivery_scheduled_to_receiver_p99_ms", scheduledToReceiver.percentile(99));
        } finally {
            receiver.stop(0);
        }
    }

    private record Published(String communique, long sentAt) {}

    private record Arrival(long nanos, Instant at) {}

    /** An assessment exposing patients' identity data: the region's communiqué is drafted, or its draft revised. */
    private void assessExposure(String incident, String user, int patients) {
        Http.Answer assessed = platform.http()
                .post(
                        platform.gateway() + "/api/incidents/" + incident + "/assessments",
                        user,
                        "{\"exposedData\": [\"LAST_NAME\", \"EMAIL\"], \"medicalDataExposed\": false,"
                                + " \"estimatedPatients\": " + patients + "}");
        if (assessed.status() != 201) {
            throw new IllegalStateException("assessment refused: " + assessed.status() + " " + assessed.body());
        }
    }

    /**
     * Approves the region's current draft as its issuers (the agency's officer, and the e-health group's when it
     * co-issues) and publishes it; a draft revised meanwhile by the facts is approved anew.
     */
    private Published publishDraft(String region, String officer) throws Exception {
        Http http = platform.http();
        String base = platform.gateway() + "/api/communiques";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode drafts = http.get(base + "?region=" + region + "&status=DRAFT", officer)
                    .json();
            if (!drafts.isArray() || drafts.isEmpty()) {
                Thread.sleep(20);
                continue;
            }
            String id = drafts.get(0).get("id").asText();
            http.post(base + "/" + id + "/approve", officer, "");
            JsonNode current = http.get(base + "/" + id, officer).json();
            if (current.path("status").asText().equals("DRAFT")
                    && current.path("issuers").toString().contains("GRADES")) {
                http.post(
                        base + "/" + id + "/approve",
                        "comms-esante-" + region.substring(3).toLowerCase(),
                        "");
            }
            long sentAt = System.nanoTime();
            Http.Answer published = http.post(base + "/" + id + "/publish", officer, "");
            if (published.status() == 200) {
                return new Published(id, sentAt);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no draft of " + region + " could be published in 60 s");
    }
}
