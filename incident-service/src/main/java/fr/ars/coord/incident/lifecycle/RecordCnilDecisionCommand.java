package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.CnilDecision;
import fr.ars.coord.contracts.incident.CnilNotificationDecidedEvent;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordCnilDecisionCommand(
        @TargetAggregateIdentifier String incidentId,
        CnilDecision decision,
        String reason,
        Instant breachAwareAt,
        @TargetAggregateVersion Long expectedVersion) {

    /** The decision as recorded for the incident of {@code region}. */
    CnilNotificationDecidedEvent decided(Region region) {
        return new CnilNotificationDecidedEvent(
                incidentId, region, decision, IncidentRules.blankToNull(reason), breachAwareAt);
    }
}
