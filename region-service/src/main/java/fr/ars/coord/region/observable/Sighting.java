package fr.ars.coord.region.observable;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;

/** An observable standing on one incident: where the value was seen, in what role, under which label. */
public record Sighting(
        String observableId,
        String incidentId,
        Region region,
        ObservableType type,
        String value,
        ObservableRole role,
        TlpLabel tlp,
        Instant recordedAt) {

    /** The value, whatever its role: what makes two sightings one observable. */
    public String key() {
        return ObservableSightingsProjection.key(type.typeName(), value);
    }
}
