package fr.ars.coord.contracts.incident;

/** Whether the patients concerned must be told of a high-risk breach (GDPR art. 34(1), or an exemption of 34(3)). */
public enum PatientInformationDecision {
    REQUIRED,
    NOT_REQUIRED
}
