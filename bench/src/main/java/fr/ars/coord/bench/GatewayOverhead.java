package fr.ars.coord.bench;

import java.io.IOException;

/**
 * Phase 1: latency at the same steady rate through the gateway and directly (and through one nginx hop when given),
 * then throughput when saturated.
 */
record GatewayOverhead(BenchPlatform platform, Results results) {

    /**
     * Latency at the same steady arrival rate through the gateway and directly (the overhead a caller sees), then
     * throughput with 8 clients sending as fast as they can (the capacity each path leaves on these two cores).
     */
    void run() throws Exception {
        int rate = 30;
        int seconds = 20;
        Latencies direct = new Latencies();
        Latencies routed = new Latencies();
        Latencies proxied = new Latencies();
        String nginx = System.getenv("BENCH_NGINX_URL");
        nginx = nginx == null || nginx.isBlank() ? null : nginx; // run.sh leaves it empty for a baseline
        LocalJvm gatewayJvm = LocalJvm.ofService("gateway");
        long gatewayCpuMillis = 0;
        for (int round = 0; round < 2; round++) {
            platform.steady(platform.incidents(), rate, seconds).forEach(direct::add);
            long cpuBefore = cpuMillis(gatewayJvm);
            platform.steady(platform.gateway(), rate, seconds).forEach(routed::add);
            gatewayCpuMillis += cpuMillis(gatewayJvm) - cpuBefore;
            if (nginx != null) {
                // the floor: one plain reverse-proxy hop to the same service, in the same alternation
                platform.steady(nginx, rate, seconds).forEach(proxied::add);
            }
        }
        if (nginx != null) {
            results.put("nginx_p50_ms", proxied.percentile(50));
            results.put("nginx_p99_ms", proxied.percentile(99));
            results.put("nginx_overhead_p50_ratio", proxied.percentile(50) / direct.percentile(50));
        }
        // everything the gateway's JVM did meanwhile (its compiler, collector and timers included), per command
        results.put(
                "gateway_cpu_ms_per_request",
                gatewayJvm == null ? null : (double) gatewayCpuMillis / (2 * rate * seconds));
        results.put("gateway_overhead_load_req_per_s", (double) rate);
        results.put("direct_p50_ms", direct.percentile(50));
        results.put("direct_p99_ms", direct.percentile(99));
        results.put("gateway_p50_ms", routed.percentile(50));
        results.put("gateway_p99_ms", routed.percentile(99));
        results.put("gateway_overhead_p50_ratio", routed.percentile(50) / direct.percentile(50));
        results.put("gateway_overhead_p99_ratio", routed.percentile(99) / direct.percentile(99));

        Leg saturatedDirect = new Leg();
        Leg saturatedRouted = new Leg();
        for (int round = 0; round < 2; round++) {
            saturatedDirect.add(platform.load(platform.incidents(), 800));
            saturatedRouted.add(platform.load(platform.gateway(), 800));
        }
        results.put("direct_throughput_req_per_s", saturatedDirect.throughput());
        results.put("gateway_throughput_req_per_s", saturatedRouted.throughput());
        results.put("saturated_direct_p50_ms", saturatedDirect.latencies.percentile(50));
        results.put("saturated_gateway_p50_ms", saturatedRouted.latencies.percentile(50));
        results.put(
                "saturated_gateway_overhead_p50_ratio",
                saturatedRouted.latencies.percentile(50) / saturatedDirect.latencies.percentile(50));
    }

    private static final class Leg {

        final Latencies latencies = new Latencies();
        long requests;
        long nanos;

        void add(BenchPlatform.Run run) {
            run.latencies().forEach(latencies::add);
            requests += run.requests();
            nanos += run.nanos();
        }

        double throughput() {
            return BenchPlatform.perSecond(requests, nanos);
        }
    }

    /** CPU time used so far by {@code jvm}, 0 when it was not found (its figure is then left out). */
    private static long cpuMillis(LocalJvm jvm) throws IOException {
        return jvm == null ? 0 : jvm.cpuMillis();
    }
}
