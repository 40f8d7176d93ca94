package fr.ars.coord.notification.communique;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.region.Region;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The communiqué list in MongoDB: whole views, newest first. */
@Component
public class CommuniqueViewStore {

    public static final String COLLECTION = "communiques";
    private final MongoTemplate mongo;
    private final PublicChanges publicChanges;

    public CommuniqueViewStore(MongoTemplate mongo, PublicChanges publicChanges) {
        this.mongo = mongo;
        this.publicChanges = publicChanges;
    }

    /** The list's copy of the communiqué, which may lag its stream ({@link CommuniqueStreams#advance} catches up). */
    public Optional<CommuniqueView> stored(String id) {
        return Optional.ofNullable(mongo.findById(id, CommuniqueView.class, COLLECTION));
    }

    void save(CommuniqueView view) {
        CommuniqueView stored = mongo.findById(view.id(), CommuniqueView.class, COLLECTION);
        if (stored == null || stored.version() < view.version()) {
            mongo.save(view, COLLECTION);
            if (view.publishedAt() != null && view.exerciseId() == null) {
                publicChanges.changed(view.withdrawnAt() != null ? view.withdrawnAt() : view.publishedAt());
            }
        }
    }

    void clear() {
        mongo.dropCollection(COLLECTION);
        publicChanges.changed(java.time.Instant.now());
    }

    /**
     * @param exerciseId the exercise whose communiqués to list; null: the real ones (the two never mix)
     * @param regions the regions whose regional communiqués to include (null: all, national drafts included);
     *                for regional staff, national communiqués only once published: a national draft holds other
     *                regions' unpublished figures
     */
    public List<CommuniqueView> find(List<String> regions, String region, CommuniqueStatus status, String exerciseId) {
        Criteria criteria = new Criteria();
        if (regions != null) {
            criteria = new Criteria()
                    .orOperator(
                            where("scope").is("NATIONAL").and("publishedAt").ne(null),
                            where("region").in(regions));
        }
        Query query = Query.query(criteria).addCriteria(where("exerciseId").is(exerciseId));
        if (region != null) {
            query.addCriteria(where("region").is(region));
        }
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "draftedAt")), CommuniqueView.class, COLLECTION);
    }

    /**
     * What the public may see: published communiqués, and superseded ones pointing at their correction; never an
     * exercise's.
     */
    public List<CommuniqueView> published() {
        return publishedIn(null);
    }

    /** What an exercise's feed shows: its published communiqués, and superseded ones; {@code null}: the real ones. */
    public List<CommuniqueView> publishedIn(String exerciseId) {
        return mongo.find(
                Query.query(where("status")
                                .in(CommuniqueStatus.PUBLISHED, CommuniqueStatus.SUPERSEDED)
                                .and("exerciseId")
                                .is(exerciseId))
                        .with(Sort.by(Sort.Direction.DESC, "publishedAt")),
                CommuniqueView.class,
                COLLECTION);
    }

    /**
     * What the public pages list: every communiqué that was published, withdrawn and superseded ones included (a
     * text once public stays on record, marked), newest publication first; {@code region} null for all of them.
     */
    public List<CommuniqueView> everPublished(Region region, int skip, int limit) {
        return mongo.find(everPublishedQuery(region).skip(skip).limit(limit), CommuniqueView.class, COLLECTION);
    }

    /** How many communiqués {@link #everPublished} lists. */
    public long countEverPublished(Region region) {
        return mongo.count(everPublishedQuery(region), COLLECTION);
    }

    private static Query everPublishedQuery(Region region) {
        Query query =
                Query.query(where("publishedAt").ne(null).and("exerciseId").is(null));
        if (region != null) {
            query.addCriteria(where("region").is(region.code()));
        }
        return query.with(Sort.by(Sort.Direction.DESC, "publishedAt").and(Sort.by("_id")));
    }
}
