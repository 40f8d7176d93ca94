package fr.ars.coord.contracts.incident;

import org.axonframework.serialization.Revision;

/** The incident moved along its lifecycle. */
@Revision("1")
public record IncidentStatusChangedEvent(String incidentId, String region, IncidentStatus from,
                                         IncidentStatus to, String reason) implements IncidentEvent {
}
