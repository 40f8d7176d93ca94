package fr.ars.coord.contracts.incident;

/**
 * What a personal-data breach did to the data (GDPR art. 4(12), EDPB guidelines 9/2022): disclosed or accessed
 * (confidentiality), altered (integrity), lost or made unavailable (availability). A breach may be several.
 */
public enum BreachType {
    CONFIDENTIALITY,
    INTEGRITY,
    AVAILABILITY
}
