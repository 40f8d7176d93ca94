package fr.ars.coord.incident.review;

import static fr.ars.coord.incident.report.ReportPdf.escape;
import static fr.ars.coord.incident.review.ReviewPdf.WHEN;
import static fr.ars.coord.incident.review.ReviewPdf.duration;
import static fr.ars.coord.incident.review.ReviewPdf.row;
import static fr.ars.coord.incident.review.ReviewPdf.when;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.incident.review.ExerciseReview.ExpectationResult;
import fr.ars.coord.incident.review.ExerciseReview.StepResult;
import java.util.Map;

/**
 * An exercise's after-action review as a PDF, marked EXERCICE on every page and with the strictest TLP label of its
 * incidents: the replay's steps as injected, each expected action against what was done, each incident's delays.
 */
final class ExerciseReviewPdf {

    private static final Map<String, String> STEPS =
            Map.of("REPORT", "Signalement", "ASSESSMENT", "Évaluation", "CONTAINMENT", "Mesure de confinement");
    private static final Map<String, String> ACTIONS = Map.of(
            "CERT_SANTE_DECLARATION", "Déclaration au CERT Santé",
            "CNIL_NOTIFICATION", "Notification à la CNIL",
            "COMMUNIQUE_APPROVED", "Communiqué approuvé",
            "COMMUNIQUE_PUBLISHED", "Communiqué publié");
    private static final Map<String, String> STATUSES =
            Map.of("ON_TIME", "à temps", "LATE", "en retard", "NOT_DONE", "non fait", "OPEN", "à faire");

    private ExerciseReviewPdf() {}

    static byte[] render(ExerciseReview review, TlpLabel tlp) {
        StringBuilder sections = new StringBuilder();
        sections.append("<h2>Exercice</h2>\n<table>\n");
        row(sections, "Début", when(review.startedAt()));
        row(sections, "Fin prévue", when(review.endsAt()));
        row(sections, "Terminé le", review.endedAt() == null ? "en cours" : when(review.endedAt()));
        if (review.replay() != null) {
            row(
                    sections,
                    "Scénario rejoué",
                    review.replay().scriptName() + " (×" + review.replay().speed() + ", depuis le "
                            + when(review.replay().startedAt()) + ")");
        }
        sections.append("</table>\n");

        if (review.replay() != null) {
            sections.append("<h2>Faits injectés</h2>\n<table>\n<tr><th>Étape</th><th>Incident</th><th>Fait</th>"
                    + "<th>Prévu</th><th>Injecté</th><th>Résultat</th></tr>\n");
            for (StepResult step : review.replay().steps()) {
                sections.append("<tr><td>")
                        .append(step.index())
                        .append("</td><td>")
                        .append(escape(step.incident()))
                        .append("</td><td>")
                        .append(escape(STEPS.getOrDefault(step.kind(), step.kind())))
                        .append("</td><td>")
                        .append(when(step.dueAt()))
                        .append("</td><td>")
                        .append(when(step.injectedAt()))
                        .append(
                                step.lateBySeconds() == null || step.lateBySeconds() == 0
                                        ? ""
                                        : " (+" + duration(step.lateBySeconds()) + ")")
                        .append("</td><td>")
                        .append(escape(step.outcome() == null ? "" : step.outcome()))
                        .append("</td></tr>\n");
            }
            sections.append("</table>\n");
        }

        sections.append("<h2>Actions attendues et réalisées</h2>\n");
        if (review.expected().isEmpty()) {
            sections.append("<p class=\"statement\">Aucune action attendue (pas de scénario).</p>\n");
        } else {
            sections.append("<table>\n<tr><th>Incident</th><th>Action</th><th>Attendue avant</th><th>Réalisée le</th>"
                    + "<th>Marge</th><th>État</th></tr>\n");
            for (ExpectationResult e : review.expected()) {
                sections.append("<tr><td>")
                        .append(escape(e.incident()))
                        .append("</td><td>")
                        .append(escape(
                                e.description() != null
                                        ? e.description()
                                        : ACTIONS.getOrDefault(
                                                e.action().name(), e.action().name())))
                        .append("</td><td>")
                        .append(when(e.expectedBy()))
                        .append("</td><td>")
                        .append(when(e.doneAt()))
                        .append("</td><td>")
                        .append(
                                e.marginSeconds() == null
                                        ? ""
                                        : (e.marginSeconds() < 0 ? "retard de " : "") + duration(e.marginSeconds()))
                        .append("</td><td>")
                        .append(escape(STATUSES.getOrDefault(e.status(), e.status())))
                        .append("</td></tr>\n");
            }
            sections.append("</table>\n");
        }

        sections.append("<h2>Incidents de l'exercice</h2>\n");
        IncidentsTable.append(sections, review.incidents());

        return fr.ars.coord.incident.report.ReportPdf.render(
                "Revue d'exercice : " + review.name(),
                "Revue après exercice",
                tlp,
                "Revue calculée à partir des événements enregistrés dans l'exercice et de son scénario : une action"
                        + " attendue est comptée faite à l'instant où elle a été enregistrée.",
                "Revue établie le " + WHEN.format(review.reviewedAt()) + ". Exercice " + review.exerciseId() + ".",
                "Chaque délai est compté entre deux instants enregistrés.",
                sections.toString(),
                true);
    }
}
