package fr.ars.coord.contracts.incident;

/**
 * The controller's decision on notifying the CNIL of a personal-data breach (GDPR art. 33(1)): notify, or not
 * required because the breach is unlikely to result in a risk to people's rights and freedoms (with the reason).
 * Either way the breach stays in the register of art. 33(5).
 */
public enum CnilDecision {
    NOTIFY,
    NOT_REQUIRED
}
