package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.IncidentEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * Rebuilds incident impacts straight from the event store, keeping only events recorded up to an instant:
 * what the national cell could know then. Uses the same merge as the live projection.
 */
@Component
public class ImpactHistory {

    private final EventStorageEngine events;

    public ImpactHistory(EventStorageEngine events) {
        this.events = events;
    }

    public Snapshot asOf(Instant asOf) {
        Map<String, IncidentImpact> impacts = new HashMap<>();
        long position = -1;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> messages = stream.iterator();
            while (messages.hasNext()) {
                TrackedEventMessage<?> message = messages.next();
                if (message.getTimestamp().isAfter(asOf)
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
        return new Snapshot(impacts, position);
    }

    public record Snapshot(Map<String, IncidentImpact> impacts, long position) {
    }
}
