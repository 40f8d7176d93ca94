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
        results.put("cold_start_all_healthy_s", coldStart);
        new WarmUp(platform, results).run();
        if (phase("gateway")) {
            new GatewayOverhead(platform, results).run();
        }
        if (phase("store")) {
            new EventSourcingCost(platform, results).run();
        }
        if (phase("lag")) {
            new ProjectionLag(platform, store, results).run();
        }
        if (phase("replay")) {
            new Replay(platform, store, results).run(replayEvents);
        }
        if (phase("surge")) {
            new PublicSurge(platform, results)
                    .run(
                            Integer.parseInt(env("BENCH_SURGE_READERS", "1000")),
                            Integer.parseInt(env("BENCH_SURGE_SECONDS", "60")));
        }
        if (phase("observables")) {
            new ObservableScale(platform, store, results)
                    .run(
                            Integer.parseInt(env("BENCH_OBSERVABLE_INCIDENTS", "50000")),
                            Integer.parseInt(env("BENCH_OBSERVABLES", "200000")));
        }
        if (phase("scale")) {
            new Scale(platform, store, results).run(Long.parseLong(env("BENCH_SCALE_EVENTS", "1000000")));
        }
        new Memory(platform, results).run();
        ObjectNode json = Http.JSON.valueToTree(results.all());
        Files.writeString(out, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        results.print();
        System.out.println("written: " + out.toAbsolutePath());
    }

    /**
     * {@code BENCH_PHASES} (gateway, store, lag, replay, surge, observables, scale) runs a part of the benchmark alone; by
     * default all but observables and scale, which load hundreds of thousands of events into the store and need a
     * platform of their own.
     */
    private static boolean phase(String name) {
        String phases = env("BENCH_PHASES", "all");
        return phases.equals("all")
                ? !name.equals("scale") && !name.equals("observables")
                : List.of(phases.split(",")).contains(name);
    }
}
