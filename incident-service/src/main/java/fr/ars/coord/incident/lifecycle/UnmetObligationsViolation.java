package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.ObligationCode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Closing refused: obligations are still to meet and the request did not waive them (answered 409, the codes listed
 * in {@code unmetObligations}).
 */
public class UnmetObligationsViolation extends IncidentRuleViolation {

    private final List<ObligationCode> unmet;

    UnmetObligationsViolation(List<ObligationCode> unmet) {
        super("The incident cannot be closed while obligations are unmet: "
                + unmet.stream().map(Enum::name).collect(Collectors.joining(", ")) + ". Record what meets them, or"
                + " name each in waivers with the reason it is closed without it.");
        this.unmet = List.copyOf(unmet);
    }

    /** The obligations still to meet and not waived, in the order of the incident's clocks. */
    public List<ObligationCode> unmet() {
        return unmet;
    }
}
