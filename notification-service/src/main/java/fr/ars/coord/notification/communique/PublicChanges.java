package fr.ars.coord.notification.communique;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A counter of the changes to what the public sees (a communiqué published, corrected or withdrawn), with the time of
 * the last one: one small document that every instance reads by id to know, without reading the communiqués, whether
 * the public pages a reader holds are still current. A replay counts again: the pages are only rendered anew.
 */
@Component
public class PublicChanges {

    static final String COLLECTION = "public_changes";
    private static final String ID = "communiques";

    private final MongoTemplate mongo;

    PublicChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What the public sees has changed; {@code at} is when (the publication or the withdrawal). */
    void changed(Instant at) {
        mongo.upsert(
                Query.query(where("_id").is(ID)),
                new Update().inc("version", 1).max("changedAt", Date.from(at)),
                COLLECTION);
    }

    /** The count of changes and the time of the last one, as stored now. */
    public Current read() {
        Document d = mongo.findById(ID, Document.class, COLLECTION);
        if (d == null) {
            return new Current(0, Instant.EPOCH);
        }
        return new Current(
                d.get("version", Number.class).longValue(),
                d.getDate("changedAt").toInstant());
    }

    /** @param version how many changes so far; @param changedAt when the public content last changed */
    public record Current(long version, Instant changedAt) {}
}
