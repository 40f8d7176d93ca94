package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * ANSSI asked for an intermediate report on the incident (NIS2 art. 23(4)(c)), due at {@code dueAt}: an
 * intermediate report to ANSSI made after {@code requestedAt} meets it. The latest request is the one tracked.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Nis2IntermediateReportRequestedEvent(
        String incidentId, Region region, Instant requestedAt, Instant dueAt, String reference)
        implements IncidentEvent {}
