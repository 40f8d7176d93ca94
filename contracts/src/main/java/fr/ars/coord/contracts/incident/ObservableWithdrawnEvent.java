package fr.ars.coord.contracts.incident;

import fr.ars.coord.contracts.region.Region;
import org.axonframework.serialization.Revision;

/** An observable was withdrawn (a false positive, a mistake), with the reason; its record stays. */
@Revision("1")
public record ObservableWithdrawnEvent(String incidentId, Region region, String observableId, String reason)
        implements IncidentEvent {}
