package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.Authority;
import fr.ars.coord.contracts.incident.ObligationCode;
import java.time.Instant;
import java.util.Comparator;

/** A legal obligation ({@code code}, owed to {@code authority}) past its due time and not met. */
public record OverdueClock(String incidentId, Authority authority, Instant dueAt, ObligationCode code) {

    /**
     * Soonest due first; ties in a fixed order (by incident id, then obligation code), so that the same clocks always
     * read the same, here as from the store's index.
     */
    public static final Comparator<OverdueClock> ORDER = Comparator.comparing(OverdueClock::dueAt)
            .thenComparing(OverdueClock::incidentId)
            .thenComparing(clock -> clock.code().name());
}
