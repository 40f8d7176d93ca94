package fr.ars.coord.incident.directory;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the incident list in MongoDB. A document is only written with events newer than its version, so a
 * replayed or repeated event changes nothing: the projection is idempotent without transactions.
 */
@Component
@ProcessingGroup(IncidentSummaryProjection.PROCESSING_GROUP)
class IncidentSummaryProjection {

    static final String PROCESSING_GROUP = "incident-summary";

    private final MongoTemplate mongo;
    /** Per incident, the changes of the current batch in stream order: written once when the batch commits. */
    private final BatchBuffer<String, List<Change>> batch;

    private record Change(long sequence, Instant at, Update update) {}

    IncidentSummaryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        this.batch = new BatchBuffer<>("incident-summary", this::write);
    }

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(
                event.incidentId(),
                sequence,
                at,
                new Update()
                        .set("region", event.region().code())
                        .set("title", event.title())
                        .set("attackVector", event.attackVector())
                        .set("operationalImpact", event.operationalImpact())
                        .set("status", IncidentStatus.REPORTED)
                        .set("awareAt", event.awareAt())
                        .set("reportedAt", at)
                        .set("exerciseId", event.exerciseId()));
    }

    @EventHandler
    void on(IncidentAssessedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(
                event.incidentId(),
                sequence,
                at,
                new Update()
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

    /**
     * One upsert per incident by its id: its changes merged in order, the last one's version and time; skipped when
     * the stored document already holds these events or later ones. The versions are read first, in one query by
     * ids, rather than put in the update's filter: an update filtered on id and version is a collection scan on the
     * embedded MongoDB-compatible server (only a filter on the id alone uses its index). Reading then writing is
     * safe because one incident's events are only ever handled by one processor thread (Axon's sequencing policy
     * keeps an aggregate's events in one segment, and a segment has one owner).
     */
    private void write(Map<String, List<Change>> pending) {
        Map<String, Long> stored = storedVersions(pending.keySet());
        pending.forEach((incidentId, changes) -> {
            Change last = changes.get(changes.size() - 1);
            Long version = stored.get(incidentId);
            if (version != null && version >= last.sequence()) {
                return;
            }
            Update merged = new Update();
            for (Change change : changes) {
                if (change.update().getUpdateObject().get("$set") instanceof Document set) {
                    set.forEach(merged::set);
                }
            }
            merged.set("version", last.sequence()).set("lastEventAt", last.at());
            mongo.upsert(Query.query(where("_id").is(incidentId)), merged, IncidentSummary.COLLECTION);
        });
    }

    private Map<String, Long> storedVersions(Set<String> incidentIds) {
        Query query = Query.query(where("_id").in(incidentIds));
        query.fields().include("version");
        Map<String, Long> versions = new HashMap<>();
        for (Document document : mongo.find(query, Document.class, IncidentSummary.COLLECTION)) {
            if (document.get("version") instanceof Number version) {
                versions.put(document.getString("_id"), version.longValue());
            }
        }
        return versions;
    }
}
