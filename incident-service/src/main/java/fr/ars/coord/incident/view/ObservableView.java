package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.ObservableRecordedEvent;
import fr.ars.coord.contracts.incident.ObservableWithdrawnEvent;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.contracts.observable.ObservableRole;
import fr.ars.coord.contracts.observable.ObservableType;
import java.time.Instant;

/**
 * An observable of the incident as recorded, with who recorded it and when; a withdrawn one keeps its record, with
 * who withdrew it, when and why.
 */
public record ObservableView(
        String id,
        ObservableType type,
        String value,
        ObservableRole role,
        Instant firstSeen,
        Instant lastSeen,
        TlpLabel tlp,
        Integer confidence,
        String note,
        Instant recordedAt,
        Actor recordedBy,
        Instant withdrawnAt,
        Actor withdrawnBy,
        String withdrawalReason) {

    static ObservableView of(ObservableRecordedEvent e, Instant at, Actor by) {
        return new ObservableView(
                e.observableId(),
                e.type(),
                e.value(),
                e.role(),
                e.firstSeen(),
                e.lastSeen(),
                e.tlp(),
                e.confidence(),
                e.note(),
                at,
                by,
                null,
                null,
                null);
    }

    ObservableView withdrawn(ObservableWithdrawnEvent e, Instant at, Actor by) {
        return new ObservableView(
                id,
                type,
                value,
                role,
                firstSeen,
                lastSeen,
                tlp,
                confidence,
                note,
                recordedAt,
                recordedBy,
                at,
                by,
                e.reason());
    }

    public boolean standing() {
        return withdrawnAt == null;
    }
}
