package fr.ars.coord.incident.lifecycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraws an observable of the incident (a false positive, a mistake), with the reason. */
public record WithdrawObservableCommand(
        @TargetAggregateIdentifier String incidentId,
        String observableId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {}
