package fr.ars.coord.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform under measurement, as the phases call it: its addresses, a client with tokens, and the loads they
 * send (new incidents, containment actions at a steady rate or as fast as 8 clients can).
 */
record BenchPlatform(String gateway, String incidents, String regions, String jdbcUrl, Http http) {

    static final int THREADS = 8;

    /** The platform as {@code infra/run.sh} starts it, at the ports of the environment. */
    static BenchPlatform fromEnvironment() {
        String regions = "http://127.0.0.1:" + Bench.env("REGION_SERVICE_PORT", "8082");
        return new BenchPlatform(
                "http://127.0.0.1:" + Bench.env("GATEWAY_PORT", "8080"),
                "http://127.0.0.1:" + Bench.env("INCIDENT_SERVICE_PORT", "8081"),
                regions,
                "jdbc:postgresql://127.0.0.1:" + Bench.env("POSTGRES_PORT", "15432") + "/ars",
                new Http("http://localhost:" + Bench.env("KEYCLOAK_PORT", "8180")
                        + "/realms/ars/protocol/openid-connect/token"));
    }

    /** Starts a rebuild of the national impact (POST), or tells the position it reflects (GET). */
    String impactRebuild() {
        return regions + "/api/national/impact/rebuild";
    }

    /**
     * {@code rate} containment actions per second for {@code seconds}, spread over 8 incidents; each latency runs
     * from the moment the request was due, so a slow answer cannot hide the requests queued behind it.
     */
    List<Long> steady(String base, int rate, int seconds) throws Exception {
        List<String> own = freshIncidents(base);
        http.renew("esante-hdf");
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        int total = rate * seconds;
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int n = 0; n < total; n++) {
            long due = start + n * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String incident = own.get(n % THREADS);
            int number = n;
            sent.add(senders.submit(() -> {
                boolean recorded = recordAction(base, incident, "cadence " + number);
                latencies.add(System.nanoTime() - due);
                if (!recorded) {
                    failures.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        senders.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures + " commands failed against " + base);
        }
        return latencies;
    }

    record Run(List<Long> latencies, long requests, long nanos) {
        double throughput() {
            return perSecond(requests, nanos);
        }
    }

    static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    /** {@code total} containment actions from 8 clients, each on a fresh incident of its own. */
    Run load(String base, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> own = freshIncidents(base);
        http.renew("esante-hdf");
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String incident = own.get(t);
            futures.add(pool.submit(() -> {
                for (int i = 0; i < total / THREADS; i++) {
                    long begin = System.nanoTime();
                    boolean recorded = recordAction(base, incident, "charge " + i);
                    latencies.add(System.nanoTime() - begin);
                    if (!recorded) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures + " commands failed against " + base);
        }
        return new Run(latencies, total, nanos);
    }

    /** One containment action by GRADeS staff; true when it was recorded (201). */
    private boolean recordAction(String base, String incident, String description) {
        return http.post(
                                base + "/api/incidents/" + incident + "/containment-actions",
                                "esante-hdf",
                                "{\"action\": \"OTHER\", \"description\": \"" + description + "\"}")
                        .status()
                == 201;
    }

    /** One new Hauts-de-France incident per client, so that clients do not wait on each other's incident. */
    List<String> freshIncidents(String base) {
        List<String> own = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            own.add(report(base, "ars-hdf", "FR-HDF"));
        }
        return own;
    }

    String report(String base, String user, String region) {
        Http.Answer answer = http.post(base + "/api/incidents", user, """
                {"region": "%s", "title": "Banc de mesure", "summary": "charge", "awareAt": "2025-11-21T17:30:00Z",
                 "attackVector": "PHISHING", "operationalImpact": "NONE"}""".formatted(region));
        if (answer.status() != 201) {
            throw new IllegalStateException("report failed: " + answer.status() + " " + answer.body());
        }
        return answer.json().get("id").asText();
    }

    /** Rebuilds the national impact from every event and waits until it reflects {@code last}. */
    void rebuildNationalImpact(long last) throws Exception {
        Http.Answer started = http.post(impactRebuild(), "national", "");
        if (started.status() != 200) {
            throw new IllegalStateException("rebuild refused: " + started.status() + " " + started.body());
        }
        while (true) {
            Http.Answer status = http.get(impactRebuild(), "national");
            if (status.status() == 200 && status.json().get("position").asLong() >= last) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Waits until region-service's latest snapshot of the national picture covers {@code upTo}. */
    void waitForImpactSnapshots(long upTo, long timeoutNanos) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            Http.Answer status = http.get(impactRebuild(), "national");
            if (status.status() == 200 && status.json().path("snapshotUpTo").asLong(-1) >= upTo) {
                return;
            }
            Thread.sleep(1000);
        }
        System.out.println("  WARNING: the snapshots of the national picture did not reach event " + upTo);
    }

    /** {@code count} calls one after the other; each must answer 200. */
    static Latencies timed(int count, java.util.function.Supplier<Http.Answer> call) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < count; i++) {
            long begin = System.nanoTime();
            Http.Answer answer = call.get();
            latencies.add(System.nanoTime() - begin);
            if (answer.status() != 200) {
                throw new IllegalStateException("answered " + answer.status() + ": " + answer.body());
            }
        }
        return latencies;
    }
}
