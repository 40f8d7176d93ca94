package fr.ars.coord.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Phase 3: how long an event takes to reach the national picture, under a steady load of new incidents. */
record ProjectionLag(BenchPlatform platform, EventStoreQueries store, Results results) {

    /** The load's first seconds, reported apart as well. */
    private static final long SETTLED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(3);

    void run() throws Exception {
        store.waitForAllProcessors(
                store.maxIndex(),
                TimeUnit.MINUTES.toNanos(15)); // the load starts from caught-up projections, not from earlier backlogs
        // the first calls of the services' status reads (cold code) made before the idle time and the load: in
        // region-service they made it compile about a thousand methods over the next seconds, which fell in the
        // load's first seconds when they were made just before it
        for (int i = 0; i < 50; i++) {
            platform.http().get(platform.impactRebuild(), "national");
        }
        untilCompiled(LocalJvm.ofService("region-service"));
        idleCpu();
        int rate = 50;
        int seconds = 30;
        AtomicLong seen = new AtomicLong(-1);
        Samples lags = new Samples();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        Map<Long, Long> pending = new ConcurrentHashMap<>();
        AtomicLong longestPoll = new AtomicLong();
        AtomicLong worstLag = new AtomicLong();
        AtomicLong worstLagAt = new AtomicLong();
        AtomicLong loadStart = new AtomicLong(System.nanoTime()); // when the commands start, once all is ready
        // the national picture's position read where region-service commits it, every 5 ms on a connection of its
        // own: a lag is known within 5 ms (2.5 ms late on average), whatever wakes the projections
        EventStoreQueries positions = store.another();
        sampler.scheduleAtFixedRate(
                () -> {
                    long asked = System.nanoTime();
                    long position;
                    try {
                        position = positions.nationalImpactPosition();
                    } catch (java.sql.SQLException e) {
                        return;
                    }
                    long now = System.nanoTime();
                    longestPoll.accumulateAndGet(now - asked, Math::max);
                    seen.set(position);
                    pending.entrySet().removeIf(e -> {
                        if (e.getKey() <= position) {
                            long lag = now - e.getValue();
                            lags.add(e.getValue() - loadStart.get(), lag);
                            if (lag > worstLag.get()) { // only this thread writes both
                                worstLag.set(lag);
                                worstLagAt.set(e.getValue() - loadStart.get());
                            }
                            return true;
                        }
                        return false;
                    });
                },
                0,
                5,
                TimeUnit.MILLISECONDS);
        platform.http().renew("ars-hdf", "ars-nor", "national"); // no token renewal inside the 30 s measured
        Map<String, LocalJvm> path = onThePath();
        Map<String, LocalJvm.Collections> collectedBefore = collections(path);
        // nor the position reader's first reads (a new connection, its statement prepared on the server after five)
        Thread.sleep(2_000);
        longestPoll.set(0);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        AtomicInteger sent = new AtomicInteger();
        int total = rate * seconds;
        String[] users = {"ars-hdf", "ars-nor"};
        String[] codes = {"FR-HDF", "FR-NOR"};
        long start = System.nanoTime();
        loadStart.set(start);
        CountDownLatch done = new CountDownLatch(total);
        ticks.scheduleAtFixedRate(
                () -> {
                    int n = sent.getAndIncrement();
                    if (n >= total) {
                        return;
                    }
                    senders.execute(() -> {
                        try {
                            String id = platform.report(platform.gateway(), users[n % 2], codes[n % 2]);
                            long ack = System.nanoTime();
                            long index = store.globalIndexOf(id);
                            if (seen.get() >= index) {
                                lags.add(ack - loadStart.get(), System.nanoTime() - ack);
                            } else {
                                pending.put(index, ack);
                            }
                        } catch (Exception e) {
                            System.err.println("lag command failed: " + e);
                        } finally {
                            done.countDown();
                        }
                    });
                },
                0,
                1_000_000 / rate,
                TimeUnit.MICROSECONDS);
        done.await(seconds + 60L, TimeUnit.SECONDS);
        double achieved = total / ((System.nanoTime() - start) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ticks.shutdownNow();
        senders.shutdownNow();
        sampler.shutdownNow();
        // the collections that paused a JVM on the command's or the projection's path meanwhile: a full collection of
        // the serial collector stops its JVM for 100 to 500 ms on these shared cores
        Map<String, LocalJvm.Collections> collectedAfter = collections(path);
        StringBuilder paused = new StringBuilder("collections during the lag phase:");
        for (Map.Entry<String, LocalJvm.Collections> after : collectedAfter.entrySet()) {
            LocalJvm.Collections before = collectedBefore.get(after.getKey());
            if (before == null) {
                continue;
            }
            LocalJvm.Collections during = after.getValue().since(before);
            String key = after.getKey().replace("-service", "").replace('-', '_');
            results.put("projection_lag_full_collections_" + key, during.full());
            results.put("projection_lag_full_collection_ms_" + key, during.fullMillis());
            paused.append(String.format(
                    " %s %d young (%.0f ms), %d full (%.0f ms);",
                    after.getKey(), during.young(), during.youngMillis(), during.full(), during.fullMillis()));
        }
        System.err.println(paused);
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        positions.close();
        String traceFile = System.getenv("BENCH_LAG_TRACE");
        if (traceFile != null && !traceFile.isBlank()) { // each command: ms into the phase it was acknowledged, its lag
            java.nio.file.Files.write(java.nio.file.Path.of(traceFile), lags.trace);
        }
        results.put("projection_load_commands_per_s", achieved);
        results.put("projection_lag_samples", lags.all.count());
        results.put("projection_lag_p50_ms", lags.all.percentile(50));
        results.put("projection_lag_p99_ms", lags.all.percentile(99));
        results.put("projection_lag_max_ms", lags.all.percentile(100));
        // the same without the load's first seconds, where the worst lags have fallen in every run since push
        results.put("projection_lag_settled_p50_ms", lags.settled.percentile(50));
        results.put("projection_lag_settled_p99_ms", lags.settled.percentile(99));
        System.err.printf(
                "lag at %.1f commands/s: p50 %.1f ms, p99 %.1f ms, worst %.1f ms; after the first %d s: p50 %.1f ms,"
                        + " p99 %.1f ms%n",
                achieved,
                lags.all.percentile(50),
                lags.all.percentile(99),
                lags.all.percentile(100),
                TimeUnit.NANOSECONDS.toSeconds(SETTLED_AFTER_NANOS),
                lags.settled.percentile(50),
                lags.settled.percentile(99));
        // where the worst lag came from: a slow read of the position, or a projection that did not move
        results.put("projection_lag_slowest_position_read_ms", longestPoll.get() / 1e6);
        Instant worstAcknowledged = Instant.now().minusNanos(System.nanoTime() - loadStart.get() - worstLagAt.get());
        System.err.printf(
                "worst lag seen by the position reader: %.0f ms, for a command acknowledged %.1f s into"
                        + " the phase (%s)%n",
                worstLag.get() / 1e6, worstLagAt.get() / 1e9, worstAcknowledged);
    }

    /** The JVMs a command and its projection pass through, found on this machine. */
    private static Map<String, LocalJvm> onThePath() throws java.io.IOException {
        return found("gateway", "incident-service", "region-service");
    }

    /** Those of {@code services} running on this machine, by name. */
    private static Map<String, LocalJvm> found(String... services) throws java.io.IOException {
        Map<String, LocalJvm> jvms = new java.util.TreeMap<>();
        for (String service : services) {
            LocalJvm jvm = LocalJvm.ofService(service);
            if (jvm != null) {
                jvms.put(service, jvm);
            }
        }
        return jvms;
    }

    /** The lags measured, each with when its command was acknowledged, counted from the load's start. */
    private static final class Samples {
        final Latencies all = new Latencies();
        final Latencies settled = new Latencies(); // the commands acknowledged after the load's first seconds
        final java.util.List<String> trace = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        void add(long acknowledgedAfter, long lag) {
            all.add(lag);
            if (acknowledgedAfter >= SETTLED_AFTER_NANOS) {
                settled.add(lag);
            }
            trace.add(acknowledgedAfter / 1_000_000 + " " + lag / 1e6); // ms into the phase, the lag in ms
        }
    }

    private static Map<String, LocalJvm.Collections> collections(Map<String, LocalJvm> jvms) {
        Map<String, LocalJvm.Collections> counted = new java.util.TreeMap<>();
        jvms.forEach((name, jvm) -> jvm.collections().ifPresent(c -> counted.put(name, c)));
        return counted;
    }

    /** Until the JVM compiles no more than a few methods in two seconds (at most 30 s). */
    private static void untilCompiled(LocalJvm jvm) throws InterruptedException {
        if (jvm == null) {
            return;
        }
        java.util.OptionalLong before = jvm.compilations();
        for (int i = 0; i < 15 && before.isPresent(); i++) {
            Thread.sleep(2_000);
            java.util.OptionalLong after = jvm.compilations();
            if (after.isEmpty() || after.getAsLong() - before.getAsLong() <= 5) {
                return;
            }
            before = after;
        }
    }

    /**
     * What the services cost while nothing happens (their processors waiting for events, their claims renewed, their
     * timers): CPU milliseconds per second of each service's JVM over 20 idle seconds.
     */
    private void idleCpu() throws Exception {
        Map<String, LocalJvm> jvms = found("incident-service", "region-service", "notification-service");
        Thread.sleep(2_000);
        Map<String, Long> before = new java.util.HashMap<>();
        for (Map.Entry<String, LocalJvm> jvm : jvms.entrySet()) {
            before.put(jvm.getKey(), jvm.getValue().cpuMillis());
        }
        long start = System.nanoTime();
        Thread.sleep(20_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder line = new StringBuilder("idle CPU, ms per s:");
        for (Map.Entry<String, LocalJvm> jvm : jvms.entrySet()) {
            double perSecond = (jvm.getValue().cpuMillis() - before.get(jvm.getKey())) / seconds;
            results.put("idle_cpu_ms_per_s_" + jvm.getKey(), perSecond);
            line.append(String.format(" %s %.1f", jvm.getKey(), perSecond));
        }
        System.err.println(line);
    }
}
