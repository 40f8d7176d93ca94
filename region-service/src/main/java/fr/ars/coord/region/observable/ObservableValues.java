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
     * this observable's entry at this sequence or a later one already (a replay, a redelivery). The entry's sequence
     * is read before it is written: one observable's events are handled in order by one segment, and the update
     * changes that entry only, so the check does not race with the other observables of the same value.
     */
    Optional<Document> put(
            String key, String type, String value, String observableId, Document sighting, long sequence) {
        Document current = mongo.findById(key, Document.class, COLLECTION);
        if (current == null) {
            mongo.upsert(
                    byId(key),
                    new Update()
                            .setOnInsert("type", type)
                            .setOnInsert("value", value)
                            .setOnInsert("version", 0L),
                    COLLECTION);
        } else if (sequenceOf(current, observableId) >= sequence) {
            return Optional.empty();
        }
        return changed(key, new Update().set("sightings." + observableId, sighting));
    }

    /** Marks the observable's sighting withdrawn: the document after it, or nothing when a later write was there. */
    Optional<Document> withdraw(String key, String observableId, long sequence) {
        Document current = mongo.findById(key, Document.class, COLLECTION);
        if (current == null || sequenceOf(current, observableId) >= sequence) {
            return Optional.empty();
        }
        String entry = "sightings." + observableId;
        return changed(key, new Update().set(entry + ".standing", false).set(entry + ".sequence", sequence));
    }

    private Optional<Document> changed(String key, Update update) {
        return Optional.ofNullable(mongo.findAndModify(
                byId(key),
                update.inc("version", 1),
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                COLLECTION));
    }

    private static long sequenceOf(Document value, String observableId) {
        Document sightings = value.get("sightings", Document.class);
        Document entry = sightings == null ? null : sightings.get(observableId, Document.class);
        return entry == null ? -1 : entry.get("sequence", Number.class).longValue();
    }

    private static Query byId(String key) {
        return Query.query(where("_id").is(key));
    }

    /** Every value with at least one standing sighting (a scan: only for a list of every value). */
    java.util.List<Document> all() {
        return mongo.find(new Query(new Criteria()), Document.class, COLLECTION);
    }
}
