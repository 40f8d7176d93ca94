package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the running platform, each comparison side by side in one run, and writes bench-results.json:
 * gateway overhead, the cost of event sourcing against a plain insert, projection lag under steady load,
 * replay speed of the national-impact projection over 100,000 events, cold start and memory.
 */
public final class Bench {

    private static final int THREADS = 8;

    private final String gateway = "http://127.0.0.1:" + env("GATEWAY_PORT", "8080");
    private final String incidents = "http://127.0.0.1:" + env("INCIDENT_SERVICE_PORT", "8081");
    private final String regions = "http://127.0.0.1:" + env("REGION_SERVICE_PORT", "8082");
    /** Starts a rebuild of the national impact (POST), or tells the position it reflects (GET). */
    private final String impactRebuild = regions + "/api/national/impact/rebuild";
    private final String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + env("POSTGRES_PORT", "15432") + "/ars";
    private final Http http = new Http("http://localhost:" + env("KEYCLOAK_PORT", "8180")
            + "/realms/ars/protocol/openid-connect/token");
    private final Map<String, Object> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-results.json");
        Double coldStart = args.length > 1 && !args[1].isBlank() ? Double.valueOf(args[1]) : null;
        int replayEvents = Integer.parseInt(env("BENCH_REPLAY_EVENTS", "100000"));
        new Bench().run(out, coldStart, replayEvents);
        System.exit(0);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private void run(Path out, Double coldStart, int replayEvents) throws Exception {
        put("cold_start_all_healthy_s", coldStart);
        warmUp();
        if (phase("gateway")) {
            gatewayOverhead();
        }
        if (phase("store")) {
            eventSourcingCost();
        }
        if (phase("lag")) {
            projectionLag();
        }
        if (phase("replay")) {
            replay(replayEvents);
        }
        if (phase("scale")) {
            scale(Long.parseLong(env("BENCH_SCALE_EVENTS", "1000000")));
        }
        memory();
        ObjectNode json = Http.JSON.valueToTree(results);
        Files.writeString(out, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        print();
        System.out.println("written: " + out.toAbsolutePath());
    }

    /**
     * {@code BENCH_PHASES} (gateway, store, lag, replay, scale) runs a part of the benchmark alone; by default all
     * but scale, which loads a million events into the store and needs a platform of its own.
     */
    private static boolean phase(String name) {
        String phases = env("BENCH_PHASES", "all");
        return phases.equals("all") ? !name.equals("scale") : List.of(phases.split(",")).contains(name);
    }

    private void put(String key, Object value) {
        results.put(key, value instanceof Double d ? Math.round(d * 100.0) / 100.0 : value);
    }

    // --- 0. warming up ---------------------------------------------------------------------------------

    /**
     * Each JVM compiles its hot paths during its first thousands of requests, and on two shared cores its compiler
     * threads take a good part of the CPU meanwhile: a gateway started fresh compiled 2,800 methods during its
     * first 1,000 commands and still 60 to 110 per 1,000 after 5,000 (2 to 3 s of compiler time per 10 s round).
     * Every path measured below is exercised first, untimed, until the JVM behind it has stopped compiling.
     */
    private void warmUp() throws Exception {
        long start = System.nanoTime();
        warmUntilSteady(gateway, "gateway");
        warmUntilSteady(incidents, "incident-service");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> reports = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            boolean hdf = i % 2 == 0;
            reports.add(pool.submit(() -> report(gateway, hdf ? "ars-hdf" : "ars-nor", hdf ? "FR-HDF" : "FR-NOR")));
        }
        for (Future<?> f : reports) {
            f.get();
        }
        pool.shutdown();
        put("warm_up_s", (System.nanoTime() - start) / 1e9);
    }

    /** A round of warming up is steady when its JVM compiled at most this many methods during it. */
    private static final int STEADY_COMPILATIONS_PER_ROUND = 30;

