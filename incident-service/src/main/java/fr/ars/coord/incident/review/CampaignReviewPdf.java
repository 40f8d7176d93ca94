package fr.ars.coord.incident.review;

import static fr.ars.coord.incident.report.ReportPdf.escape;
import static fr.ars.coord.incident.review.ReviewPdf.WHEN;
import static fr.ars.coord.incident.review.ReviewPdf.duration;
import static fr.ars.coord.incident.review.ReviewPdf.row;
import static fr.ars.coord.incident.review.ReviewPdf.when;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.report.ReportPdf;
import fr.ars.coord.incident.review.CampaignReview.Link;
import fr.ars.coord.incident.review.CampaignReview.ObligationSpread;
import fr.ars.coord.incident.review.CampaignReview.Spread;
import java.util.stream.Collectors;

/**
 * A national campaign's after-action review as a PDF, marked with the strictest TLP label of its incidents: its
 * opening against the first awareness, the spread of its incidents' delays, each obligation across them, each
 * incident's link and delays.
 */
final class CampaignReviewPdf {

    private CampaignReviewPdf() {}

    static byte[] render(CampaignReview review, TlpLabel tlp) {
        StringBuilder sections = new StringBuilder();
        sections.append("<h2>Campagne</h2>\n<table>\n");
        row(
                sections,
                "Régions",
                review.regions().isEmpty()
                        ? "aucune"
                        : review.regions().stream().map(Region::displayName).collect(Collectors.joining(", ")));
        row(sections, "Première prise de connaissance", when(review.firstAwareAt()));
        row(
                sections,
                "Ouverture de la campagne",
                when(review.openedAt())
                        + (review.awarenessToOpenSeconds() == null
                                ? ""
                                : " (" + duration(review.awarenessToOpenSeconds())
                                        + " après la première prise de connaissance)"));
        row(
                sections,
                "Premier communiqué publié",
                review.firstPublishedAt() == null ? "aucun" : when(review.firstPublishedAt()));
        sections.append("</table>\n");

        sections.append("<h2>Délais des incidents</h2>\n<table>\n<tr><th>Délai</th><th>Incidents</th>"
                + "<th>Médiane</th><th>Le plus long</th></tr>\n");
        spread(sections, "De la prise de connaissance à l'enregistrement", review.awarenessToRecord());
        spread(
                sections,
                "De la prise de connaissance au premier communiqué publié",
                review.awarenessToFirstPublished());
        sections.append("</table>\n");

        sections.append("<h2>Obligations légales</h2>\n<table>\n<tr><th>Obligation</th><th>Concernés</th>"
                + "<th>Tenues</th><th>À temps</th><th>Délai médian</th><th>Délai le plus long</th></tr>\n");
        for (ObligationSpread o : review.obligations()) {
            sections.append("<tr><td>")
                    .append(escape(o.code().obligation()))
                    .append("</td><td>")
                    .append(o.applicable())
                    .append("</td><td>")
                    .append(o.met())
                    .append("</td><td>")
                    .append(o.metOnTime())
                    .append("</td><td>")
                    .append(duration(o.toMeet().medianSeconds()))
                    .append("</td><td>")
                    .append(duration(o.toMeet().worstSeconds()))
                    .append("</td></tr>\n");
        }
        sections.append("</table>\n");

        sections.append("<h2>Incidents rattachés</h2>\n<table>\n<tr><th>Incident</th><th>Région</th>"
                + "<th>Rattaché le</th></tr>\n");
        for (Link link : review.links()) {
            sections.append("<tr><td>")
                    .append(escape(link.incidentId()))
                    .append("</td><td>")
                    .append(escape(link.region().code()))
                    .append("</td><td>")
                    .append(when(link.linkedAt()))
                    .append("</td></tr>\n");
        }
        sections.append("</table>\n");
        IncidentsTable.append(sections, review.incidents());

        boolean exercise = review.exerciseId() != null;
        return ReportPdf.render(
                "Revue de campagne nationale : " + review.title(),
                "Revue de campagne nationale",
                tlp,
                "Revue calculée à partir des événements enregistrés : médianes et délais les plus longs sur les"
                        + " incidents de la campagne qui ont les deux instants.",
                "Revue établie le " + WHEN.format(review.reviewedAt()) + ". Campagne " + review.campaignId() + ".",
                "Chaque délai est compté entre deux instants enregistrés.",
                sections.toString(),
                exercise);
    }

    private static void spread(StringBuilder out, String label, Spread spread) {
        out.append("<tr><td>")
                .append(escape(label))
                .append("</td><td>")
                .append(spread.count())
                .append("</td><td>")
                .append(duration(spread.medianSeconds()))
                .append("</td><td>")
                .append(duration(spread.worstSeconds()))
                .append("</td></tr>\n");
    }
}
