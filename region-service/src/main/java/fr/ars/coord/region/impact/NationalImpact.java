package fr.ars.coord.region.impact;

import java.time.Instant;
import java.util.List;

/**
 * The national picture at {@code evaluatedAt}. {@code position} is the global index of the last event it
 * includes; {@code regionDetailRestricted} says other regions' detail was withheld from this caller.
 */
public record NationalImpact(NationalTotals totals, List<RegionImpact> regions, long position, Instant evaluatedAt,
                             boolean asOfView, boolean regionDetailRestricted) {

    /** The same picture with only {@code region}'s detail (totals stay national). */
    public NationalImpact restrictedTo(String region) {
        return new NationalImpact(totals, regions.stream().filter(r -> r.code().equals(region)).toList(), position,
                evaluatedAt, asOfView, true);
    }
}
