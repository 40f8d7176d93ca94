package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures the running platform, each comparison side by side in one run, and writes bench-results.json: gateway
 * overhead, the cost of event sourcing against a plain insert, projection lag under steady load, replay speed of
 * the national-impact projection over 100,000 events, cold start and memory. Each phase is a class of its own.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-results.json");
        Double coldStart = args.length > 1 && !args[1].isBlank() ? Double.valueOf(args[1]) : null;
        int replayEvents = Integer.parseInt(env("BENCH_REPLAY_EVENTS", "100000"));
        run(out, coldStart, replayEvents);
        System.exit(0);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void run(Path out, Double coldStart, int replayEvents) throws Exception {
        BenchPlatform platform = BenchPlatform.fromEnvironment();
        EventStoreQueries store = new EventStoreQueries(platform.jdbcUrl());
        Results results = new Results();
        if (env("BENCH_PHASES", "all").equals("failover")) {
            // alone, on a platform of two instances of each service that infra/bench/run.sh started for it
            new Takeover(store, results).run();
            write(out, results);
            return;
        }
        results.put("cold_start_all_healthy_s", coldStart);
        new WarmUp(platform, results).run();
        measure("gateway", () -> new GatewayOverhead(platform, results).run());
        measure("store", () -> new EventSourcingCost(platform, results).run());
        measure("lag", () -> {
            // BENCH_LAG_ROUNDS repeats the phase (each after its idle 22 s); the figures kept are the last round's
            for (int round = Integer.parseInt(env("BENCH_LAG_ROUNDS", "1")); round > 0; round--) {
                new ProjectionLag(platform, store, results).run();
            }
        });
        measure(
                "delivery",
                () -> new DeliveryLatency(platform, store, results)
                        .run(Integer.parseInt(env("BENCH_DELIVERIES", "30"))));
        measure(
                "console",
                () -> new IdlePage(platform, results).run(Integer.parseInt(env("BENCH_IDLE_PAGE_SECONDS", "60"))));
        measure("replay", () -> new Replay(platform, store, results).run(replayEvents));
        measure(
                "surge",
                () -> new PublicSurge(platform, results)
                        .run(
                                Integer.parseInt(env("BENCH_SURGE_READERS", "1000")),
                                Integer.parseInt(env("BENCH_SURGE_SECONDS", "60"))));
        measure(
                "observables",
                () -> new ObservableScale(platform, store, results)
                        .run(
                                Integer.parseInt(env("BENCH_OBSERVABLE_INCIDENTS", "50000")),
                                Integer.parseInt(env("BENCH_OBSERVABLES", "200000"))));
        measure(
                "scale",
                () -> new Scale(platform, store, results).run(Long.parseLong(env("BENCH_SCALE_EVENTS", "1000000"))));
        new Memory(platform, results).run();
        write(out, results);
        results.print();
    }

    /** What a phase does: it measures and puts its figures. */
    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    /**
     * Runs the phase if {@code BENCH_PHASES} asks for it; a phase that fails is reported and the others still run (the
     * figures measured so far are not lost with it).
     */
    private static void measure(String name, Phase phase) {
        if (!phase(name)) {
            return;
        }
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            System.err.println("phase " + name + " failed, its figures are left out: " + e);
            e.printStackTrace();
        }
    }

    private static void write(Path out, Results results) throws java.io.IOException {
        ObjectNode json = Http.JSON.valueToTree(results.all());
        Files.writeString(out, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        System.out.println("written: " + out.toAbsolutePath());
    }

    /**
     * {@code BENCH_PHASES} (gateway, store, lag, delivery, console, replay, surge, observables, scale) runs a part of
     * the benchmark alone; by default all but observables and scale, which load hundreds of thousands of events into
     * the store and need a platform of their own. {@code failover} alone measures the takeovers, on the platform of two
     * instances that infra/bench/run.sh starts for it after the other phases.
     */
    private static boolean phase(String name) {
        String phases = env("BENCH_PHASES", "all");
        return phases.equals("all")
                ? !name.equals("scale") && !name.equals("observables")
                : List.of(phases.split(",")).contains(name);
    }
}
