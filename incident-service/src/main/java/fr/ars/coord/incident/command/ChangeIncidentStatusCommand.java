package fr.ars.coord.incident.command;

import fr.ars.coord.contracts.incident.IncidentStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ChangeIncidentStatusCommand(@TargetAggregateIdentifier String incidentId, IncidentStatus status,
                                          String reason, @TargetAggregateVersion Long expectedVersion) {
}
