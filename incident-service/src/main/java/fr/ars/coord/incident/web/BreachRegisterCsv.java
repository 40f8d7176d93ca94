package fr.ars.coord.incident.web;

import fr.ars.coord.incident.register.BreachRegisterEntry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The breach register as CSV (RFC 4180: comma-separated, CRLF, fields quoted when needed), one line per breach,
 * for a spreadsheet. A text field starting with a formula character is prefixed with a quote so that no
 * spreadsheet evaluates it.
 */
final class BreachRegisterCsv {

    static final String HEADER = "incidentId,region,title,status,awareAt,breachAwareAt,personalDataExposedAt,"
            + "exposedData,medicalDataExposed,estimatedPatients,highRiskAt,containmentActions,cnilDecision,"
            + "cnilDecisionReason,cnilNotifiedAt,cnilReference,cnilSupplementaryNotifiedAt,cnilClock,"
            + "patientInformationDecision,patientsInformedAt,estimatedRecords,breachTypes,dataSubjects";

    private BreachRegisterCsv() {}

    static String write(List<BreachRegisterEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (BreachRegisterEntry e : entries) {
            csv.append(String.join(
                            ",",
                            List.of(
                                    field(e.incidentId()),
                                    field(e.region().code()),
                                    field(e.title()),
                                    field(e.status()),
                                    field(e.awareAt()),
                                    field(e.breachAwareAt()),
                                    field(e.personalDataExposedAt()),
                                    field(join(e.exposedData())),
                                    field(e.medicalDataExposed()),
                                    field(e.estimatedPatients()),
                                    field(e.highRiskAt()),
                                    field(join(e.containmentActions())),
                                    field(e.cnilDecision()),
                                    field(e.cnilDecisionReason()),
                                    field(e.cnilNotifiedAt()),
                                    field(e.cnilReference()),
                                    field(join(e.cnilSupplementaryNotifiedAt())),
                                    field(e.cnilClock()),
                                    field(e.patientInformationDecision()),
                                    field(e.patientsInformedAt()),
                                    field(e.estimatedRecords()),
                                    field(join(e.breachTypes())),
                                    field(join(e.dataSubjects())))))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String join(Collection<?> values) {
        return values == null ? null : values.stream().map(Object::toString).collect(Collectors.joining(" "));
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? instant.toString() : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
