package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.ContainmentAction;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordContainmentActionCommand(
        @TargetAggregateIdentifier String incidentId,
        ContainmentAction action,
        String description,
        @TargetAggregateVersion Long expectedVersion) {}
