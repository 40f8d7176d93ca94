package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.CnilDecision;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordCnilDecisionCommand(@TargetAggregateIdentifier String incidentId, CnilDecision decision,
                                        String reason, Instant breachAwareAt,
                                        @TargetAggregateVersion Long expectedVersion) {
}
