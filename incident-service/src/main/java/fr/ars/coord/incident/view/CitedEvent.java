package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import java.time.Instant;

/** A recorded event a communiqué's sentence cites: its incident, then as in the incident's history. */
public record CitedEvent(
        String incidentId,
        long sequence,
        String eventId,
        String type,
        Instant recordedAt,
        Actor recordedBy,
        Object payload) {

    static CitedEvent of(String incidentId, HistoryEntry entry) {
        return new CitedEvent(
                incidentId,
                entry.sequence(),
                entry.eventId(),
                entry.type(),
                entry.recordedAt(),
                entry.recordedBy(),
                entry.payload());
    }
}
