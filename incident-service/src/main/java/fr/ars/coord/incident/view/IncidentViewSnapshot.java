package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.incident.ObligationFacts;
import java.time.Instant;

/**
 * An incident's view after the event of sequence number {@code sequence}; {@code recordedUntil} is the latest
 * timestamp among the events it includes (an {@code asOf} at or after it may start from it); {@code facts} the
 * obligation facts folded with it.
 */
record IncidentViewSnapshot(IncidentView view, ObligationFacts facts, long sequence, Instant recordedUntil) {}
