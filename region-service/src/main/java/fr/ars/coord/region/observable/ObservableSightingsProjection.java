package fr.ars.coord.region.observable;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.incident.ObservableRecordedEvent;
import fr.ars.coord.contracts.incident.ObservableWithdrawnEvent;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The sightings, kept in three shapes so that every read is one query by key or on a small collection:
 *
 * <ul>
 *   <li>{@value #COLLECTION}: one document per observable of every incident (its id is the observable's), marked
 *       standing or withdrawn; an incident's or a region's observables are read from it;
 *   <li>{@value ObservableValues#COLLECTION}: one document per value (its id the type and canonical value) holding
 *       its sightings, so that where a value was seen is read by its id;
 *   <li>{@value SharedValues#COLLECTION}: the values standing in two or more regions, the only ones the national list
 *       and the campaign suggestions read; a small collection however many observables there are.
 * </ul>
 *
 * A replay or a redelivery repeats an observable's events in order, so the documents converge on the latest. The processing group is named for this shape: on its first start it reads the store from the
 * first event and fills the per-value documents for observables recorded before them.
 */
@Component
@ProcessingGroup(ObservableSightingsProjection.GROUP)
class ObservableSightingsProjection {

    static final String GROUP = "observable-values";
    static final String COLLECTION = "observable_sightings";

    private final MongoTemplate mongo;
    private final ObservableValues values;
    private final SharedValues shared;

    ObservableSightingsProjection(MongoTemplate mongo, ObservableValues values, SharedValues shared) {
        this.mongo = mongo;
        this.values = values;
        this.shared = shared;
        // on MongoDB these serve the incident's and the region's lists; the embedded server ignores them
        mongo.indexOps(COLLECTION).createIndex(new Index().on("incidentId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("region", Sort.Direction.ASC).on("standing", Sort.Direction.ASC));
    }

    static String key(String type, String value) {
        return type + " " + value;
    }

    @EventHandler
    void on(ObservableRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String key = key(event.type().typeName(), event.value());
        Document sighting = new Document("incidentId", event.incidentId())
                .append("region", event.region().code())
                .append("role", event.role().name())
                .append("tlp", event.tlp().label())
                .append("recordedAt", Date.from(at))
                .append("standing", true)
                .append("sequence", sequence);
        Update update = new Update()
                .set("key", key)
                .set("type", event.type().typeName())
                .set("value", event.value())
                .set("role", event.role().name())
                .set("tlp", event.tlp().label())
                .set("incidentId", event.incidentId())
                .set("region", event.region().code())
                .set("recordedAt", Date.from(at))
                .set("standing", true)
                .set("sequence", sequence);
        write(event.observableId(), update);
        shared.follow(values.put(key, event.type().typeName(), event.value(), event.observableId(), sighting));
    }

    @EventHandler
    void on(ObservableWithdrawnEvent event, @SequenceNumber long sequence) {
        Document recorded = mongo.findById(event.observableId(), Document.class, COLLECTION);
        write(event.observableId(), new Update().set("standing", false).set("sequence", sequence));
        if (recorded != null && recorded.getString("key") != null) {
            shared.follow(values.withdraw(recorded.getString("key"), event.observableId(), sequence));
        }
    }

    /**
     * Writes the observable's document. One observable's events come from one incident's stream, handled in order by
     * one segment; a redelivery after a failure repeats them in order from the last token stored: the last write is
     * the latest event's, and a single write by id (the one lookup every MongoDB-compatible store serves from its
     * index) is all an event costs here.
     */
    private void write(String observableId, Update update) {
        mongo.upsert(Query.query(where("_id").is(observableId)), update, COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
        mongo.dropCollection(ObservableValues.COLLECTION);
        shared.drop();
    }
}
