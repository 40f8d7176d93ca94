package fr.ars.coord.contracts.incident;

import fr.ars.coord.contracts.region.Region;
import org.axonframework.serialization.Revision;

/** A containment measure was taken. */
@Revision("1")
public record ContainmentActionRecordedEvent(
        String incidentId, Region region, ContainmentAction action, String description) implements IncidentEvent {}
