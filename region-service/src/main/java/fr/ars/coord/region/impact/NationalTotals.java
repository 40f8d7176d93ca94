package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.ExposedDataItem;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** The sums and worst cases over the regions of a picture. */
public record NationalTotals(
        int regionsAffected,
        int incidents,
        int incidentsOpen,
        long estimatedPatients,
        List<ExposedDataItem> exposedData,
        boolean medicalDataExposed,
        int overdueClocks,
        ImpactLevel worstImpactLevel) {

    /** The totals over {@code regions}, and over them only. */
    static NationalTotals over(List<RegionImpact> regions) {
        TreeSet<ExposedDataItem> exposed = new TreeSet<>();
        regions.forEach(r -> exposed.addAll(r.exposedData()));
        return new NationalTotals(
                regions.size(),
                regions.stream()
                        .mapToInt(r -> r.incidentsOpen() + r.incidentsClosed())
                        .sum(),
                regions.stream().mapToInt(RegionImpact::incidentsOpen).sum(),
                regions.stream().mapToLong(RegionImpact::estimatedPatients).sum(),
                List.copyOf(exposed),
                regions.stream().anyMatch(RegionImpact::medicalDataExposed),
                regions.stream().mapToInt(RegionImpact::overdueClockCount).sum(),
                regions.stream()
                        .map(RegionImpact::impactLevel)
                        .max(Comparator.naturalOrder())
                        .orElse(ImpactLevel.NONE));
    }
}