    /**
     * Rounds of 1,000 commands, at least 4 and at most 40, until two in a row agree on throughput within 5 % and
     * the last one made the JVM behind {@code base} compile at most {@link #STEADY_COMPILATIONS_PER_ROUND} methods
     * (when its compilations cannot be read, throughput alone decides). Records the rounds and the last count.
     */
    private void warmUntilSteady(String base, String service) throws Exception {
        LocalJvm jvm = LocalJvm.ofService(service);
        OptionalLong before = compilations(jvm);
        double previous = 0;
        int round = 0;
        Long compiled = null;
        boolean steady = false;
        while (!steady && round < 40) {
            Run run = load(base, 1_000);
            round++;
            double rate = run.throughput();
            OptionalLong after = compilations(jvm);
            compiled = before.isPresent() && after.isPresent() ? after.getAsLong() - before.getAsLong() : null;
            before = after;
            System.out.printf("  warming up %s: %.0f commands/s, %s methods compiled%n", base, rate,
                    compiled == null ? "?" : compiled);
            steady = round >= 4 && Math.abs(rate - previous) / previous < 0.05
                    && (compiled == null || compiled <= STEADY_COMPILATIONS_PER_ROUND);
            previous = rate;
        }
        String key = service.replace("-service", "").replace('-', '_');
        put("warm_up_" + key + "_rounds", round);
        put("warm_up_" + key + "_last_round_compilations", compiled);
        if (!steady) {
            System.out.printf("  WARNING: %s was still compiling after %d rounds%n", service, round);
        }
    }

    private static OptionalLong compilations(LocalJvm jvm) {
        return jvm == null ? OptionalLong.empty() : jvm.compilations();
    }

    // --- 1. the gateway's overhead --------------------------------------------------------------------

    /**
     * Latency at the same steady arrival rate through the gateway and directly (the overhead a caller sees), then
     * throughput with 8 clients sending as fast as they can (the capacity each path leaves on these two cores).
     */
    private void gatewayOverhead() throws Exception {
        int rate = 30;
        int seconds = 20;
        Latencies direct = new Latencies();
        Latencies routed = new Latencies();
        Latencies proxied = new Latencies();
        String nginx = System.getenv("BENCH_NGINX_URL");
        LocalJvm gatewayJvm = LocalJvm.ofService("gateway");
        long gatewayCpuMillis = 0;
        for (int round = 0; round < 2; round++) {
            steady(incidents, rate, seconds).forEach(direct::add);
            long cpuBefore = cpuMillis(gatewayJvm);
            steady(gateway, rate, seconds).forEach(routed::add);
            gatewayCpuMillis += cpuMillis(gatewayJvm) - cpuBefore;
            if (nginx != null) {
                // the floor: one plain reverse-proxy hop to the same service, in the same alternation
                steady(nginx, rate, seconds).forEach(proxied::add);
            }
        }
        if (nginx != null) {
            put("nginx_p50_ms", proxied.percentile(50));
            put("nginx_p99_ms", proxied.percentile(99));
            put("nginx_overhead_p50_ratio", proxied.percentile(50) / direct.percentile(50));
        }
        // everything the gateway's JVM did meanwhile (its compiler, collector and timers included), per command
        put("gateway_cpu_ms_per_request", gatewayJvm == null ? null : (double) gatewayCpuMillis / (2 * rate * seconds));
        put("gateway_overhead_load_req_per_s", (double) rate);
        put("direct_p50_ms", direct.percentile(50));
        put("direct_p99_ms", direct.percentile(99));
        put("gateway_p50_ms", routed.percentile(50));
        put("gateway_p99_ms", routed.percentile(99));
        put("gateway_overhead_p50_ratio", routed.percentile(50) / direct.percentile(50));
        put("gateway_overhead_p99_ratio", routed.percentile(99) / direct.percentile(99));

        Leg saturatedDirect = new Leg();
        Leg saturatedRouted = new Leg();
        for (int round = 0; round < 2; round++) {
            saturatedDirect.add(load(incidents, 800));
            saturatedRouted.add(load(gateway, 800));
        }
        put("direct_throughput_req_per_s", saturatedDirect.throughput());
        put("gateway_throughput_req_per_s", saturatedRouted.throughput());
        put("saturated_direct_p50_ms", saturatedDirect.latencies.percentile(50));
        put("saturated_gateway_p50_ms", saturatedRouted.latencies.percentile(50));
        put("saturated_gateway_overhead_p50_ratio",
                saturatedRouted.latencies.percentile(50) / saturatedDirect.latencies.percentile(50));
    }

