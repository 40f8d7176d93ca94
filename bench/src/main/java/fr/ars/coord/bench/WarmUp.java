package fr.ars.coord.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Phase 0: every path measured is exercised first, untimed, until the JVM behind it has stopped compiling. */
record WarmUp(BenchPlatform platform, Results results) {

    /** A round of warming up is steady when its JVM compiled at most this many methods during it. */
    private static final int STEADY_COMPILATIONS_PER_ROUND = 30;

    /**
     * Each JVM compiles its hot paths during its first thousands of requests, and on two shared cores its compiler
     * threads take a good part of the CPU meanwhile: a gateway started fresh compiled 2,800 methods during its
     * first 1,000 commands and still 60 to 110 per 1,000 after 5,000 (2 to 3 s of compiler time per 10 s round).
     * Every path measured below is exercised first, untimed, until the JVM behind it has stopped compiling.
     */
    void run() throws Exception {
        long start = System.nanoTime();
        warmUntilSteady(platform.gateway(), "gateway");
        warmUntilSteady(platform.incidents(), "incident-service");
        ExecutorService pool = Executors.newFixedThreadPool(BenchPlatform.THREADS);
        List<Future<?>> reports = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            boolean hdf = i % 2 == 0;
            reports.add(pool.submit(
                    () -> platform.report(platform.gateway(), hdf ? "ars-hdf" : "ars-nor", hdf ? "FR-HDF" : "FR-NOR")));
        }
        for (Future<?> f : reports) {
            f.get();
        }
        pool.shutdown();
        results.put("warm_up_s", (System.nanoTime() - start) / 1e9);
    }

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
            BenchPlatform.Run run = platform.load(base, 1_000);
            round++;
            double rate = run.throughput();
            OptionalLong after = compilations(jvm);
            compiled = before.isPresent() && after.isPresent() ? after.getAsLong() - before.getAsLong() : null;
            before = after;
            System.out.printf(
                    "  warming up %s: %.0f commands/s, %s methods compiled%n",
                    base, rate, compiled == null ? "?" : compiled);
            steady = round >= 4
                    && Math.abs(rate - previous) / previous < 0.05
                    && (compiled == null || compiled <= STEADY_COMPILATIONS_PER_ROUND);
            previous = rate;
        }
        String key = service.replace("-service", "").replace('-', '_');
        results.put("warm_up_" + key + "_rounds", round);
        results.put("warm_up_" + key + "_last_round_compilations", compiled);
        if (!steady) {
            System.out.printf("  WARNING: %s was still compiling after %d rounds%n", service, round);
        }
    }

    private static OptionalLong compilations(LocalJvm jvm) {
        return jvm == null ? OptionalLong.empty() : jvm.compilations();
    }
}
