package fr.ars.coord.notification.communique;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
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
    private volatile Current recent;

    PublicChanges(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The count as read at most a second ago (read now the first time): what the public pages and the feed answer a
     * conditional request from, with no read of the store at all.
     */
    public Current recent() {
        Current known = recent;
        if (known == null) {
            known = read();
            recent = known;
        }
        return known;
    }

    @Scheduled(fixedDelayString = "${ars.public-pages.refresh-interval:1000}")
    void refresh() {
        recent = read();
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
    public record Current(long version, Instant changedAt) {

        /** The entity tag of what the public sees at this version, in the representation {@code kind} names. */
        public String etag(String kind) {
            return "\"" + kind + version + "\"";
        }

        /**
         * Whether a reader's copy is of this version (RFC 9110 §13.1): its {@code If-None-Match} names this version's
         * tag (weakly compared) or is {@code *}; without one, its {@code If-Modified-Since} is no earlier than the last
         * change.
         */
        public boolean isHeldBy(String etag, String ifNoneMatch, String ifModifiedSince) {
            if (ifNoneMatch != null) {
                return java.util.Arrays.stream(ifNoneMatch.split(","))
                        .map(String::strip)
                        .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                        .anyMatch(t -> t.equals(etag) || t.equals("*"));
            }
            if (ifModifiedSince == null) {
                return false;
            }
            try {
                Instant since = java.time.ZonedDateTime.parse(
                                ifModifiedSince, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !changedAt
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .isAfter(since);
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
        }
    }
}
