package fr.ars.coord.incident.lifecycle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a reminder for each obligation of the incident that is DUE_SOON or OVERDUE at {@code at} and not yet reminded. */
public record RemindObligationsCommand(
        @TargetAggregateIdentifier String incidentId, Instant at) {}
