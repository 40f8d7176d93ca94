package fr.ars.coord.incident.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the incident list in MongoDB. Every update is conditional on the event's sequence number being
 * newer than the document's version, so a replayed or repeated event changes nothing: the projection is
 * idempotent without transactions.
 */
@Component
@ProcessingGroup(IncidentSummaryProjection.PROCESSING_GROUP)
class IncidentSummaryProjection {

    static final String PROCESSING_GROUP = "incident-summary";

    private final MongoTemplate mongo;

    IncidentSummaryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.incidentId(), sequence, at, new Update()
                .set("region", event.region())
                .set("title", event.title())
                .set("attackVector", event.attackVector())
                .set("operationalImpact", event.operationalImpact())
                .set("status", IncidentStatus.REPORTED)
                .set("awareAt", event.awareAt())
                .set("reportedAt", at));
    }

    @EventHandler
    void on(IncidentAssessedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.incidentId(), sequence, at, new Update()
                .set("estimatedPatients", event.estimatedPatients())
                .set("medicalDataExposed", event.medicalDataExposed()));
    }

    @EventHandler
    void on(ContainmentActionRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.incidentId(), sequence, at, new Update());
    }

    @EventHandler
    void on(AuthorityNotifiedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.incidentId(), sequence, at, new Update());
    }

    @EventHandler
    void on(IncidentStatusChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.incidentId(), sequence, at, new Update().set("status", event.to()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(IncidentSummary.COLLECTION);
    }

    private void apply(String incidentId, long sequence, Instant at, Update update) {
        Query olderVersion = Query.query(where("_id").is(incidentId)
                .orOperator(where("version").exists(false), where("version").lt(sequence)));
        update.set("version", sequence).set("lastEventAt", at);
        try {
            mongo.upsert(olderVersion, update, IncidentSummary.COLLECTION);
        } catch (DuplicateKeyException alreadyNewer) {
            // the document already holds this event or a later one: nothing to do
        }
    }
}
