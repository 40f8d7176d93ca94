package fr.ars.coord.contracts.incident;

import fr.ars.coord.contracts.region.Region;
import org.axonframework.serialization.Revision;

/** The incident moved along its lifecycle. */
@Revision("1")
public record IncidentStatusChangedEvent(String incidentId, Region region, IncidentStatus from,
                                         IncidentStatus to, String reason) implements IncidentEvent {
}
