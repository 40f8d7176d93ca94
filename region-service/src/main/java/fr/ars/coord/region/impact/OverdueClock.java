package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.Authority;
import java.time.Instant;

/** A legal clock past its due time with no notification recorded. */
public record OverdueClock(String incidentId, Authority authority, Instant dueAt) {
}
