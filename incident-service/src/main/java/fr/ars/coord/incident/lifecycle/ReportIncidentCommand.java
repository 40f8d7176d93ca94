package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.ObligationTerms;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports a region's incident; {@code exerciseId} names the exercise it is recorded in, null for a real one. */
public record ReportIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        Region region,
        String title,
        String summary,
        Instant awareAt,
        AttackVector attackVector,
        OperationalImpact operationalImpact,
        EntityKind entity,
        ObligationTerms terms,
        String exerciseId) {

    /** The report as recorded. */
    IncidentReportedEvent reported() {
        return new IncidentReportedEvent(
                incidentId,
                region,
                title,
                summary,
                awareAt,
                attackVector,
                operationalImpact,
                entity,
                terms,
                exerciseId);
    }
}
