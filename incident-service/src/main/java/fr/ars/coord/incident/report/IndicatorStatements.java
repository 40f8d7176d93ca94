package fr.ars.coord.incident.report;

import fr.ars.coord.contracts.incident.ObservableRecordedEvent;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.incident.report.RegulatorReport.Section;
import fr.ars.coord.incident.report.RegulatorReport.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The indicators of compromise a report lists: every observable standing on the incident (withdrawn ones left out),
 * with its role, when it was seen, its TLP label and the confidence recorded, each citing the event that recorded it.
 * A professional's account appears only as its pseudonym, as it is recorded.
 */
final class IndicatorStatements {

    static final String HEADING = "Indicateurs de compromission";

    private static final Map<ObservableRole, String> ROLES = new EnumMap<>(Map.of(
            ObservableRole.INTRUSION_SOURCE, "source de l'intrusion",
            ObservableRole.PHISHING_SENDER, "expéditeur de l'hameçonnage",
            ObservableRole.MALICIOUS_URL, "URL malveillante",
            ObservableRole.COMPROMISED_ACCOUNT, "compte compromis (pseudonyme)",
            ObservableRole.MALWARE, "logiciel malveillant",
            ObservableRole.COMMAND_AND_CONTROL, "serveur de commande et de contrôle",
            ObservableRole.EXFILTRATION_DESTINATION, "destination de l'exfiltration",
            ObservableRole.OTHER, "autre rôle"));

    private IndicatorStatements() {}

    static Section section(ReportFacts facts) {
        if (facts.observables.isEmpty()) {
            return new Section(
                    HEADING,
                    List.of(new Statement(
                            "Indicateurs de compromission : non renseignés dans la plateforme.", List.of())));
        }
        List<Statement> statements = new ArrayList<>();
        facts.observables
                .values()
                .forEach(
                        recorded -> statements.add(new Statement(text(recorded.event()), List.of(recorded.eventId()))));
        return new Section(HEADING, statements);
    }

    static String text(ObservableRecordedEvent e) {
        StringBuilder text = new StringBuilder()
                .append(e.type().typeName())
                .append(" ")
                .append(e.value())
                .append(" (")
                .append(ROLES.get(e.role()))
                .append(") : ")
                .append(e.tlp().toString());
        if (e.firstSeen() != null) {
            text.append(", vu ").append(e.lastSeen() == null ? "le " : "du ").append(ReportWriter.when(e.firstSeen()));
        }
        if (e.lastSeen() != null) {
            text.append(e.firstSeen() == null ? ", vu en dernier le " : " au ").append(ReportWriter.when(e.lastSeen()));
        }
        if (e.confidence() != null) {
            text.append(", confiance ").append(e.confidence()).append(" %");
        }
        return text.append(".").toString();
    }
}
