package fr.ars.coord.contracts.incident;

/**
 * What a notification to an authority was. A notification recorded without one is, as in the first releases, the
 * authority's usual first step: a declaration to CERT Santé, a notification to the CNIL. {@code PROGRESS_REPORT} is
 * the NIS2 report of an incident still ongoing a month after its notification (art. 23(4)(e));
 * {@code SUPPLEMENTARY} completes an earlier notification (GDPR art. 33(4): information given in phases).
 */
public enum NotificationKind {
    DECLARATION,
    EARLY_WARNING,
    NOTIFICATION,
    INTERMEDIATE_REPORT,
    FINAL_REPORT,
    CLOSURE,
    PROGRESS_REPORT,
    SUPPLEMENTARY;

    /** The kind a notification recorded without one stands for. */
    public static NotificationKind implied(Authority authority) {
        return authority == Authority.CERT_SANTE ? DECLARATION : NOTIFICATION;
    }
}
