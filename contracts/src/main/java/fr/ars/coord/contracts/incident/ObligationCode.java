package fr.ars.coord.contracts.incident;

/**
 * The legal obligations that follow a regional health agency's incident, each with the authority it is owed to,
 * what it asks in French, and its legal basis. The order is the order of the incident view's clocks: the two
 * tracked since the first release come first, those added later after the ones before them.
 */
public enum ObligationCode {

    /**
     * "Sans délai": tracked as due within 24 h of awareness by default, an operational ceiling (the texts say "without
     * delay"). The duty is the health establishment's or organisation's (L.1111-8-2; the categories in D.1111-16-2, the
     * procedure in D.1111-16-3): an ARS or GRADeS records it on its behalf or for its own systems.
     */
    CERT_SANTE_DECLARATION(
            Authority.CERT_SANTE,
            "Signalement sans délai à CERT Santé",
            "Code de la santé publique, art. L.1111-8-2, D.1111-16-2 et D.1111-16-3",
            false,
            null),
    /**
     * Within 72 h of the breach's awareness (the decision's {@code breachAwareAt}, else the incident's), once an
     * assessment says personal data was exposed or the agency decided to notify; not applicable once it decided the
     * breach is unlikely to result in a risk (art. 33(1)).
     */
    CNIL_NOTIFICATION(
            Authority.CNIL,
            "Notification de violation de données à la CNIL sous 72 heures",
            "RGPD, art. 33",
            true,
            null),
    /** "Sans délai" once resolved: tracked as due within 24 h of the move to RESOLVED by default. */
    CERT_SANTE_CLOSURE(
            Authority.CERT_SANTE,
            "Déclaration de clôture de l'incident à CERT Santé",
            "Code de la santé publique, art. D.1111-16-3",
            false,
            null),
    /**
     * "Without undue delay" when the risk is high (art. 34(1)): tracked as due within 72 h of that assessment by
     * default; not needed in the cases of art. 34(3), recorded as the decision NOT_REQUIRED with its reason.
     */
    PATIENT_INFORMATION(
            Authority.PATIENTS,
            "Information des patients concernés (risque élevé)",
            "RGPD, art. 34(1) (exemptions : art. 34(3))",
            false,
            null),
    /** Within 24 h of awareness, for a significant incident; an incident notification within 24 h meets it too. */
    NIS2_EARLY_WARNING(
            Authority.ANSSI,
            "Alerte précoce à l'ANSSI sous 24 heures",
            "Directive (UE) 2022/2555" + " (NIS2), art. 23(4)(a)",
            true,
            null),
    /** Within 72 h of awareness, for a significant incident. */
    NIS2_NOTIFICATION(
            Authority.ANSSI,
            "Notification d'incident à l'ANSSI sous 72 heures",
            "Directive (UE)" + " 2022/2555 (NIS2), art. 23(4)(b)",
            true,
            null),
    /**
     * One month after the NIS2 notification: the final report, or a progress report if the incident is still
     * ongoing then (which opens {@link #NIS2_FINAL_REPORT_AFTER_HANDLING}).
     */
    NIS2_FINAL_REPORT(
            Authority.ANSSI,
            "Rapport final (ou d'avancement si l'incident est en cours) à l'ANSSI un mois" + " après la notification",
            "Directive (UE) 2022/2555 (NIS2), art. 23(4)(d) et (e)",
            true,
            null),
    /**
     * Whether the incident is significant (NIS2 art. 23(3)), for an entity under NIS2: decided within 24 h of
     * awareness by default, so that the early warning is never missed by omission (the platform's ceiling).
     */
    NIS2_SIGNIFICANCE(
            Authority.ANSSI,
            "Décision sur le caractère important de l'incident (NIS2)",
            "Directive (UE) 2022/2555 (NIS2), art. 23(3)",
            false,
            "délai recommandé (pour que l'alerte précoce de 24 heures ne soit pas manquée)"),
    /** After a progress report: the final report one month after the incident was handled (resolved). */
    NIS2_FINAL_REPORT_AFTER_HANDLING(
            Authority.ANSSI,
            "Rapport final à l'ANSSI un mois après le traitement de" + " l'incident",
            "Directive (UE) 2022/2555 (NIS2), art. 23(4)(e)",
            true,
            null),
    /** When ANSSI asks for one (art. 23(4)(c)): due when ANSSI said. */
    NIS2_INTERMEDIATE_REPORT(
            Authority.ANSSI,
            "Rapport intermédiaire demandé par l'ANSSI",
            "Directive (UE)" + " 2022/2555 (NIS2), art. 23(4)(c)",
            true,
            "délai fixé par l'ANSSI dans sa demande");

    private final Authority authority;
    private final String obligation;
    private final String legalBasis;
    private final boolean legalDeadline;
    private final String deadlineNature;

    ObligationCode(
            Authority authority, String obligation, String legalBasis, boolean legalDeadline, String deadlineNature) {
        this.authority = authority;
        this.obligation = obligation;
        this.legalBasis = legalBasis;
        this.legalDeadline = legalDeadline;
        this.deadlineNature = deadlineNature != null
                ? deadlineNature
                : legalDeadline ? "délai légal" : "délai recommandé (le texte dit « sans délai »)";
    }

    /**
     * Whether the delay tracked is the text's own (72 h, 24 h, one month) rather than a ceiling the platform
     * recommends where the text says "sans délai" or "dans les meilleurs délais".
     */
    public boolean legalDeadline() {
        return legalDeadline;
    }

    /** How a report names the delay: "délai légal" or "délai recommandé". */
    public String deadlineNature() {
        return deadlineNature;
    }

    /** Whether the obligation is one of NIS2's, which run only for an entity under NIS2. */
    public boolean nis2() {
        return name().startsWith("NIS2_");
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
