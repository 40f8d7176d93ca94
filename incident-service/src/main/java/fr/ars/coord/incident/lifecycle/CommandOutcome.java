package fr.ars.coord.incident.lifecycle;

/** What a command left behind: the incident's version (sequence number of its last event) afterwards. */
public record CommandOutcome(String incidentId, long version, boolean replayed) {}
