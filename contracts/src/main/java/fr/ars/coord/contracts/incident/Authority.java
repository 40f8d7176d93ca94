package fr.ars.coord.contracts.incident;

/**
 * An authority the incident was reported to; {@code ANSSI} for NIS2 (authority and CSIRT). {@code PATIENTS} names
 * whom the art. 34 obligation is owed to: they are told through {@code /patient-information}, not as an authority.
 */
public enum Authority {
    CERT_SANTE,
    CNIL,
    ARS,
    OTHER,
    ANSSI,
    PATIENTS
}
