package fr.ars.coord.incident.lifecycle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordIntermediateReportRequestCommand(@TargetAggregateIdentifier String incidentId,
                                                     Instant requestedAt, Instant dueAt, String reference,
                                                     @TargetAggregateVersion Long expectedVersion) {
}
