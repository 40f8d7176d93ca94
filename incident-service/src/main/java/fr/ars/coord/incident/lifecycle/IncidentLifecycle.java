package fr.ars.coord.incident.lifecycle;

import static fr.ars.coord.contracts.incident.IncidentStatus.ASSESSING;
import static fr.ars.coord.contracts.incident.IncidentStatus.CLOSED;
import static fr.ars.coord.contracts.incident.IncidentStatus.CONTAINED;
import static fr.ars.coord.contracts.incident.IncidentStatus.REPORTED;
import static fr.ars.coord.contracts.incident.IncidentStatus.RESOLVED;

import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ObligationWaiver;
import fr.ars.coord.platform.rules.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The allowed moves of an incident: REPORTED → ASSESSING (also done by the first assessment) → CONTAINED →
 * RESOLVED → CLOSED. A contained incident may go back to ASSESSING when new facts reopen the analysis.
 */
final class IncidentLifecycle {

    private static final Map<IncidentStatus, Set<IncidentStatus>> ALLOWED = Map.of(
            REPORTED, Set.of(ASSESSING),
            ASSESSING, Set.of(CONTAINED),
            CONTAINED, Set.of(RESOLVED, ASSESSING),
            RESOLVED, Set.of(CLOSED),
            CLOSED, Set.of());

    private IncidentLifecycle() {}

    static boolean allows(IncidentStatus from, IncidentStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /**
     * The waivers recorded with a move from {@code from} as {@code command} asks it: refused unless the move is
     * allowed; waivers only when closing, each naming an obligation still {@code unmet} (see {@link ClosingWaivers}).
     */
    static List<ObligationWaiver> waiversOfMove(
            IncidentStatus from, ChangeIncidentStatusCommand command, Supplier<List<ObligationCode>> unmet) {
        if (!command.waivers().isEmpty() && command.status() != CLOSED) {
            throw new InvalidRequestException("waivers", "are only accepted when closing the incident (status CLOSED)");
        }
        if (command.status() == from) {
            throw new IncidentRuleViolation("The incident is already " + from + ".");
        }
        if (!allows(from, command.status())) {
            throw new IncidentRuleViolation("An incident cannot move from " + from + " to " + command.status() + ".");
        }
        return command.status() == CLOSED ? ClosingWaivers.accepted(command.waivers(), unmet.get()) : List.of();
    }
}
