package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.Nis2IntermediateReportRequestedEvent;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RecordIntermediateReportRequestCommand(
        @TargetAggregateIdentifier String incidentId,
        Instant requestedAt,
        Instant dueAt,
        String reference,
        @TargetAggregateVersion Long expectedVersion) {

    /** ANSSI's request as recorded for the incident of {@code region}. */
    Nis2IntermediateReportRequestedEvent requested(Region region) {
        return new Nis2IntermediateReportRequestedEvent(
                incidentId, region, requestedAt, dueAt, IncidentRules.blankToNull(reference));
    }
}
