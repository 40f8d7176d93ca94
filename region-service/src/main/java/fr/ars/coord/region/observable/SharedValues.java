package fr.ars.coord.region.observable;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The values standing in two or more regions, with their standing sightings in the order recorded: what the national
 * list and the campaign suggestions read, a small collection whatever the number of observables. Each entry follows
 * its value's document by version: a write applies only over an older version, so that of two handlers that changed
 * the same value side by side, the later state stays. A value that no longer stands in two regions keeps an entry
 * with its regions emptied (the next time it does, the entry is written over).
 * <p>
 * Every change also counts one in a single counter document ({@value #CHANGES}); readers keep the entries as they last
 * read them with the count they read first, so that a list asked for again while nothing changed costs one read by
 * id, on any instance.
 */
@Component
class SharedValues {

    static final String COLLECTION = "observable_shared";
    static final String CHANGES = "observable_shared_changes";
    private static final String COUNTER = "changes";

    private final MongoTemplate mongo;
    /** The entries in two or more regions as last read, with the count of changes read before them. */
    private volatile Snapshot last;

    /** The entries in two or more regions as read after the count of changes {@code changes}. */
    record Snapshot(long changes, List<Document> entries) {}

    SharedValues(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Brings the value's entry up to its document, as the handler that changed the document got it back. A value
     * only one observable ever recorded has no entry and needs none: nothing is written for it (most values).
     */
    void follow(Document value) {
        if (value == null) {
            return;
        }
        Document all = value.get("sightings", Document.class);
        if (all == null || all.size() < 2) {
            return;
        }
        String key = value.getString("_id");
        long version = value.get("version", Number.class).longValue();
        List<Document> standing = standing(value);
        List<String> regions = standing.stream()
                .map(s -> s.getString("region"))
                .distinct()
                .sorted()
                .toList();
        Update update = new Update()
                .set("type", value.getString("type"))
                .set("value", value.getString("value"))
                .set("version", version)
                .set("regionCount", regions.size())
                .set("regions", regions)
                .set("sightings", standing);
        Query older = Query.query(where("_id").is(key).and("version").lt(version));
        for (int attempt = 0; attempt < 3; attempt++) {
            if (mongo.updateFirst(older, update, COLLECTION).getMatchedCount() > 0) {
                changed();
                return;
            }
            if (regions.size() < 2) {
                return;
            }
            Document entry = new Document("_id", key);
            update.getUpdateObject().get("$set", Document.class).forEach(entry::append);
            try {
                mongo.insert(entry, COLLECTION);
                changed();
                return;
            } catch (DuplicateKeyException e) {
                // written meanwhile: over it if it is older, left if it is newer
            }
        }
    }

    /** Forgets every entry (the projection rebuilt from the first event). */
    void drop() {
        mongo.dropCollection(COLLECTION);
        changed();
    }

    private void changed() {
        mongo.upsert(Query.query(where("_id").is(COUNTER)), new Update().inc(COUNTER, 1L), CHANGES);
    }

    private long changes() {
        Document counter = mongo.findById(COUNTER, Document.class, CHANGES);
        return counter == null ? 0 : counter.get(COUNTER, Number.class).longValue();
    }

    /**
     * The values standing in two or more regions, as of the current count of changes: one read by id when nothing
     * changed since the last time; the entries are not to be changed.
     */
    Snapshot current() {
        long changes = changes();
        Snapshot known = last;
        if (known == null || known.changes() != changes) {
            // read after the count: entries at least as new as it, read again once it moves on
            known = new Snapshot(
                    changes,
                    List.copyOf(mongo.find(Query.query(where("regionCount").gte(2)), Document.class, COLLECTION)));
            last = known;
        }
        return known;
    }

    /** The entries of these values that stand in two or more regions. */
    List<Document> ofKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(where("_id").in(keys).and("regionCount").gte(2)), Document.class, COLLECTION);
    }

    /** The standing sightings of a value's document, each with its observable's id, in the order recorded. */
    static List<Document> standing(Document value) {
        List<Document> standing = new ArrayList<>();
        Document sightings = value.get("sightings", Document.class);
        if (sightings == null) {
            return standing;
        }
        for (Map.Entry<String, Object> e : sightings.entrySet()) {
            Document s = (Document) e.getValue();
            if (Boolean.TRUE.equals(s.getBoolean("standing"))) {
                standing.add(new Document(s).append("observableId", e.getKey()));
            }
        }
        standing.sort(Comparator.comparing((Document s) -> s.get("recordedAt", Date.class))
                .thenComparing(s -> s.getString("incidentId"))
                .thenComparing(s -> s.get("sequence", Number.class).longValue()));
        return standing;
    }
}
