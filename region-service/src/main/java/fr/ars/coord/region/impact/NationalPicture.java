package fr.ars.coord.region.impact;

import java.util.List;
import java.util.Map;

/**
 * The national-impact read model as one consistent reading: each region's summary, the first ids of its reported
 * incidents, the first of the clocks of open incidents that were due before the instant asked and are not met
 * (most overdue first) with their count, and the global index of the last event merged.
 */
public record NationalPicture(
        Map<String, RegionSummary> summaries,
        Map<String, List<String>> incidentIds,
        Map<String, List<OverdueClock>> overdueClocks,
        Map<String, Integer> overdueCounts,
        long position) {}
