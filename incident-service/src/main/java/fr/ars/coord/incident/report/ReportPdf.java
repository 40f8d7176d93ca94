package fr.ars.coord.incident.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.TlpLabel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Renders a report as PDF from the XHTML template {@code reports/report.xhtml}: its TLP label at the top and bottom
 * of every page (FIRST's colours on black), every statement followed by the events it rests on. The text is set in
 * Liberation Sans (shipped with PDFBox), embedded, so every accent prints and nothing is fetched.
 */
public final class ReportPdf {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final String TEMPLATE = read("/reports/report.xhtml");
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{(watermark|title|agency|tlpColour|tlp|legalBasis|moment|note|sections)\\}\\}");
    private static final Map<TlpLabel, String> COLOURS = Map.of(
            TlpLabel.RED,
            "#FF2B2B",
            TlpLabel.AMBER_STRICT,
            "#FFC000",
            TlpLabel.AMBER,
            "#FFC000",
            TlpLabel.GREEN,
            "#33FF00",
            TlpLabel.CLEAR,
            "#FFFFFF");

    static {
        // the renderer's own log speaks of loading fonts and resources: nothing an operator acts on
        XRLog.setLoggingEnabled(false);
    }

    private ReportPdf() {}

    static byte[] render(RegulatorReport report) {
        return render(xhtml(report));
    }

    /**
     * A document in the regulator reports' layout (A4, the agency's name above, the TLP label above and below, page
     * numbers): {@code title}, its heading lines and {@code note} after the marking (text) and its sections (XHTML,
     * their text escaped by the caller); an exercise's is marked EXERCICE across every page.
     */
    public static byte[] render(
            String title,
            String agency,
            TlpLabel tlp,
            String legalBasis,
            String moment,
            String note,
            String sections,
            boolean exercise) {
        return render(page(Map.of(
                "watermark", watermark(exercise),
                "title", escape(exercise ? ExerciseTag.LABEL + " — " + title : title),
                "agency", css(agency),
                "tlpColour", COLOURS.get(tlp),
                "tlp", tlp.label(),
                "legalBasis", escape(legalBasis),
                "moment", escape(moment),
                "note", escape(note),
                "sections", sections)));
    }

    private static byte[] render(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(
                    () -> PDDocument.class.getResourceAsStream(FONT), "Liberation Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(
                    () -> PDDocument.class.getResourceAsStream(FONT), "Liberation Sans", 700, FontStyle.NORMAL, true);
            builder.withProducer("Plateforme de coordination des incidents cyber des ARS");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String xhtml(RegulatorReport report) {
        StringBuilder sections = new StringBuilder();
        for (RegulatorReport.Section section : report.sections()) {
            sections.append("<h2>").append(escape(section.heading())).append("</h2>\n");
            for (RegulatorReport.Statement statement : section.statements()) {
                sections.append("<p class=\"statement\">")
                        .append(escape(statement.text()))
                        .append("</p>\n");
                sections.append("<p class=\"sources\">")
                        .append(
                                ReportWriter.saysNotRecorded(statement)
                                        ? "Source : aucun événement enregistré ne le précise"
                                        : statement.eventIds().isEmpty()
                                                ? "Source : configuration de la plateforme"
                                                : "Événements : " + escape(String.join(", ", statement.eventIds())))
                        .append("</p>\n");
            }
        }
        String moment = (report.asOfView() ? "État de l'incident au " : "État de l'incident le ")
                + ReportWriter.when(report.evaluatedAt()) + " ; rapport établi le "
                + ReportWriter.when(report.generatedAt()) + ". Incident " + report.incidentId() + ".";
        return page(Map.of(
                "watermark", watermark(report.exerciseId() != null),
                "title", escape(report.title()),
                "agency", css(report.agency() + " (" + report.region().code() + ")"),
                "tlpColour", COLOURS.get(report.tlp()),
                "tlp", report.tlp().label(),
                "legalBasis", escape(report.legalBasis()),
                "moment", escape(moment),
                "note", "Chaque énoncé cite les événements enregistrés dont il est tiré.",
                "sections", sections.toString()));
    }

    /** The mark across every page of an exercise's document; nothing for a real one. */
    private static String watermark(boolean exercise) {
        return exercise ? "<div class=\"exercise\">" + ExerciseTag.LABEL + "</div>" : "";
    }

    /** The template with its placeholders replaced by {@code values}. */
    private static String page(Map<String, String> values) {
        // one pass: a placeholder written in the incident's own text stays text
        Matcher placeholder = PLACEHOLDER.matcher(TEMPLATE);
        StringBuilder page = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(page, Matcher.quoteReplacement(values.get(placeholder.group(1))));
        }
        placeholder.appendTail(page);
        return page.toString();
    }

    /** Text in XHTML: the five characters XML gives meaning to, and no control character. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** Text in a CSS string inside XHTML: no quote or backslash to end it. */
    private static String css(String text) {
        return escape(text.replace("\\", " ").replace("\"", " "));
    }

    private static String read(String resource) {
        try (InputStream in = ReportPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
