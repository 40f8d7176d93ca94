package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.eventstore.AggregateIds;
import fr.ars.coord.platform.obligation.IncidentObligations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads an incident's own event stream from the event store: the strongly consistent source for one
 * incident's view, its past views and its history. Unknown or malformed ids simply have no events.
 */
@Component
public class IncidentStreams {

    private final EventStore eventStore;
    private final IncidentObligations clocks;
    private final IncidentViewSnapshotStore snapshots;
    /** A view that folded this many events past its latest snapshot is kept as the next one. */
    private final int snapshotEvery;
    /** An incident's region never changes once reported, so it is safe to remember. */
    private final Map<String, Region> regions = new ConcurrentHashMap<>();

    IncidentStreams(
            EventStore eventStore,
            IncidentObligations clocks,
            IncidentViewSnapshotStore snapshots,
            @Value("${ars.incidents.view-snapshot-every:100}") int snapshotEvery) {
        this.eventStore = eventStore;
        this.clocks = clocks;
        this.snapshots = snapshots;
        this.snapshotEvery = Math.max(1, snapshotEvery);
    }

    public List<? extends DomainEventMessage<?>> events(String incidentId) {
        if (!AggregateIds.isWellFormed(incidentId)) {
            return List.of();
        }
        DomainEventStream stream = eventStore.readEvents(incidentId);
        return stream.asStream().toList();
    }

    /** The region the incident was reported in, if it exists. */
    public Optional<Region> regionOf(String incidentId) {
        Region known = regions.get(incidentId);
        if (known != null) {
            return Optional.of(known);
        }
        // the store is shared: an id can be another aggregate's (a campaign, a communiqué), which is no incident
        Optional<Region> region = first(incidentId)
                .map(DomainEventMessage::getPayload)
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

    /** The view now: from the latest snapshot, with the events after it (kept as the next snapshot when many). */
    public Optional<IncidentView> currentView(String incidentId, Instant now) {
        if (!AggregateIds.isWellFormed(incidentId)) {
            return Optional.empty();
        }
        Optional<IncidentViewSnapshot> snapshot = snapshots.latest(incidentId);
        Folded folded = fold(incidentId, snapshot, Instant.MAX);
        Optional<IncidentView> view = folded.builder().view(now, false);
        if (view.isPresent() && folded.events() >= snapshotEvery) {
            snapshots.save(new IncidentViewSnapshot(
                    view.get(), folded.builder().obligationFacts(), view.get().version(), folded.recordedUntil()));
        }
        return view;
    }

    /** The view as it stood at {@code asOf}: only events recorded up to that instant count. */
    public Optional<IncidentView> viewAsOf(String incidentId, Instant asOf) {
        if (!AggregateIds.isWellFormed(incidentId)) {
            return Optional.empty();
        }
        return fold(incidentId, snapshots.latestServing(incidentId, asOf), asOf)
                .builder()
                .view(asOf, true);
    }

    /** How far a fold went: the builder, the events it applied and the latest timestamp among those it includes. */
    private record Folded(IncidentViewBuilder builder, int events, Instant recordedUntil) {}

    /** Folds the events recorded up to {@code upTo} after {@code snapshot} (from the first event without one). */
    private Folded fold(String incidentId, Optional<IncidentViewSnapshot> snapshot, Instant upTo) {
        IncidentViewBuilder builder = snapshot.map(s -> IncidentViewBuilder.resuming(clocks, s.view(), s.facts()))
                .orElseGet(() -> new IncidentViewBuilder(clocks));
        Instant recordedUntil =
                snapshot.map(IncidentViewSnapshot::recordedUntil).orElse(Instant.MIN);
        long after = snapshot.map(IncidentViewSnapshot::sequence).orElse(-1L);
        int applied = 0;
        DomainEventStream events = eventStore.readEvents(incidentId, after + 1);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!event.getTimestamp().isAfter(upTo)) {
                builder.apply(event);
                applied++;
                if (event.getTimestamp().isAfter(recordedUntil)) {
                    recordedUntil = event.getTimestamp();
                }
            }
        }
        return new Folded(builder, applied, recordedUntil);
    }

    public List<HistoryEntry> history(String incidentId) {
        return events(incidentId).stream()
                .map(e -> new HistoryEntry(
                        e.getSequenceNumber(),
                        e.getIdentifier(),
                        e.getPayloadType().getSimpleName(),
                        e.getTimestamp(),
                        Actor.fromMetaData(e.getMetaData()),
                        e.getPayload()))
                .toList();
    }
}
