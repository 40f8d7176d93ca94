package fr.ars.coord.contracts.incident;

/** Effect of the incident on care and on the regional digital services; ordered from least to worst. */
public enum OperationalImpact {
    NONE,
    DEGRADED,
    SEVERE
}
