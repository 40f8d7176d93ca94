package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.IncidentEvent;
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

    private final ImpactStore store;

    NationalImpactProjection(ImpactStore store) {
        this.store = store;
    }

    @EventHandler
    void on(IncidentEvent event, @SequenceNumber long sequence, @Timestamp Instant at, TrackingToken token) {
        IncidentImpact impact = store.find(event.incidentId())
                .map(existing -> existing.merge(event, sequence, at))
                .orElseGet(() -> IncidentImpact.first(event, sequence, at));
        store.save(impact);
        token.position().ifPresent(store::advancePosition);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }
}
