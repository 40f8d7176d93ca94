package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.platform.readmodel.BatchBuffer;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Follows every incident event of every region (recorded by incident-service in the shared event store) and
 * keeps the national picture in {@link ImpactStore}: each incident's impact, and its region's summary changed by
 * what the incident's events changed.
 */
@Component
@ProcessingGroup(NationalImpactProjection.PROCESSING_GROUP)
class NationalImpactProjection {

    static final String PROCESSING_GROUP = "national-impact";

    private final ImpactStore store;
    /** The incidents changed in the current batch, written together when the batch commits. */
    private final BatchBuffer<String, ImpactChange> batch;

    NationalImpactProjection(ImpactStore store) {
        this.store = store;
        this.batch = new BatchBuffer<>(PROCESSING_GROUP, changes -> store.save(changes.values()));
    }

    @EventHandler
    void on(
            IncidentEvent event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MessageIdentifier String eventId,
            TrackingToken token) {
        ObligationFacts.Recorded recorded = new ObligationFacts.Recorded(eventId, sequence, at);
        Map<String, ImpactChange> pending = batch.pending();
        long position = token.position().orElse(-1);
        ImpactChange known = pending.get(event.incidentId());
        if (known != null) {
            pending.put(event.incidentId(), known.then(known.after().merge(event, recorded), position));
            return;
        }
        IncidentImpact before = store.find(event.incidentId()).orElse(null);
        IncidentImpact after = before == null ? IncidentImpact.first(event, recorded) : before.merge(event, recorded);
        pending.put(event.incidentId(), new ImpactChange(before, after, position));
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
