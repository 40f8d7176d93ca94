package fr.ars.coord.incident.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.incident.AuthorityNotifiedEvent;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.IncidentStatus;
import fr.ars.coord.contracts.incident.IncidentStatusChangedEvent;
import fr.ars.coord.platform.readmodel.BatchBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
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
    /** Per incident, the changes of the current batch in stream order: written once when the batch commits. */
    private final BatchBuffer<String, List<Change>> batch;

    private record Change(long sequence, Instant at, Update update) {
    }

    IncidentSummaryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.batch = new BatchBuffer<>("incident-summary", this::write);
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
        Map<String, List<Change>> pending = batch.pending();
        List<Change> changes = new ArrayList<>(pending.getOrDefault(incidentId, List.of()));
        changes.add(new Change(sequence, at, update));
        pending.put(incidentId, changes);
    }

    /** One conditional upsert per incident: its changes merged in order, the last one's version and time. */
    private void write(Map<String, List<Change>> pending) {
        pending.forEach((incidentId, changes) -> {
            Update merged = new Update();
            Change last = changes.get(changes.size() - 1);
            for (Change change : changes) {
                if (change.update().getUpdateObject().get("$set") instanceof org.bson.Document set) {
                    set.forEach(merged::set);
                }
            }
            merged.set("version", last.sequence()).set("lastEventAt", last.at());
            // by id first, so that the store looks the document up by its key rather than scanning
            Query olderVersion = Query.query(where("_id").is(incidentId).and("version").lt(last.sequence()));
            try {
                mongo.upsert(olderVersion, merged, IncidentSummary.COLLECTION);
            } catch (DuplicateKeyException alreadyNewer) {
                // the document already holds these events or later ones: nothing to do
            }
        });
    }
}
