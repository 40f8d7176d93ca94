package fr.ars.coord.contracts.incident;

/** A measure taken to contain the incident. */
public enum ContainmentAction {
    ACCOUNTS_BLOCKED,
    SECURITY_REINFORCED,
    SYSTEMS_ISOLATED,
    COMPLAINT_FILED,
    OTHER
}
