package fr.ars.coord.incident.lifecycle;

import static fr.ars.coord.contracts.incident.IncidentStatus.ASSESSING;
import static fr.ars.coord.contracts.incident.IncidentStatus.CLOSED;
import static fr.ars.coord.contracts.incident.IncidentStatus.CONTAINED;
import static fr.ars.coord.contracts.incident.IncidentStatus.REPORTED;
import static fr.ars.coord.contracts.incident.IncidentStatus.RESOLVED;

import fr.ars.coord.contracts.incident.IncidentStatus;
import java.util.Map;
import java.util.Set;

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
}
