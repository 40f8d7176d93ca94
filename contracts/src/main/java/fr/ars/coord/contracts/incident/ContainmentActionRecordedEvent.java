package fr.ars.coord.contracts.incident;

import org.axonframework.serialization.Revision;

/** A containment measure was taken. */
@Revision("1")
public record ContainmentActionRecordedEvent(String incidentId, String region, ContainmentAction action,
                                             String description) implements IncidentEvent {
}
