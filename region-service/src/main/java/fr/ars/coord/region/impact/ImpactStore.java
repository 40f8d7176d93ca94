package fr.ars.coord.region.impact;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.BulkOperations;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The national-impact read model in MongoDB: one document per incident, and the event position reached. */
@Component
public class ImpactStore {

    static final String POSITIONS = "projection_positions";
    private static final String POSITION_ID = NationalImpactProjection.PROCESSING_GROUP;

    private final MongoTemplate mongo;

    public ImpactStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<IncidentImpact> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentImpact.class, IncidentImpact.COLLECTION));
    }

    void save(IncidentImpact impact) {
        mongo.save(impact, IncidentImpact.COLLECTION);
    }

    /** Writes a batch: incident impacts keyed by id, and the position under the empty key. */
    void saveBatch(Map<String, Object> batch) {
        List<IncidentImpact> impacts = new java.util.ArrayList<>();
        Long position = null;
        for (Map.Entry<String, Object> entry : batch.entrySet()) {
            if (entry.getValue() instanceof IncidentImpact impact) {
                impacts.add(impact);
            } else if (entry.getValue() instanceof Long p) {
                position = p;
            }
        }
        if (impacts.size() == 1) {
            save(impacts.get(0));
        } else if (!impacts.isEmpty()) {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, IncidentImpact.COLLECTION);
            for (IncidentImpact impact : impacts) {
                Document document = new Document();
                mongo.getConverter().write(impact, document);
                bulk.replaceOne(Query.query(where("_id").is(impact.incidentId())), document,
                        org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert());
            }
            bulk.execute();
        }
        if (position != null) {
            advancePosition(position);
        }
    }

    void advancePosition(long position) {
        mongo.upsert(Query.query(where("_id").is(POSITION_ID)), new Update().max("position", position), POSITIONS);
    }

    /** Replaces the whole read model in bulk (rebuilds), with the position it reflects. */
    void replaceAll(Collection<IncidentImpact> impacts, long position) {
        clear();
        List<IncidentImpact> batch = new java.util.ArrayList<>(1000);
        for (IncidentImpact impact : impacts) {
            batch.add(impact);
            if (batch.size() == 1000) {
                mongo.insert(batch, IncidentImpact.COLLECTION);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, IncidentImpact.COLLECTION);
        }
        advancePosition(position);
    }

    void clear() {
        mongo.dropCollection(IncidentImpact.COLLECTION);
        mongo.remove(Query.query(where("_id").is(POSITION_ID)), POSITIONS);
    }

    public List<IncidentImpact> all() {
        return mongo.findAll(IncidentImpact.class, IncidentImpact.COLLECTION);
    }

    public List<IncidentImpact> ofRegion(String region) {
        return mongo.find(Query.query(where("region").is(region)), IncidentImpact.class, IncidentImpact.COLLECTION);
    }

    public List<IncidentImpact> byIds(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), IncidentImpact.class, IncidentImpact.COLLECTION);
    }

    /** Global index of the last event merged, -1 before any. */
    public long position() {
        Document doc = mongo.findById(POSITION_ID, Document.class, POSITIONS);
        return doc == null || doc.get("position") == null ? -1 : ((Number) doc.get("position")).longValue();
    }
}
