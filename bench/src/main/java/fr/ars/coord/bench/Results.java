package fr.ars.coord.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one run, as bench-results.json holds them and as the table printed at the end shows them against
 * their targets.
 */
final class Results {

    private final Map<String, Object> results = new LinkedHashMap<>();

    /** A figure; a decimal one rounded to two places. */
    void put(String key, Object value) {
        results.put(key, value instanceof Double d ? Math.round(d * 100.0) / 100.0 : value);
    }

    Map<String, Object> all() {
        return results;
    }

    void print() {
        System.out.println();
        System.out.println("  figure                                   measured     target");
        System.out.println("  ---------------------------------------- ------------ -----------------");
        row("gateway overhead, p50 latency ratio", results.get("gateway_overhead_p50_ratio"), "x", "<= 1.3x");
        row("gateway overhead, p99 latency ratio", results.get("gateway_overhead_p99_ratio"), "x", "");
        row(
                "  at " + results.get("gateway_overhead_load_req_per_s") + " req/s: direct p50 / p99",
                results.get("direct_p50_ms") + " / " + results.get("direct_p99_ms"),
                "ms",
                "");
        row("  gateway p50 / p99", results.get("gateway_p50_ms") + " / " + results.get("gateway_p99_ms"), "ms", "");
        row("  gateway CPU per proxied command", results.get("gateway_cpu_ms_per_request"), "ms", "");
        if (results.containsKey("nginx_overhead_p50_ratio")) {
            row("one nginx hop, p50 latency ratio (floor)", results.get("nginx_overhead_p50_ratio"), "x", "");
            row("  nginx p50 / p99", results.get("nginx_p50_ms") + " / " + results.get("nginx_p99_ms"), "ms", "");
        }
        row(
                "saturated (8 clients): direct / gateway",
                results.get("direct_throughput_req_per_s") + " / " + results.get("gateway_throughput_req_per_s"),
                "req/s",
                "");
        row("  p50 ratio when saturated", results.get("saturated_gateway_overhead_p50_ratio"), "x", "");
        row("event sourcing cost (plain insert / append)", results.get("event_sourcing_cost_ratio"), "x", "<= 3x");
        row(
                "  event appends / plain inserts",
                results.get("event_append_throughput_per_s") + " / " + results.get("plain_insert_throughput_per_s"),
                "/s",
                "");
        row(
                "  with the services projecting them",
                results.get("event_sourcing_cost_with_projections_ratio") + " x ("
                        + results.get("projected_event_append_throughput_per_s") + " /s)",
                "",
                "");
        row("  whole HTTP commands (context)", results.get("command_throughput_per_s"), "/s", "");
        row(
                "projection lag p50 / p99 at " + results.get("projection_load_commands_per_s") + " cmd/s",
                results.get("projection_lag_p50_ms") + " / " + results.get("projection_lag_p99_ms"),
                "ms",
                "p99 < 1000 ms");
        if (results.containsKey("delivery_publications")) {
            row(
                    "webhook first attempt p50 / p99, " + results.get("delivery_publications") + " publications",
                    results.get("delivery_first_attempt_p50_ms") + " / " + results.get("delivery_first_attempt_p99_ms"),
                    "ms",
                    "p99 < 100 ms");
            row(
                    "    the two hops p50 / p99: dispatch",
                    results.get("delivery_publication_to_scheduled_p50_ms") + " / "
                            + results.get("delivery_publication_to_scheduled_p99_ms"),
                    "ms",
                    "");
            row(
                    "    delivery log and worker",
                    results.get("delivery_scheduled_to_receiver_p50_ms") + " / "
                            + results.get("delivery_scheduled_to_receiver_p99_ms"),
                    "ms",
                    "");
            row("    the phase's first publication", results.get("delivery_first_publication_ms"), "ms", "");
        }
        if (results.containsKey("idle_page_requests_per_min")) {
            row(
                    "requests of an idle open console page",
                    results.get("idle_page_requests_per_min"),
                    "/min",
                    "<= 2 /min");
        }
        row(
                "replay of " + results.get("replay_events") + " events",
                results.get("replay_events_per_s"),
                "events/s",
                ">= 5000 events/s");
        if (results.containsKey("surge_readers")) {
            row(
                    "public surge: " + results.get("surge_readers") + " readers, " + results.get("surge_seconds")
                            + " s",
                    results.get("surge_public_req_per_s"),
                    "req/s",
                    "");
            row(
                    "  answers 304 / 200 / refused / failed",
                    share("surge_public_304_share") + " / " + share("surge_public_200_share") + " / "
                            + share("surge_public_refused_share") + " / " + share("surge_public_failed_share"),
                    "",
                    "");
            row(
                    "  public p50 / p99",
                    results.get("surge_public_p50_ms") + " / " + results.get("surge_public_p99_ms"),
                    "ms",
                    "");
            row(
                    "  command p99 with / without the surge",
                    results.get("surge_command_p99_ratio") + " x (" + results.get("surge_command_p99_ms") + " / "
                            + results.get("surge_command_p99_ms_quiet") + " ms)",
                    "",
                    "<= 1.5x");
            row(
                    "  CPU during it: gateway / the readers",
                    results.get("surge_gateway_cpu_cores") + " / " + results.get("surge_bench_cpu_cores"),
                    "cores",
                    "of 2");
            row(
                    "  command p50 with / without the surge",
                    results.get("surge_command_p50_ms") + " / " + results.get("surge_command_p50_ms_quiet"),
                    "ms",
                    "");
        }
        if (results.containsKey("observables_recorded")) {
            row(
                    "observables: " + results.get("observables_recorded") + " over "
                            + results.get("observables_incidents") + " incidents",
                    "",
                    "",
                    "");
            row(
                    "  national list of shared values p50 / p99",
                    results.get("observables_shared_list_p50_ms") + " / "
                            + results.get("observables_shared_list_p99_ms"),
                    "ms",
                    "<= 20 ms");
            row(
                    "  lookup of one value p50 / p99",
                    results.get("observables_lookup_p50_ms") + " / " + results.get("observables_lookup_p99_ms"),
                    "ms",
                    "<= 20 ms");
            row(
                    "  suggestions by shared values p50 / p99",
                    results.get("observables_suggestions_p50_ms") + " / "
                            + results.get("observables_suggestions_p99_ms"),
                    "ms",
                    "<= 20 ms");
            row(
                    "  all suggestions (with time windows) p50",
                    results.get("observables_all_suggestions_p50_ms"),
                    "ms",
                    "");
            row(
                    "  a region's own (" + results.get("observables_region_list_size") + ") p50",
                    results.get("observables_region_list_p50_ms"),
                    "ms",
                    "");
            row("  region-service caught up", results.get("observables_catch_up_events_per_s"), "events/s", "");
        }
        if (results.containsKey("scale_events")) {
            row(
                    "at scale: events in the store",
                    results.get("scale_events") + " (" + results.get("scale_incidents") + " incidents)",
                    "",
                    "");
            row(
                    "  command p50, 1M store / before",
                    results.get("scale_command_p50_ratio") + " x (" + results.get("scale_command_p50_ms") + " / "
                            + results.get("scale_command_p50_ms_before") + " ms)",
                    "",
                    "<= 1.2x");
            row("  national impact p50", results.get("scale_national_impact_p50_ms"), "ms", "<= 50 ms");
            row("  asOf mid-history p50", results.get("scale_as_of_middle_p50_ms"), "ms", "<= 500 ms");
            row(
                    "  incident view p50 (20 / 3,001 events)",
                    results.get("scale_incident_view_p50_ms") + " / " + results.get("scale_long_incident_view_p50_ms"),
                    "ms",
                    "");
            row(
                    "  rebuild of the national impact",
                    results.get("scale_replay_events_per_s"),
                    "events/s",
                    ">= 10000 events/s");
            row("  disk per million events", results.get("scale_disk_mb_per_million_events"), "MB", "");
            row("  services caught up with the load", results.get("scale_catch_up_events_per_s"), "events/s", "");
        }
        row("cold start to all healthy", results.get("cold_start_all_healthy_s"), "s", "");
        row("RSS after load", results.get("rss_mb_after_load"), "MB", "< 400 MB each service");
        System.out.println();
    }

    private String share(String key) {
        Object value = results.get(key);
        return value instanceof Number n ? Math.round(n.doubleValue() * 1000) / 10.0 + " %" : String.valueOf(value);
    }

    private static void row(String name, Object value, String unit, String target) {
        System.out.printf("  %-40s %-12s %s%n", name, value + " " + unit, target);
    }
}
