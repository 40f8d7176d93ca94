package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The surge after a press release: {@code readers} people read the public pages through the gateway for
 * {@code seconds} (each one a page, then another after 0.5 to 1.5 s, asking with the {@code ETag} it already has,
 * as a browser revalidating), while ARS staff send commands at a steady rate. Commands' latency is measured at the
 * same rate without the surge just before, side by side. Figures: public throughput and answers by status (the
 * share of 304), public latency, command p50/p99 without and with the surge.
 */
record PublicSurge(BenchPlatform platform, Results results) {

    private static final int COMMANDS_PER_SECOND = 20;

    void run(int readers, int seconds) throws Exception {
        List<String> pages = new ArrayList<>(List.of(
                "/public/",
                "/public/regions/FR-HDF",
                "/public/regions/FR-NOR",
                "/public/conseils",
                "/feeds/communiques.atom",
                "/public/dsfr/dsfr.min.css"));
        String published = publishOne();
        if (published != null) {
            pages.add("/public/communiques/" + published);
        }
        int commandSeconds = Math.max(10, seconds / 2);
        Latencies quiet = new Latencies();
        platform.steady(platform.gateway(), COMMANDS_PER_SECOND, commandSeconds).forEach(quiet::add);

        Surge surge = new Surge(platform.gateway(), pages, readers, seconds);
        surge.start();
        // the commands of the surge run in its middle, once every reader has arrived
        Thread.sleep(TimeUnit.SECONDS.toMillis((seconds - commandSeconds) / 2));
        // where the two cores went meanwhile: the gateway, and this program's thousand readers
        LocalJvm gateway = LocalJvm.ofService("gateway");
        long gatewayCpu = gateway == null ? 0 : gateway.cpuMillis();
        long readersCpu = ownCpuNanos();
        long begin = System.nanoTime();
        Latencies surged = new Latencies();
        platform.steady(platform.gateway(), COMMANDS_PER_SECOND, commandSeconds).forEach(surged::add);
        double wallMillis = (System.nanoTime() - begin) / 1e6;
        if (gateway != null) {
            results.put("surge_gateway_cpu_cores", (gateway.cpuMillis() - gatewayCpu) / wallMillis);
        }
        results.put("surge_bench_cpu_cores", (ownCpuNanos() - readersCpu) / 1e6 / wallMillis);
        surge.awaitEnd();

        results.put("surge_readers", readers);
        results.put("surge_seconds", seconds);
        results.put("surge_public_req_per_s", surge.answered() / (double) seconds);
        results.put("surge_public_304_share", surge.share(304));
        results.put("surge_public_200_share", surge.share(200));
        results.put("surge_public_refused_share", surge.share(503) + surge.share(429));
        results.put("surge_public_failed_share", surge.failedShare());
        results.put("surge_public_p50_ms", surge.latencies.percentile(50));
        results.put("surge_public_p99_ms", surge.latencies.percentile(99));
        results.put("surge_commands_per_s", (double) COMMANDS_PER_SECOND);
        results.put("surge_command_p50_ms_quiet", quiet.percentile(50));
        results.put("surge_command_p99_ms_quiet", quiet.percentile(99));
        results.put("surge_command_p50_ms", surged.percentile(50));
        results.put("surge_command_p99_ms", surged.percentile(99));
        results.put("surge_command_p99_ratio", surged.percentile(99) / quiet.percentile(99));
    }

    /** This program's CPU time so far (its readers, and the commands' client). */
    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * One Hauts-de-France communiqué published, so that the readers have one to read: its draft approved by the
     * ARS's officer and, when the GRADeS co-issues it, by the GRADeS's, then published. Null if none could be.
     */
    private String publishOne() throws InterruptedException {
        Http http = platform.http();
        String base = platform.gateway();
        http.post(
                base + "/api/incidents/" + platform.report(base, "ars-hdf", "FR-HDF") + "/assessments", "ars-hdf", """
                {"exposedData": ["LAST_NAME", "FIRST_NAME", "EMAIL"], "medicalDataExposed": false,
                 "estimatedPatients": 1200}""");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (JsonNode draft : http.get(base + "/api/communiques?region=FR-HDF&status=DRAFT", "comms-hdf")
                    .json()) {
                String id = draft.get("id").asText();
                http.post(base + "/api/communiques/" + id + "/approve", "comms-hdf", "");
                if (draft.path("issuers").toString().contains("GRADES")) {
                    http.post(base + "/api/communiques/" + id + "/approve", "comms-esante-hdf", "");
                }
                if (http.post(base + "/api/communiques/" + id + "/publish", "comms-hdf", "")
                                .status()
                        == 200) {
                    return id;
                }
            }
            Thread.sleep(500);
        }
        System.out.println("  WARNING: no communiqué could be published; the readers read the other pages");
        return null;
    }

    /** The readers: each one a chain of asynchronous calls, so that a thousand of them cost the bench few threads. */
    private static final class Surge {

        private final HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final String gateway;
        private final List<String> pages;
        private final int readers;
        private final long endNanos;
        private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
        private final AtomicLong failed = new AtomicLong();
        private final List<CompletableFuture<Void>> done = new ArrayList<>();
        final Latencies latencies = new Latencies();

        Surge(String gateway, List<String> pages, int readers, int seconds) {
            this.gateway = gateway;
            this.pages = List.copyOf(pages);
            this.readers = readers;
            this.endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        }

        /** The readers arrive over the first five seconds, as a surge builds up. */
        void start() {
            for (int i = 0; i < readers; i++) {
                CompletableFuture<Void> finished = new CompletableFuture<>();
                done.add(finished);
                Map<String, String> etags = new ConcurrentHashMap<>();
                CompletableFuture.delayedExecutor(5_000L * i / readers, TimeUnit.MILLISECONDS)
                        .execute(() -> read(etags, finished));
            }
        }

        private void read(Map<String, String> etags, CompletableFuture<Void> finished) {
            if (System.nanoTime() - endNanos > 0) {
                finished.complete(null);
                return;
            }
            String page = pages.get(ThreadLocalRandom.current().nextInt(pages.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + page))
                    .timeout(Duration.ofSeconds(10))
                    .GET();
            String etag = etags.get(page);
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            long begin = System.nanoTime();
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, error) -> {
                        if (error != null) {
                            failed.incrementAndGet();
                        } else {
                            latencies.add(System.nanoTime() - begin);
                            byStatus.computeIfAbsent(response.statusCode(), s -> new AtomicLong())
                                    .incrementAndGet();
                            response.headers().firstValue("ETag").ifPresent(tag -> etags.put(page, tag));
                        }
                        long think = 500 + ThreadLocalRandom.current().nextLong(1_000);
                        CompletableFuture.delayedExecutor(think, TimeUnit.MILLISECONDS)
                                .execute(() -> read(etags, finished));
                    });
        }

        void awaitEnd() {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        }

        long answered() {
            return byStatus.values().stream().mapToLong(AtomicLong::get).sum();
        }

        double share(int status) {
            long all = answered() + failed.get();
            AtomicLong count = byStatus.get(status);
            return all == 0 || count == null ? 0 : count.get() / (double) all;
        }

        double failedShare() {
            long all = answered() + failed.get();
            return all == 0 ? 0 : failed.get() / (double) all;
        }
    }
}
