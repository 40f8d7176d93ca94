package fr.ars.coord.incident.report;

import fr.ars.coord.contracts.incident.ObligationCode;
import java.util.Arrays;
import java.util.Optional;

/** The reports a regulator receives, each for the obligation it fulfils, named in URLs by its slug. */
public enum ReportKind {
    CERT_SANTE_DECLARATION(
            "cert-sante-declaration",
            "Déclaration d'incident de sécurité à CERT Santé",
            ObligationCode.CERT_SANTE_DECLARATION),
    CNIL_NOTIFICATION(
            "cnil-notification",
            "Notification de violation de données personnelles à la CNIL",
            ObligationCode.CNIL_NOTIFICATION),
    NIS2_EARLY_WARNING("nis2-early-warning", "Alerte précoce à l'ANSSI (NIS2)", ObligationCode.NIS2_EARLY_WARNING),
    NIS2_NOTIFICATION(
            "nis2-notification", "Notification d'incident à l'ANSSI (NIS2)", ObligationCode.NIS2_NOTIFICATION),
    NIS2_FINAL_REPORT("nis2-final-report", "Rapport final à l'ANSSI (NIS2)", ObligationCode.NIS2_FINAL_REPORT);

    private final String slug;
    private final String title;
    private final ObligationCode obligation;

    ReportKind(String slug, String title, ObligationCode obligation) {
        this.slug = slug;
        this.title = title;
        this.obligation = obligation;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public ObligationCode obligation() {
        return obligation;
    }

    public static Optional<ReportKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    /** The slugs, for the API document and for refusals. */
    public static String[] slugs() {
        return Arrays.stream(values()).map(ReportKind::slug).toArray(String[]::new);
    }
}
