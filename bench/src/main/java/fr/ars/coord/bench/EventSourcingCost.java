package fr.ars.coord.bench;

import java.util.List;

/**
 * Phase 2: appending events against a plain insert, with and without the services projecting them, and whole
 * commands for context.
 */
record EventSourcingCost(BenchPlatform platform, Results results) {

    void run() throws Exception {
        List<String> own = platform.freshIncidents(platform.incidents());
        AppendComparison.Figures figures =
                new AppendComparison(platform.jdbcUrl(), BenchPlatform.THREADS).measure(own, 1_000, 3);
        results.put("event_append_throughput_per_s", figures.unprojectedAppendsPerSecond());
        results.put("plain_insert_throughput_per_s", figures.insertsPerSecond());
        results.put("event_sourcing_cost_ratio", figures.ratio());
        results.put("projected_event_append_throughput_per_s", figures.projectedAppendsPerSecond());
        results.put("event_sourcing_cost_with_projections_ratio", figures.projectedRatio());
        BenchPlatform.Run commands = platform.load(platform.incidents(), 800);
        double commandRate = commands.throughput();
        results.put("command_throughput_per_s", commandRate);
        results.put("whole_command_vs_plain_insert_ratio", figures.insertsPerSecond() / commandRate);
    }
}
