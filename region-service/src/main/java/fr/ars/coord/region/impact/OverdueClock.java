package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.Authority;
import java.time.Instant;
import java.util.Comparator;

/** A legal clock past its due time with no notification recorded. */
public record OverdueClock(String incidentId, Authority authority, Instant dueAt) {

    /**
     * Soonest due first; ties in a fixed order (by incident id, then authority name), so that the same clocks always
     * read the same, here as from the store's index.
     */
    public static final Comparator<OverdueClock> ORDER = Comparator.comparing(OverdueClock::dueAt)
            .thenComparing(OverdueClock::incidentId).thenComparing(clock -> clock.authority().name());
}
