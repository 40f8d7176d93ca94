package fr.ars.coord.incident.query;

import java.time.Instant;

/**
 * An incident's view after the event of sequence number {@code sequence}; {@code recordedUntil} is the latest
 * timestamp among the events it includes (an {@code asOf} at or after it may start from it).
 */
record IncidentViewSnapshot(IncidentView view, long sequence, Instant recordedUntil) {
}
