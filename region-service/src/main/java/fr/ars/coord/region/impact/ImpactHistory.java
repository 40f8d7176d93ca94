package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.IncidentEvent;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * Rebuilds incident impacts straight from the event store, keeping only events recorded up to an instant:
 * what the national cell could know then. Uses the same merge as the live projection.
 * <p>
 * The store is read in the order events were appended, which follows their timestamps except for an event whose
 * transaction committed after later ones had: reading stops at the first event stamped more than
 * {@code commitMargin} after the instant, so that an {@code asOf} costs the history up to its instant, not the
 * whole store.
 */
@Component
public class ImpactHistory {

    private final EventStorageEngine events;
    private final Duration commitMargin;

    public ImpactHistory(EventStorageEngine events,
                         @Value("${ars.national.as-of-commit-margin:PT5M}") Duration commitMargin) {
        this.events = events;
        this.commitMargin = commitMargin;
    }

    public Snapshot asOf(Instant asOf) {
        Folded folded = fold(asOf);
        return new Snapshot(folded.impacts(), folded.position());
    }

    /** Every incident event recorded so far, and the token of the last event read. */
    public Folded foldAll() {
        return fold(null);
    }

    private Folded fold(Instant asOf) {
        Map<String, IncidentImpact> impacts = new HashMap<>();
        long position = -1;
        TrackingToken last = null;
        Instant readUntil = asOf == null ? null : asOf.plus(commitMargin);
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> messages = stream.iterator();
            while (messages.hasNext()) {
                TrackedEventMessage<?> message = messages.next();
                if (readUntil != null && message.getTimestamp().isAfter(readUntil)) {
                    break;
                }
                last = message.trackingToken();
                if ((asOf != null && message.getTimestamp().isAfter(asOf))
                        || !(message.getPayload() instanceof IncidentEvent event)
                        || !(message instanceof DomainEventMessage<?> domain)) {
                    continue;
                }
                long sequence = domain.getSequenceNumber();
                impacts.merge(event.incidentId(), IncidentImpact.first(event, sequence, message.getTimestamp()),
                        (existing, ignored) -> existing.merge(event, sequence, message.getTimestamp()));
                position = Math.max(position, message.trackingToken().position().orElse(position));
            }
        }
        return new Folded(impacts, position, last);
    }

    public record Snapshot(Map<String, IncidentImpact> impacts, long position) {
    }

    /** Impacts folded from the events, the last incident event's position, and the last event's token. */
    public record Folded(Map<String, IncidentImpact> impacts, long position, TrackingToken token) {
    }
}
