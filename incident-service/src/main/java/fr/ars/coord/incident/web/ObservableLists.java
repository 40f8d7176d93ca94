package fr.ars.coord.incident.web;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.incident.view.ObservableView;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An incident's standing observables as blocking tools take them: a CSV for a spreadsheet or a SIEM (RFC 4180, cells
 * starting with a formula character quoted), and one value per line of one type for a firewall or a mail filter.
 * Only those whose label allows sharing under the one asked for are listed (all when none is asked for).
 */
final class ObservableLists {

    static final String HEADER = "type,value,role,tlp,confidence,firstSeen,lastSeen,recordedAt,observableId";

    private ObservableLists() {}

    static List<ObservableView> shareable(List<ObservableView> observables, TlpLabel sharedUnder) {
        return observables.stream()
                .filter(ObservableView::standing)
                .filter(o -> sharedUnder == null || o.tlp().ordinal() >= sharedUnder.ordinal())
                .toList();
    }

    static String csv(List<ObservableView> observables) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        observables.forEach(o -> csv.append(List.of(
                                BreachRegisterCsv.field(o.type().typeName()),
                                BreachRegisterCsv.field(o.value()),
                                BreachRegisterCsv.field(o.role()),
                                BreachRegisterCsv.field(o.tlp().label()),
                                BreachRegisterCsv.field(o.confidence()),
                                BreachRegisterCsv.field(o.firstSeen()),
                                BreachRegisterCsv.field(o.lastSeen()),
                                BreachRegisterCsv.field(o.recordedAt()),
                                BreachRegisterCsv.field(o.id()))
                        .stream()
                        .collect(Collectors.joining(",")))
                .append("\r\n"));
        return csv.toString();
    }

    /** The values of one type, one per line, each once, in the order recorded. */
    static String plain(List<ObservableView> observables, ObservableType type) {
        return observables.stream()
                .filter(o -> o.type() == type)
                .map(ObservableView::value)
                .distinct()
                .map(v -> v + "\n")
                .collect(Collectors.joining());
    }
}
