package fr.ars.coord.region.impact;

import java.time.Instant;
import java.util.List;

/**
 * The national picture at {@code evaluatedAt}. {@code position} is the global index of the last event it
 * includes; {@code regionDetailRestricted} says the picture covers the caller's own region only;
 * {@code listedPerRegion} is the most incident ids and overdue clocks each region lists.
 */
public record NationalImpact(
        NationalTotals totals,
        List<RegionImpact> regions,
        long position,
        Instant evaluatedAt,
        boolean asOfView,
        boolean regionDetailRestricted,
        int listedPerRegion) {

    /**
     * What regional staff of {@code region} may see: that region's detail, and totals over it alone. National
     * totals would give every other region's unpublished figures by difference (and, between two {@code asOf}
     * instants, each of their events as it was recorded).
     */
    public NationalImpact restrictedTo(String region) {
        List<RegionImpact> own =
                regions.stream().filter(r -> r.code().equals(region)).toList();
        return new NationalImpact(
                NationalTotals.over(own), own, position, evaluatedAt, asOfView, true, listedPerRegion);
    }
}
