package fr.ars.coord.contracts.incident;

/**
 * How the patients were told: each one, or a public communication where telling each one would be disproportionate
 * (GDPR art. 34(3)(c)).
 */
public enum PatientInformationChannel {
    INDIVIDUAL,
    PUBLIC_COMMUNICATION
}
