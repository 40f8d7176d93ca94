package fr.ars.coord.region.sharing;

import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentClassifiedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.contracts.incident.TaxonomyClass;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.platform.eventstore.AggregateIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads what an incident shares straight from its event stream: always current, whatever the read models lag. */
@Component
class SharedIncidents {

    private final EventStore eventStore;

    SharedIncidents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<SharedIncident> find(String incidentId) {
        if (!AggregateIds.isWellFormed(incidentId)) {
            return Optional.empty();
        }
        Fold fold = new Fold();
        DomainEventStream events = eventStore.readEvents(incidentId);
        while (events.hasNext()) {
            fold.apply(events.next());
        }
        // an exercise's incident is shared with no one
        return Optional.ofNullable(fold.reported)
                .filter(reported -> reported.exerciseId() == null)
                .map(fold::incident);
    }

    /** The incident's events folded in stream order. */
    private static final class Fold {
        private IncidentReportedEvent reported;
        private Instant reportedAt;
        private Instant lastChangedAt;
        private IncidentStatus status;
        private IncidentAssessedEvent assessment;
        private Instant assessedAt;
        private Instant exposedSince;
        private IncidentClassifiedEvent classification;

        void apply(DomainEventMessage<?> message) {
            Object payload = message.getPayload();
            Instant at = message.getTimestamp();
            if (payload instanceof IncidentReportedEvent e) {
                reported = e;
                reportedAt = at;
                status = IncidentStatus.REPORTED;
            } else if (payload instanceof IncidentStatusChangedEvent e) {
                status = e.to();
            } else if (payload instanceof IncidentAssessedEvent e) {
                assessment = e;
                assessedAt = at;
                if (exposedSince == null && e.personalDataExposed()) {
                    exposedSince = at;
                }
            } else if (payload instanceof IncidentClassifiedEvent e) {
                classification = e;
            }
            lastChangedAt = at;
        }

        SharedIncident incident(IncidentReportedEvent first) {
            Set<ExposedDataItem> exposed = assessment == null ? Set.of() : assessment.exposedData();
            TaxonomyClass main = classification == null ? null : classification.taxonomyClass();
            List<TaxonomyClass> related = classification == null ? List.of() : classification.relatedClasses();
            TlpLabel tlp = classification == null ? TlpLabel.DEFAULT : classification.tlp();
            return new SharedIncident(
                    first.incidentId(),
                    first.region(),
                    first.title(),
                    first.summary(),
                    first.awareAt(),
                    reportedAt,
                    lastChangedAt,
                    status,
                    exposed,
                    assessment != null && assessment.personalDataExposed(),
                    assessment != null && assessment.medicalDataExposed(),
                    assessment == null ? 0 : assessment.estimatedPatients(),
                    assessedAt,
                    exposedSince,
                    assessment == null ? null : assessment.estimatedRecords(),
                    assessment == null ? Set.of() : assessment.breachTypes(),
                    main,
                    related,
                    tlp);
        }
    }
}
