package fr.ars.coord.incident.observable;

import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import java.time.Instant;

/**
 * One observable read from an uploaded STIX bundle or MISP event, before the incident's rules see it: its value as
 * found, the type and role the file says, its label if the file marks one, and where in the file it was.
 */
public record ImportedObservable(
        ObservableType type,
        String value,
        ObservableRole role,
        TlpLabel tlp,
        Instant firstSeen,
        Instant lastSeen,
        String source) {}
