package fr.ars.coord.incident.review;

import static fr.ars.coord.incident.report.ReportPdf.escape;

import fr.ars.coord.contracts.incident.RegulatoryClock.ClockStatus;
import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.incident.report.ReportPdf;
import fr.ars.coord.incident.review.IncidentReview.CommuniqueMilestone;
import fr.ars.coord.incident.review.IncidentReview.Correction;
import fr.ars.coord.incident.review.IncidentReview.ObligationTiming;
import fr.ars.coord.incident.review.IncidentReview.ReminderFired;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * An incident's after-action review as a PDF, in the regulator reports' layout and marked with the incident's TLP
 * label: the delays, each obligation, the communiqués, the corrections, the reminders and who acted when, in French.
 */
final class ReviewPdf {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm").withZone(ZoneId.of("Europe/Paris"));
    private static final Map<String, String> CORRECTIONS = Map.of(
            "ASSESSMENT", "Évaluation corrigée",
            "NOTIFICATION", "Notification complémentaire",
            "COMMUNIQUE", "Communiqué rectifié");
    private static final Map<ClockStatus, String> STATES = Map.of(
            ClockStatus.PENDING, "en cours",
            ClockStatus.DUE_SOON, "échéance proche",
            ClockStatus.OVERDUE, "en retard",
            ClockStatus.MET, "tenue",
            ClockStatus.NOT_APPLICABLE, "sans objet",
            ClockStatus.WAIVED, "non réalisée (dérogation à la clôture)");
    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("IncidentReportedEvent", "Incident signalé"),
            Map.entry("IncidentAssessedEvent", "Évaluation"),
            Map.entry("IncidentStatusChangedEvent", "Changement de statut"),
            Map.entry("IncidentClassifiedEvent", "Classification"),
            Map.entry("ContainmentActionRecordedEvent", "Mesure de confinement"),
            Map.entry("AuthorityNotifiedEvent", "Notification à une autorité"),
            Map.entry("CnilNotificationDecidedEvent", "Décision de notification à la CNIL"),
            Map.entry("Nis2SignificanceAssessedEvent", "Appréciation NIS2"),
            Map.entry("Nis2IntermediateReportRequestedEvent", "Rapport intermédiaire NIS2 demandé"),
            Map.entry("PatientInformationRecordedEvent", "Information des patients"),
            Map.entry("ObligationReminderRecordedEvent", "Rappel d'échéance"),
            Map.entry("ObservableRecordedEvent", "Observable enregistré"),
            Map.entry("ObservableWithdrawnEvent", "Observable retiré"));

    private ReviewPdf() {}

    static byte[] render(IncidentReview review, TlpLabel tlp) {
        StringBuilder sections = new StringBuilder();
        sections.append("<h2>Délais</h2>\n<table>\n");
        row(sections, "Prise de connaissance", when(review.awareAt()));
        row(sections, "Premier enregistrement", when(review.reportedAt()) + after(review.awarenessToRecordSeconds()));
        row(
                sections,
                "Premier communiqué approuvé",
                review.communiques().firstApprovedAt() == null
                        ? "aucun"
                        : when(review.communiques().firstApprovedAt())
                                + after(review.communiques().awarenessToFirstApprovedSeconds()));
        row(
                sections,
                "Premier communiqué publié",
                review.communiques().firstPublishedAt() == null
                        ? "aucun"
                        : when(review.communiques().firstPublishedAt())
                                + after(review.communiques().awarenessToFirstPublishedSeconds()));
        row(
                sections,
                "Communiqués publiés",
                review.communiques().published() + " dont "
                        + review.communiques().corrections() + " rectificatif(s)");
        sections.append("</table>\n");

        sections.append("<h2>Obligations légales</h2>\n<table>\n<tr><th>Obligation</th><th>Échéance</th>"
                + "<th>Tenue le</th><th>Délai</th><th>Marge</th><th>État</th></tr>\n");
        for (ObligationTiming o : review.obligations()) {
            sections.append("<tr><td>")
                    .append(escape(o.code().obligation()))
                    .append("</td><td>")
                    .append(when(o.dueAt()))
                    .append("</td><td>")
                    .append(when(o.metAt()))
                    .append("</td><td>")
                    .append(duration(o.toMeetSeconds()))
                    .append("</td><td>")
                    .append(
                            o.marginSeconds() == null
                                    ? ""
                                    : (o.marginSeconds() < 0 ? "retard de " : "") + duration(o.marginSeconds()))
                    .append("</td><td>")
                    .append(escape(STATES.getOrDefault(o.status(), String.valueOf(o.status()))
                            + (o.lateReason() != null ? " : " + o.lateReason() : "")
                            + (o.waiverReason() != null ? " : " + o.waiverReason() : "")))
                    .append("</td></tr>\n");
        }
        sections.append("</table>\n");

        sections.append("<h2>Communiqués citant l'incident</h2>\n");
        if (review.communiques().citing().isEmpty()) {
            sections.append("<p class=\"statement\">Aucun communiqué ne cite les faits de l'incident.</p>\n");
        } else {
            sections.append("<table>\n<tr><th>Communiqué</th><th>Rédigé</th><th>Approuvé</th><th>Publié</th></tr>\n");
            for (CommuniqueMilestone c : review.communiques().citing()) {
                sections.append("<tr><td>")
                        .append(escape(c.communiqueId()
                                + (c.supersedes() != null ? " (rectifie " + c.supersedes() + ")" : "")))
                        .append("</td><td>")
                        .append(when(c.draftedAt()))
                        .append("</td><td>")
                        .append(when(c.approvedAt()))
                        .append("</td><td>")
                        .append(when(c.publishedAt()))
                        .append("</td></tr>\n");
            }
            sections.append("</table>\n");
        }

        sections.append("<h2>Corrections</h2>\n");
        list(
                sections,
                review.corrections().stream()
                        .map(c -> when(c.at()) + " — " + CORRECTIONS.getOrDefault(c.kind(), c.kind()) + by(c)
                                + (c.reason() != null ? " : " + c.reason() : ""))
                        .toList(),
                "Aucune correction enregistrée.");

        sections.append("<h2>Rappels envoyés</h2>\n");
        list(sections, review.reminders().stream().map(ReviewPdf::reminder).toList(), "Aucun rappel.");

        sections.append("<h2>Qui a agi, quand</h2>\n<table>\n<tr><th>Quand</th><th>Qui</th><th>Quoi</th></tr>\n");
        review.actions()
                .forEach(a -> sections.append("<tr><td>")
                        .append(when(a.at()))
                        .append("</td><td>")
                        .append(a.by() == null ? "" : escape(a.by().username() + " (" + a.by().org() + ")"))
                        .append("</td><td>")
                        .append(escape(EVENTS.getOrDefault(a.type(), a.type())))
                        .append("</td></tr>\n"));
        sections.append("</table>\n");

        return ReportPdf.render(
                "Revue après incident : " + review.title(),
                "Revue après incident (" + review.region().code() + ")",
                tlp,
                "Revue calculée à partir des événements enregistrés : un délai n'est donné que si ses deux instants"
                        + " l'ont été.",
                "Revue établie le " + WHEN.format(review.reviewedAt()) + ". Incident " + review.incidentId() + ".",
                "Chaque délai est compté entre deux instants enregistrés.",
                sections.toString(),
                review.exerciseId() != null);
    }

    /** A delay in whole seconds as "1 j 2 h 5 min" (its size; "45 s" under a minute); empty when not known. */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "";
        }
        Duration d = Duration.ofSeconds(Math.abs(seconds));
        if (d.toMinutes() == 0) {
            return d.toSeconds() + " s";
        }
        long days = d.toDays();
        long hours = d.toHoursPart();
        return (days > 0 ? days + " j " : "") + (days > 0 || hours > 0 ? hours + " h " : "") + d.toMinutesPart()
                + " min";
    }

    private static String after(Long seconds) {
        return seconds == null ? "" : " (" + duration(seconds) + " après la prise de connaissance)";
    }

    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private static String by(Correction c) {
        return c.by() == null ? "" : " par " + c.by().username();
    }

    private static String reminder(ReminderFired r) {
        return when(r.recordedAt()) + " — " + r.code().obligation() + " ("
                + (r.stage() == ReminderStage.OVERDUE ? "échéance dépassée" : "échéance proche") + ")";
    }

    static void row(StringBuilder out, String label, String value) {
        out.append("<tr><th>")
                .append(escape(label))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>\n");
    }

    static void list(StringBuilder out, List<String> items, String none) {
        if (items.isEmpty()) {
            out.append("<p class=\"statement\">").append(escape(none)).append("</p>\n");
            return;
        }
        items.forEach(item ->
                out.append("<p class=\"statement\">").append(escape(item)).append("</p>\n"));
    }
}
