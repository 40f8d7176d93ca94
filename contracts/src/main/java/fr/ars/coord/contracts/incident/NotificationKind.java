package fr.ars.coord.contracts.incident;

/**
 * What a notification to an authority was. A notification recorded without one is, as in the first releases, the
 * authority's usual first step: a declaration to CERT Santé, a notification to the CNIL.
 */
public enum NotificationKind {
    DECLARATION, EARLY_WARNING, NOTIFICATION, INTERMEDIATE_REPORT, FINAL_REPORT, CLOSURE;

    /** The kind a notification recorded without one stands for. */
    public static NotificationKind implied(Authority authority) {
        return authority == Authority.CERT_SANTE ? DECLARATION : NOTIFICATION;
    }
}
