package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import java.time.Instant;

/** One recorded event: its place in the incident's stream, its type, when and by whom, and its content. */
public record HistoryEntry(
        long sequence, String eventId, String type, Instant recordedAt, Actor recordedBy, Object payload) {}
