package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.AttackVector;
import java.time.Instant;

/** What a suggestion tells of an incident: its attack vector and when its region became aware of it. */
public record IncidentOutline(String incidentId, AttackVector attackVector, Instant awareAt) {

    public static IncidentOutline of(IncidentImpact impact) {
        return new IncidentOutline(impact.incidentId(), impact.attackVector(), impact.awareAt());
    }
}
