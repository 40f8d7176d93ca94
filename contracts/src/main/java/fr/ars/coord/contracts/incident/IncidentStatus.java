package fr.ars.coord.contracts.incident;

/** Lifecycle of a regional incident: REPORTED → ASSESSING → CONTAINED → RESOLVED → CLOSED. */
public enum IncidentStatus {
    REPORTED,
    ASSESSING,
    CONTAINED,
    RESOLVED,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