    /**
     * {@code rate} containment actions per second for {@code seconds}, spread over 8 incidents; each latency runs
     * from the moment the request was due, so a slow answer cannot hide the requests queued behind it.
     */
    private List<Long> steady(String base, int rate, int seconds) throws Exception {
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

    private static final class Leg {
        final Latencies latencies = new Latencies();
        long requests;
        long nanos;

        void add(Run run) {
            run.latencies.forEach(latencies::add);
            requests += run.requests;
            nanos += run.nanos;
        }

        double throughput() {
            return perSecond(requests, nanos);
        }
    }

    private record Run(List<Long> latencies, long requests, long nanos) {
        double throughput() {
            return perSecond(requests, nanos);
        }
    }

    private static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }

    /** {@code total} containment actions from 8 clients, each on a fresh incident of its own. */
    private Run load(String base, int total) throws Exception {
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
        return http.post(base + "/api/incidents/" + incident + "/containment-actions", "esante-hdf",
                "{\"action\": \"OTHER\", \"description\": \"" + description + "\"}").status() == 201;
    }

    /** One new Hauts-de-France incident per client, so that clients do not wait on each other's incident. */
    private List<String> freshIncidents(String base) {
        List<String> own = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            own.add(report(base, "ars-hdf", "FR-HDF"));
        }
        return own;
    }

    private String report(String base, String user, String region) {
        Http.Answer answer = http.post(base + "/api/incidents", user, """
                {"region": "%s", "title": "Banc de mesure", "summary": "charge", "awareAt": "2025-11-21T17:30:00Z",
                 "attackVector": "PHISHING", "operationalImpact": "NONE"}""".formatted(region));
        if (answer.status() != 201) {
            throw new IllegalStateException("report failed: " + answer.status() + " " + answer.body());
        }
        return answer.json().get("id").asText();
    }

    // --- 2. event sourcing against a plain insert ------------------------------------------------------

    private void eventSourcingCost() throws Exception {
        List<String> own = freshIncidents(incidents);
        AppendComparison.Figures store = new AppendComparison(jdbcUrl, THREADS).measure(own, 1_000, 3);
        put("event_append_throughput_per_s", store.unprojectedAppendsPerSecond());
        put("plain_insert_throughput_per_s", store.insertsPerSecond());
        put("event_sourcing_cost_ratio", store.ratio());
        put("projected_event_append_throughput_per_s", store.projectedAppendsPerSecond());
        put("event_sourcing_cost_with_projections_ratio", store.projectedRatio());
        Run commands = load(incidents, 800);
        double commandRate = commands.throughput();
        put("command_throughput_per_s", commandRate);
        put("whole_command_vs_plain_insert_ratio", store.insertsPerSecond() / commandRate);
    }

    // --- 3. projection lag under steady load -----------------------------------------------------------

    private void projectionLag() throws Exception {
        waitForAllProcessors(maxIndex(), TimeUnit.MINUTES.toNanos(15)); // the load starts from caught-up projections, not from earlier backlogs
        http.renew("ars-hdf", "ars-nor", "national"); // no token renewal inside the 30 s measured
        for (int i = 0; i < 50; i++) { // nor the first calls of the position reader (a new connection, cold code)
            http.get(impactRebuild, "national");
        }
        int rate = 50;
        int seconds = 30;
        AtomicLong seen = new AtomicLong(-1);
        Latencies lags = new Latencies();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        Map<Long, Long> pending = new ConcurrentHashMap<>();
        AtomicLong longestPoll = new AtomicLong();
        AtomicLong worstLag = new AtomicLong();
        AtomicLong worstLagAt = new AtomicLong();
        long phaseStart = System.nanoTime();
        sampler.scheduleAtFixedRate(() -> {
            long asked = System.nanoTime();
            Http.Answer status = http.get(impactRebuild, "national");
            if (status.status() == 200) {
                long position = status.json().get("position").asLong();
                long now = System.nanoTime();
                longestPoll.accumulateAndGet(now - asked, Math::max);
                seen.set(position);
                pending.entrySet().removeIf(e -> {
                    if (e.getKey() <= position) {
                        long lag = now - e.getValue();
                        lags.add(lag);
                        if (lag > worstLag.get()) { // only this thread writes both
                            worstLag.set(lag);
                            worstLagAt.set(e.getValue() - phaseStart);
                        }
                        return true;
                    }
                    return false;
                });
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        AtomicInteger sent = new AtomicInteger();
        int total = rate * seconds;
        String[] users = {"ars-hdf", "ars-nor"};
        String[] codes = {"FR-HDF", "FR-NOR"};
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(total);
        ticks.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            senders.execute(() -> {
                try {
                    String id = report(gateway, users[n % 2], codes[n % 2]);
                    long ack = System.nanoTime();
                    long index = globalIndexOf(id);
                    if (seen.get() >= index) {
                        lags.add(System.nanoTime() - ack);
                    } else {
                        pending.put(index, ack);
                    }
                } catch (Exception e) {
                    System.err.println("lag command failed: " + e);
                } finally {
                    done.countDown();
                }
            });
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        done.await(seconds + 60L, TimeUnit.SECONDS);
        double achieved = total / ((System.nanoTime() - start) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ticks.shutdownNow();
        senders.shutdownNow();
        sampler.shutdownNow();
        put("projection_load_commands_per_s", achieved);
        put("projection_lag_samples", lags.count());
        put("projection_lag_p50_ms", lags.percentile(50));
        put("projection_lag_p99_ms", lags.percentile(99));
        put("projection_lag_max_ms", lags.percentile(100));
        // where the worst lag came from: a slow read of the position, or a projection that did not move
        put("projection_lag_slowest_position_read_ms", longestPoll.get() / 1e6);
        Instant worstAcknowledged = Instant.now().minusNanos(System.nanoTime() - phaseStart - worstLagAt.get());
        System.err.printf("worst lag seen by the position reader: %.0f ms, for a command acknowledged %.1f s into"
                + " the phase (%s)%n", worstLag.get() / 1e6, worstLagAt.get() / 1e9, worstAcknowledged);
    }

    private Connection database;

    /** One kept connection for the benchmark's own queries (a new PostgreSQL connection costs a process fork). */
    private synchronized Connection database() throws SQLException {
        if (database == null) {
            database = DriverManager.getConnection(jdbcUrl, "ars", "ars");
        }
        return database;
    }

    /** The global index of an incident's last event. */
    private synchronized long globalIndexOf(String incidentId) throws SQLException {
        try (PreparedStatement q = database().prepareStatement(
                "SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?")) {
            q.setString(1, incidentId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // --- 4. replay of the national impact -------------------------------------------------------------

    private void replay(int events) throws Exception {
        long seeded = EventSeeder.seed(jdbcUrl, events);
        long last = maxIndex();
        waitForAllProcessors(last, TimeUnit.MINUTES.toNanos(15));
        long start = System.nanoTime();
        rebuildNationalImpact(last);
        double seconds = (System.nanoTime() - start) / 1e9;
        put("replay_seeded_events", seeded);
        put("replay_events", last + 1);
        put("replay_s", seconds);
        put("replay_events_per_s", (last + 1) / seconds);
    }

    /** Rebuilds the national impact from every event and waits until it reflects {@code last}. */
    private void rebuildNationalImpact(long last) throws Exception {
        Http.Answer started = http.post(impactRebuild, "national", "");
        if (started.status() != 200) {
            throw new IllegalStateException("rebuild refused: " + started.status() + " " + started.body());
        }
        while (true) {
            Http.Answer status = http.get(impactRebuild, "national");
            if (status.status() == 200 && status.json().get("position").asLong() >= last) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private synchronized long maxIndex() throws SQLException {
        try (Statement query = database().createStatement();
             ResultSet rs = query.executeQuery("SELECT max(globalindex) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every service's processors past {@code index}, so that the replay is measured alone. */
    private void waitForAllProcessors(long index, long timeoutNanos) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            if (slowestProcessorIndex() >= index) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("processors did not catch up with the seeded events");
    }

    private synchronized long slowestProcessorIndex() throws SQLException {
        try (Statement query = database().createStatement();
             ResultSet rs = query.executeQuery("SELECT min((convert_from(token, 'UTF8')::json->>'index')::bigint)"
                     + " FROM tokenentry WHERE token IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- 5. at national scale ------------------------------------------------------------------------

    /**
     * The platform's figures on a history of {@code events} events (a million by default: 50,000 incidents across
     * the 18 regions, campaigns, communiqués drafted from them), against the same figures on the store as it was
     * before: commands, the national impact now and in the middle of the history, incident views, the rebuild of
     * the national impact, and the store's size.
     */
    private void scale(long events) throws Exception {
        long storedBefore = maxIndex() + 1;
        Latencies commandsBefore = new Latencies();
        steady(incidents, 30, 20).forEach(commandsBefore::add);
        long bytesBefore = eventTableBytes();
        // the platform reads the store in append order, which follows the events' timestamps: what the warm-up and
        // the phases before recorded moves to the day before the simulated history appended after it
        restampEarlierEvents(HistorySeeder.start().minus(java.time.Duration.ofDays(1)));

        long loadStart = System.nanoTime();
        HistorySeeder.Seeded seeded = HistorySeeder.seed(jdbcUrl, events);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long bytesAfter = eventTableBytes();
        long last = maxIndex();
        System.out.printf("  seeded %,d events (%,d incidents, %d campaigns) in %.0f s; the services catch up%n",
                seeded.events(), seeded.incidents(), seeded.campaigns(), loadSeconds);
        long catchUpStart = System.nanoTime();
        waitForAllProcessors(last, TimeUnit.MINUTES.toNanos(60));
        double catchUpSeconds = (System.nanoTime() - catchUpStart) / 1e9;
        // the rebuild also drops the picture's snapshots, taken again from the first event
        long rebuildStart = System.nanoTime();
        rebuildNationalImpact(last);
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        long snapshotStart = System.nanoTime();
        waitForImpactSnapshots(last - 2 * SNAPSHOT_EVERY, TimeUnit.MINUTES.toNanos(20));
        double snapshotSeconds = (System.nanoTime() - snapshotStart) / 1e9;

        Latencies commandsAfter = new Latencies();
        steady(incidents, 30, 20).forEach(commandsAfter::add);
        Latencies impactNow = timed(30, () -> http.get(regions + "/api/national/impact", "national"));
        String middle = java.net.URLEncoder.encode(seeded.middle().toString(), java.nio.charset.StandardCharsets.UTF_8);
        Latencies impactMiddle = timed(10, () -> http.get(regions + "/api/national/impact?asOf=" + middle, "national"));
        Latencies incidentView = timed(30, () -> http.get(incidents + "/api/incidents/" + seeded.someIncident(),
                "national"));
        Latencies longView = timed(30, () -> http.get(incidents + "/api/incidents/" + seeded.longIncident(),
                "national"));
        Latencies longViewAsOf = timed(30, () -> http.get(incidents + "/api/incidents/" + seeded.longIncident()
                + "?asOf=" + java.net.URLEncoder.encode(Instant.now().toString(),
                java.nio.charset.StandardCharsets.UTF_8), "national"));

        put("scale_events_before", storedBefore);
        put("scale_seeded_events", seeded.events());
        put("scale_events", last + 1);
        put("scale_incidents", seeded.incidents());
        put("scale_campaigns", seeded.campaigns());
        put("scale_load_s", loadSeconds);
        put("scale_catch_up_s", catchUpSeconds);
        put("scale_catch_up_events_per_s", seeded.events() / catchUpSeconds);
        put("scale_snapshots_wait_s", snapshotSeconds);
        put("scale_command_p50_ms_before", commandsBefore.percentile(50));
        put("scale_command_p50_ms", commandsAfter.percentile(50));
        put("scale_command_p50_ratio", commandsAfter.percentile(50) / commandsBefore.percentile(50));
        put("scale_command_p99_ms", commandsAfter.percentile(99));
        put("scale_national_impact_p50_ms", impactNow.percentile(50));
        put("scale_national_impact_p99_ms", impactNow.percentile(99));
        put("scale_as_of_middle_p50_ms", impactMiddle.percentile(50));
        put("scale_as_of_middle_max_ms", impactMiddle.percentile(100));
        put("scale_incident_view_p50_ms", incidentView.percentile(50));
        put("scale_long_incident_view_p50_ms", longView.percentile(50));
        put("scale_long_incident_as_of_p50_ms", longViewAsOf.percentile(50));
        put("scale_disk_mb_per_million_events", (bytesAfter - bytesBefore) / 1e6 / seeded.events() * 1e6);
        put("scale_replay_s", rebuildSeconds);
        put("scale_replay_events_per_s", (last + 1) / rebuildSeconds);
    }

    /** The national picture's snapshot interval the platform runs with ({@code ars.national.snapshot-every}). */
    private static final long SNAPSHOT_EVERY = Long.parseLong(env("ARS_SNAPSHOT_EVERY", "20000"));

    /** Waits until region-service's latest snapshot of the national picture covers {@code upTo}. */
    private void waitForImpactSnapshots(long upTo, long timeoutNanos) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            Http.Answer status = http.get(impactRebuild, "national");
            if (status.status() == 200 && status.json().path("snapshotUpTo").asLong(-1) >= upTo) {
                return;
            }
            Thread.sleep(1000);
        }
        System.out.println("  WARNING: the snapshots of the national picture did not reach event " + upTo);
    }

    /** {@code count} calls one after the other; each must answer 200. */
    private static Latencies timed(int count, java.util.function.Supplier<Http.Answer> call) {
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

    /** Gives every event already stored a timestamp from {@code from} on, a millisecond apart, in append order. */
    private synchronized void restampEarlierEvents(Instant from) throws SQLException {
        try (PreparedStatement update = database().prepareStatement("UPDATE domainevententry SET timestamp ="
                + " to_char((TIMESTAMP WITH TIME ZONE 'epoch' + (? + globalindex) * INTERVAL '1 millisecond')"
                + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")) {
            update.setLong(1, from.toEpochMilli());
            update.executeUpdate();
        }
    }

    /** The event table's size on disk, indexes included. */
    private synchronized long eventTableBytes() throws SQLException {
        try (Statement query = database().createStatement();
             ResultSet rs = query.executeQuery("SELECT pg_total_relation_size('domainevententry')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- 6. memory ------------------------------------------------------------------------------------

    private void memory() throws Exception {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (String service : List.of("gateway", "incident-service", "region-service", "notification-service")) {
            rss.put(service, rss(LocalJvm.ofService(service)));
        }
        rss.put("keycloak", rss(LocalJvm.find("io.quarkus.bootstrap.runner.QuarkusEntryPoint")));
        rss.put("postgres-launcher", rss(LocalJvm.find("infra-stores.jar postgres")));
        rss.put("mongo-compatible-server", rss(LocalJvm.find("infra-stores.jar mongo")));
        Map<String, Double> rounded = new LinkedHashMap<>();
        rss.forEach((k, v) -> rounded.put(k, v == null ? null : Math.round(v * 10.0) / 10.0));
        results.put("rss_mb_after_load", rounded);
    }

    /** CPU time used so far by {@code jvm}, 0 when it was not found (its figure is then left out). */
    private static long cpuMillis(LocalJvm jvm) throws IOException {
        return jvm == null ? 0 : jvm.cpuMillis();
    }

    private static Double rss(LocalJvm jvm) throws IOException {
        return jvm == null ? null : jvm.rssMegabytes();
    }

    private void print() {
        System.out.println();
        System.out.println("  figure                                   measured     target");
        System.out.println("  ---------------------------------------- ------------ -----------------");
        row("gateway overhead, p50 latency ratio", results.get("gateway_overhead_p50_ratio"), "x", "<= 1.3x");
        row("gateway overhead, p99 latency ratio", results.get("gateway_overhead_p99_ratio"), "x", "");
        row("  at " + results.get("gateway_overhead_load_req_per_s") + " req/s: direct p50 / p99",
                results.get("direct_p50_ms") + " / " + results.get("direct_p99_ms"), "ms", "");
        row("  gateway p50 / p99", results.get("gateway_p50_ms") + " / " + results.get("gateway_p99_ms"), "ms", "");
        row("  gateway CPU per proxied command", results.get("gateway_cpu_ms_per_request"), "ms", "");
        if (results.containsKey("nginx_overhead_p50_ratio")) {
            row("one nginx hop, p50 latency ratio (floor)", results.get("nginx_overhead_p50_ratio"), "x", "");
            row("  nginx p50 / p99", results.get("nginx_p50_ms") + " / " + results.get("nginx_p99_ms"), "ms", "");
        }
        row("saturated (8 clients): direct / gateway", results.get("direct_throughput_req_per_s") + " / "
                + results.get("gateway_throughput_req_per_s"), "req/s", "");
        row("  p50 ratio when saturated", results.get("saturated_gateway_overhead_p50_ratio"), "x", "");
        row("event sourcing cost (plain insert / append)", results.get("event_sourcing_cost_ratio"), "x", "<= 3x");
        row("  event appends / plain inserts", results.get("event_append_throughput_per_s") + " / "
                + results.get("plain_insert_throughput_per_s"), "/s", "");
        row("  with the services projecting them", results.get("event_sourcing_cost_with_projections_ratio")
                + " x (" + results.get("projected_event_append_throughput_per_s") + " /s)", "", "");
        row("  whole HTTP commands (context)", results.get("command_throughput_per_s"), "/s", "");
        row("projection lag p50 / p99 at " + results.get("projection_load_commands_per_s") + " cmd/s",
                results.get("projection_lag_p50_ms") + " / " + results.get("projection_lag_p99_ms"), "ms", "p99 < 1000 ms");
        row("replay of " + results.get("replay_events") + " events", results.get("replay_events_per_s"), "events/s",
                ">= 5000 events/s");
        if (results.containsKey("scale_events")) {
            row("at scale: events in the store", results.get("scale_events") + " (" + results.get("scale_incidents")
                    + " incidents)", "", "");
            row("  command p50, 1M store / before", results.get("scale_command_p50_ratio") + " x ("
                    + results.get("scale_command_p50_ms") + " / " + results.get("scale_command_p50_ms_before") + " ms)",
                    "", "<= 1.2x");
            row("  national impact p50", results.get("scale_national_impact_p50_ms"), "ms", "<= 50 ms");
            row("  asOf mid-history p50", results.get("scale_as_of_middle_p50_ms"), "ms", "<= 500 ms");
            row("  incident view p50 (20 / 3,001 events)", results.get("scale_incident_view_p50_ms") + " / "
                    + results.get("scale_long_incident_view_p50_ms"), "ms", "");
            row("  rebuild of the national impact", results.get("scale_replay_events_per_s"), "events/s",
                    ">= 10000 events/s");
            row("  disk per million events", results.get("scale_disk_mb_per_million_events"), "MB", "");
            row("  services caught up with the load", results.get("scale_catch_up_events_per_s"), "events/s", "");
        }
        row("cold start to all healthy", results.get("cold_start_all_healthy_s"), "s", "");
        row("RSS after load", results.get("rss_mb_after_load"), "MB", "< 400 MB each service");
        System.out.println();
    }

    private static void row(String name, Object value, String unit, String target) {
        System.out.printf("  %-40s %-12s %s%n", name, value + " " + unit, target);
    }
}
