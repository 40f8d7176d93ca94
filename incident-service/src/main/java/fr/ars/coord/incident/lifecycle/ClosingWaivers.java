package fr.ars.coord.incident.lifecycle;

import static fr.ars.coord.incident.lifecycle.IncidentRules.isBlank;

import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ObligationWaiver;
import fr.ars.coord.platform.rules.InvalidRequestException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The waivers of a closure, checked against the obligations still to meet: each names one of them, once, with a
 * reason, and together they name them all (else the closure is refused, listing those left).
 */
final class ClosingWaivers {

    private ClosingWaivers() {}

    static List<ObligationWaiver> accepted(List<ObligationWaiver> waivers, List<ObligationCode> unmet) {
        List<ObligationWaiver> accepted = new ArrayList<>();
        EnumSet<ObligationCode> named = EnumSet.noneOf(ObligationCode.class);
        for (int i = 0; i < waivers.size(); i++) {
            ObligationWaiver waiver = waivers.get(i);
            String field = "waivers[" + i + "]";
            if (!named.add(waiver.code())) {
                throw new InvalidRequestException(field + ".code", "names " + waiver.code() + " twice");
            }
            if (!unmet.contains(waiver.code())) {
                throw new InvalidRequestException(
                        field + ".code",
                        waiver.code() + " is not an unmet obligation of"
                                + " this incident: only an obligation still to meet can be waived");
            }
            if (isBlank(waiver.reason())) {
                throw new InvalidRequestException(
                        field + ".reason",
                        "is required: why the incident is closed without" + " meeting " + waiver.code());
            }
            accepted.add(new ObligationWaiver(waiver.code(), waiver.reason().strip()));
        }
        List<ObligationCode> missing =
                unmet.stream().filter(code -> !named.contains(code)).toList();
        if (!missing.isEmpty()) {
            throw new UnmetObligationsViolation(missing);
        }
        return accepted;
    }
}
