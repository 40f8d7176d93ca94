package fr.ars.coord.contracts.incident;

/**
 * The legal obligations that follow a regional health agency's incident, each with the authority it is owed to,
 * what it asks in French, and its legal basis. The order is the order of the incident view's clocks: the two
 * tracked since the first release come first.
 */
public enum ObligationCode {

    /** "Sans délai": tracked as due within 24 h of awareness by default. */
    CERT_SANTE_DECLARATION(Authority.CERT_SANTE, "Signalement sans délai à CERT Santé",
            "Code de la santé publique, art. L.1111-8-2 et D.1111-16-2"),
    /** Within 72 h of awareness, once an assessment says personal data was exposed. */
    CNIL_NOTIFICATION(Authority.CNIL, "Notification de violation de données à la CNIL sous 72 heures",
            "RGPD, art. 33"),
    /** "Sans délai" once resolved: tracked as due within 24 h of the move to RESOLVED by default. */
    CERT_SANTE_CLOSURE(Authority.CERT_SANTE, "Déclaration de clôture de l'incident à CERT Santé",
            "Code de la santé publique, art. D.1111-16-3"),
    /** Without undue delay when the risk is high: tracked as due within 72 h of that assessment by default. */
    PATIENT_INFORMATION(Authority.PATIENTS, "Information des patients concernés (risque élevé)",
            "RGPD, art. 34"),
    /** Within 24 h of awareness, for an entity under NIS2. */
    NIS2_EARLY_WARNING(Authority.ANSSI, "Alerte précoce à l'ANSSI sous 24 heures", "Directive (UE) 2022/2555"
            + " (NIS2), art. 23(4)(a)"),
    /** Within 72 h of awareness, for an entity under NIS2. */
    NIS2_NOTIFICATION(Authority.ANSSI, "Notification d'incident à l'ANSSI sous 72 heures", "Directive (UE)"
            + " 2022/2555 (NIS2), art. 23(4)(b)"),
    /** One month after the NIS2 notification was made. */
    NIS2_FINAL_REPORT(Authority.ANSSI, "Rapport final à l'ANSSI un mois après la notification", "Directive (UE)"
            + " 2022/2555 (NIS2), art. 23(4)(d)");

    private final Authority authority;
    private final String obligation;
    private final String legalBasis;

    ObligationCode(Authority authority, String obligation, String legalBasis) {
        this.authority = authority;
        this.obligation = obligation;
        this.legalBasis = legalBasis;
    }

    public Authority authority() {
        return authority;
    }

    /** What the obligation asks, in French. */
    public String obligation() {
        return obligation;
    }

    public String legalBasis() {
        return legalBasis;
    }
}
