package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.ObligationWaiver;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Moves the incident to {@code status}, as asked at {@code at}. Closing it names in {@code waivers} each obligation
 * still to meet at that instant, with the reason it is closed without it.
 */
public record ChangeIncidentStatusCommand(
        @TargetAggregateIdentifier String incidentId,
        IncidentStatus status,
        String reason,
        List<ObligationWaiver> waivers,
        Instant at,
        @TargetAggregateVersion Long expectedVersion) {

    public ChangeIncidentStatusCommand {
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
        Objects.requireNonNull(at, "at");
    }
}
