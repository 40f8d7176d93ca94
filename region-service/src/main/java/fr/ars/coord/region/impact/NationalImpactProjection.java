package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.platform.readmodel.BatchBuffer;
import java.util.Map;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * Follows every incident event of every region (recorded by incident-service in the shared event store)
 * and keeps one {@link IncidentImpact} per incident in MongoDB, plus the position reached.
 */
@Component
@ProcessingGroup(NationalImpactProjection.PROCESSING_GROUP)
class NationalImpactProjection {

    static final String PROCESSING_GROUP = "national-impact";

    private static final String POSITION = "";

    private final ImpactStore store;
    /** Impacts changed in the current batch, written together with the position when the batch commits. */
    private final BatchBuffer<String, Object> batch;

    NationalImpactProjection(ImpactStore store) {
        this.store = store;
        this.batch = new BatchBuffer<>("national-impact", store::saveBatch);
    }

    @EventHandler
    void on(IncidentEvent event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        Map<String, Object> pending = batch.pending();
        IncidentImpact known = (IncidentImpact) pending.get(event.incidentId());
        IncidentImpact impact = (known != null ? java.util.Optional.of(known) : store.find(event.incidentId()))
                .map(existing -> existing.merge(event, sequence, at))
                .orElseGet(() -> IncidentImpact.first(event, sequence, at));
        pending.put(event.incidentId(), impact);
        token.position().ifPresent(position -> pending.merge(POSITION, position,
                (a, b) -> Math.max((Long) a, (Long) b)));
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
