package fr.ars.coord.incident.query;

import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.platform.eventstore.AggregateIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads an incident's own event stream from the event store: the strongly consistent source for one
 * incident's view, its past views and its history. Unknown or malformed ids simply have no events.
 */
@Component
public class IncidentStreams {

    private final EventStore eventStore;
    private final RegulatoryClocks clocks;
    /** An incident's region never changes once reported, so it is safe to remember. */
    private final Map<String, String> regions = new ConcurrentHashMap<>();

    public IncidentStreams(EventStore eventStore, RegulatoryClocks clocks) {
        this.eventStore = eventStore;
        this.clocks = clocks;
    }

    public List<? extends DomainEventMessage<?>> events(String incidentId) {
        if (!AggregateIds.isWellFormed(incidentId)) {
            return List.of();
        }
        DomainEventStream stream = eventStore.readEvents(incidentId);
        return stream.asStream().toList();
    }

    /** The region the incident was reported in, if it exists. */
    public Optional<String> regionOf(String incidentId) {
        String known = regions.get(incidentId);
        if (known != null) {
            return Optional.of(known);
        }
        // the store is shared: an id can be another aggregate's (a campaign, a communiqué), which is no incident
        Optional<String> region = first(incidentId).map(DomainEventMessage::getPayload)
                .filter(IncidentEvent.class::isInstance)
                .map(payload -> ((IncidentEvent) payload).region());
        region.ifPresent(r -> regions.put(incidentId, r));
        return region;
    }

    /** The event that created the incident (its metadata tells who created it and with which request). */
    public Optional<DomainEventMessage<?>> first(String incidentId) {
        if (!AggregateIds.isWellFormed(incidentId)) {
            return Optional.empty();
        }
        try (var events = eventStore.readEvents(incidentId, 0).asStream()) {
            return events.findFirst().map(e -> (DomainEventMessage<?>) e);
        }
    }

    public Optional<IncidentView> currentView(String incidentId, Instant now) {
        return IncidentViewBuilder.build(clocks, events(incidentId), now, false);
    }

    /** The view as it stood at {@code asOf}: only events recorded up to that instant count. */
    public Optional<IncidentView> viewAsOf(String incidentId, Instant asOf) {
        List<? extends DomainEventMessage<?>> upTo = events(incidentId).stream()
                .filter(e -> !e.getTimestamp().isAfter(asOf))
                .toList();
        return IncidentViewBuilder.build(clocks, upTo, asOf, true);
    }

    public List<HistoryEntry> history(String incidentId) {
        return events(incidentId).stream()
                .map(e -> new HistoryEntry(e.getSequenceNumber(), e.getIdentifier(),
                        e.getPayloadType().getSimpleName(), e.getTimestamp(), RecordedBy.from(e.getMetaData()),
                        e.getPayload()))
                .toList();
    }
}
