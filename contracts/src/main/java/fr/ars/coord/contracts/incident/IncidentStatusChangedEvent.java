package fr.ars.coord.contracts.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The incident moved along its lifecycle. A move to CLOSED lists in {@code waivers} each obligation that was still
 * to meet when it was closed, with the reason given; none otherwise. The events of earlier releases have no
 * {@code waivers} (read as none), and an event without any is written as they were.
 */
@Revision("1")
public record IncidentStatusChangedEvent(
        String incidentId,
        Region region,
        IncidentStatus from,
        IncidentStatus to,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ObligationWaiver> waivers)
        implements IncidentEvent {

    public IncidentStatusChangedEvent {
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
    }

    public IncidentStatusChangedEvent(
            String incidentId, Region region, IncidentStatus from, IncidentStatus to, String reason) {
        this(incidentId, region, from, to, reason, List.of());
    }
}
