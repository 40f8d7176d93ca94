package fr.ars.coord.region.impact;

import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.ObligationFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Incidents' impacts folded from their own streams, as the national projection merges them: for incidents it does
 * not hold (an exercise's, which the national picture never counts).
 */
@Component
public class StreamImpacts {

    private final EventStore eventStore;

    StreamImpacts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The impact of each of {@code incidentIds} that has events. */
    public List<IncidentImpact> of(Collection<String> incidentIds) {
        List<IncidentImpact> impacts = new ArrayList<>();
        for (String id : incidentIds) {
            IncidentImpact impact = null;
            try (var events = eventStore.readEvents(id).asStream()) {
                for (Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                    DomainEventMessage<?> message = it.next();
                    if (message.getPayload() instanceof IncidentEvent event) {
                        ObligationFacts.Recorded recorded = new ObligationFacts.Recorded(
                                message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp());
                        impact = impact == null ? IncidentImpact.first(event, recorded) : impact.merge(event, recorded);
                    }
                }
            }
            if (impact != null) {
                impacts.add(impact);
            }
        }
        return impacts;
    }
}
