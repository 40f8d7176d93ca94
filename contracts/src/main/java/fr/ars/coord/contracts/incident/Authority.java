package fr.ars.coord.contracts.incident;

/** An authority the incident was reported to. */
public enum Authority {
    CERT_SANTE, CNIL, ARS, OTHER
}
