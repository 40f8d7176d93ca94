package fr.ars.coord.region.observable;

import static org.springframework.data.mongodb.core.query.Criteria.where;

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
 * segments: each changes only its own entry, in one atomic update by id that also counts the document's
 * {@code version}, and gets the whole document back as it left it.
 */
@Component
class ObservableValues {

    static final String COLLECTION = "observable_values";

    private final MongoTemplate mongo;

    ObservableValues(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Puts the observable's sighting of the value, creating the value's document if need be: the document after. */
    Document put(String key, String type, String value, String observableId, Document sighting) {
        return changed(
                key,
                new Update()
                        .setOnInsert("type", type)
                        .setOnInsert("value", value)
                        .set("sightings." + observableId, sighting),
                true);
    }

    /** Marks the observable's sighting withdrawn: the value's document after it (none when it has none). */
    Document withdraw(String key, String observableId, long sequence) {
        String entry = "sightings." + observableId;
        return changed(key, new Update().set(entry + ".standing", false).set(entry + ".sequence", sequence), false);
    }

    /** One update by id, atomic on the document, counting its version: the document as it left it. */
    private Document changed(String key, Update update, boolean create) {
        return mongo.findAndModify(
                byId(key),
                update.inc("version", 1),
                FindAndModifyOptions.options().upsert(create).returnNew(true),
                Document.class,
                COLLECTION);
    }

    private static Query byId(String key) {
        return Query.query(where("_id").is(key));
    }

    /** The value's document (every observable that recorded it), or null: one read by id. */
    Document find(String key) {
        return mongo.findById(key, Document.class, COLLECTION);
    }

    /** Every value with at least one standing sighting (a scan: only for a list of every value). */
    java.util.List<Document> all() {
        return mongo.find(new Query(new Criteria()), Document.class, COLLECTION);
    }
}
