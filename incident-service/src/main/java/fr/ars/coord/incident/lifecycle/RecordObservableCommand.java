package fr.ars.coord.incident.lifecycle;

import fr.ars.coord.contracts.incident.ObservableRecordedEvent;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records an observable of the incident; {@code value} is already in its canonical form (an account pseudonymised). */
public record RecordObservableCommand(
        @TargetAggregateIdentifier String incidentId,
        ObservableType type,
        String value,
        ObservableRole role,
        Instant firstSeen,
        Instant lastSeen,
        TlpLabel tlp,
        Integer confidence,
        String note,
        @TargetAggregateVersion Long expectedVersion) {

    /** The observable's id: the same value in the same role on the same incident is one observable. */
    public String observableId() {
        return idOf(incidentId, type, value, role);
    }

    public static String idOf(String incidentId, ObservableType type, String value, ObservableRole role) {
        return UUID.nameUUIDFromBytes(("observable|" + incidentId + "|" + type.typeName() + "|" + value + "|" + role)
                        .getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** The observable as recorded for the incident of {@code region}, under {@code tlp}. */
    ObservableRecordedEvent recorded(Region region, TlpLabel tlp) {
        return new ObservableRecordedEvent(
                incidentId,
                region,
                observableId(),
                type,
                value,
                role,
                firstSeen,
                lastSeen,
                tlp,
                confidence,
                IncidentRules.blankToNull(note));
    }
}
