package fr.ars.coord.region.observable;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per value (its id the type and canonical value), holding each observable that recorded it under
 * {@code sightings.<observableId>}. Observables of different incidents are handled side by side by different
 * segments: each changes only its own entry, in one atomic update that also counts the document's {@code version},
 * and gets the whole document back as it left it.
 */
@Component
class ObservableValues {

    static final String COLLECTION = "observable_values";

    private final MongoTemplate mongo;

    ObservableValues(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Puts the observable's sighting of the value: the value's document after it, or nothing when the document holds
     * this observable's entry at this sequence or a later one already (a replay, a redelivery).
     */
    Optional<Document> put(
            String key, String type, String value, String observableId, Document sighting, long sequence) {
        mongo.upsert(
                Query.query(where("_id").is(key)),
                new Update()
                        .setOnInsert("type", type)
                        .setOnInsert("value", value)
                        .setOnInsert("version", 0L),
                COLLECTION);
        String entry = "sightings." + observableId;
        Query older = Query.query(where("_id")
                .is(key)
                .orOperator(
                        where(entry).exists(false), where(entry + ".sequence").lt(sequence)));
        return changed(older, new Update().set(entry, sighting));
    }

    /** Marks the observable's sighting withdrawn: the document after it, or nothing when a later write was there. */
    Optional<Document> withdraw(String key, String observableId, long sequence) {
        String entry = "sightings." + observableId;
        Query older = Query.query(where("_id").is(key).and(entry + ".sequence").lt(sequence));
        return changed(older, new Update().set(entry + ".standing", false).set(entry + ".sequence", sequence));
    }

    private Optional<Document> changed(Query query, Update update) {
        return Optional.ofNullable(mongo.findAndModify(
                query,
                update.inc("version", 1),
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                COLLECTION));
    }

    /** Every value with at least one standing sighting (a scan: only for a list of every value). */
    java.util.List<Document> all() {
        return mongo.find(new Query(new Criteria()), Document.class, COLLECTION);
    }
}
