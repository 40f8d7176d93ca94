package fr.ars.coord.console.web;

import fr.ars.coord.client.incident.model.ObservableRole;
import fr.ars.coord.client.incident.model.ObservableType;
import fr.ars.coord.client.incident.model.RecordObservableRequest;
import fr.ars.coord.client.incident.model.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The incident page's observables form: values pasted one per line, a role and a label for all of them. A first
 * post proposes a type for each line (what {@link ObservableValues#detect} reads); the user confirms or changes them,
 * and the second post records each line as its own request, under the form's key and the line's number.
 */
public final class ObservableForms {

    /** Lines taken from one paste: more are refused, naming the field. */
    static final int MAX_LINES = 100;

    private ObservableForms() {}

    /** The paste as typed. */
    public record Paste(String requestKey, String values, String role, String tlp) {

        static Paste blank() {
            return new Paste(IncidentForms.newKey(), "", "", "");
        }

        /** Each non-blank line with the type proposed for it (empty when none reads it). */
        List<Line> lines() {
            List<String> values = Arrays.stream(this.values == null ? new String[0] : this.values.split("\\R"))
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .toList();
            if (values.isEmpty()) {
                throw IncidentForms.refused("values", "doit contenir au moins une valeur");
            }
            if (values.size() > MAX_LINES) {
                throw IncidentForms.refused("values", "au plus " + MAX_LINES + " valeurs à la fois");
            }
            return values.stream()
                    .map(v -> new Line(
                            v,
                            ObservableValues.detect(v)
                                    .map(fr.ars.coord.contracts.observable.ObservableType::typeName)
                                    .orElse("")))
                    .toList();
        }
    }

    /** One pasted value and the type proposed, or confirmed, for it. */
    public record Line(String value, String type) {}

    /** The confirmed lines, posted back with their types. */
    public record Confirmation(String requestKey, List<String> values, List<String> types, String role, String tlp) {

        List<Line> lines() {
            List<Line> lines = new ArrayList<>();
            int count = values == null ? 0 : values.size();
            if (types == null || types.size() != count || count == 0 || count > MAX_LINES) {
                throw IncidentForms.refused("values", "la liste confirmée est incomplète : recommencez la saisie");
            }
            for (int i = 0; i < count; i++) {
                lines.add(new Line(values.get(i), types.get(i)));
            }
            return lines;
        }

        RecordObservableRequest request(Line line) {
            return new RecordObservableRequest()
                    .type(IncidentForms.choice("type", line.type(), ObservableType::fromValue))
                    .value(line.value())
                    .role(IncidentForms.choice("role", role, ObservableRole::fromValue))
                    .tlp(IncidentForms.choice("tlp", tlp, TlpLabel::fromValue));
        }
    }
}
