package fr.ars.coord.incident.review;

import static fr.ars.coord.incident.report.ReportPdf.escape;
import static fr.ars.coord.incident.review.ReviewPdf.duration;
import static fr.ars.coord.incident.review.ReviewPdf.when;

import java.util.List;

/** The incidents of an exercise or a campaign in one table of its review's PDF: each one's delays and obligations. */
final class IncidentsTable {

    private IncidentsTable() {}

    static void append(StringBuilder out, List<IncidentReview> incidents) {
        if (incidents.isEmpty()) {
            out.append("<p class=\"statement\">Aucun incident.</p>\n");
            return;
        }
        out.append("<table>\n<tr><th>Incident</th><th>Région</th><th>Connaissance</th><th>Enregistrement</th>"
                + "<th>Premier communiqué publié</th><th>Obligations tenues à temps</th></tr>\n");
        for (IncidentReview r : incidents) {
            long applicable = r.obligations().size();
            long onTime = r.obligations().stream()
                    .filter(o -> o.metAt() != null && !o.late())
                    .count();
            out.append("<tr><td>")
                    .append(escape(r.title()))
                    .append("</td><td>")
                    .append(escape(r.region().code()))
                    .append("</td><td>")
                    .append(when(r.awareAt()))
                    .append("</td><td>")
                    .append(when(r.reportedAt()))
                    .append(
                            r.awarenessToRecordSeconds() == null
                                    ? ""
                                    : " (" + duration(r.awarenessToRecordSeconds()) + ")")
                    .append("</td><td>")
                    .append(
                            r.communiques().firstPublishedAt() == null
                                    ? "aucun"
                                    : when(r.communiques().firstPublishedAt()) + " ("
                                            + duration(r.communiques().awarenessToFirstPublishedSeconds()) + ")")
                    .append("</td><td>")
                    .append(onTime)
                    .append(" / ")
                    .append(applicable)
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }
}
