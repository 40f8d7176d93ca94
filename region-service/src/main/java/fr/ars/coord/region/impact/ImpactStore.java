package fr.ars.coord.region.impact;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
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

    void advancePosition(long position) {
        mongo.upsert(Query.query(where("_id").is(POSITION_ID)), new Update().max("position", position), POSITIONS);
    }

    void clear() {
        mongo.dropCollection(IncidentImpact.COLLECTION);
        mongo.remove(Query.query(where("_id").is(POSITION_ID)), POSITIONS);
    }

    public List<IncidentImpact> all() {
        return mongo.findAll(IncidentImpact.class, IncidentImpact.COLLECTION);
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
