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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per observable of every incident (its id is the observable's), keyed for lookups by its type and
 * canonical value, marked standing or withdrawn. Each write names the event's sequence in its incident and applies
 * only over an older one, so that a replay or a redelivery converges. A new processing group: on its first start it
 * reads the store from the first event.
 */
@Component
@ProcessingGroup(ObservableSightingsProjection.GROUP)
class ObservableSightingsProjection {

    static final String GROUP = "observable-sightings";
    static final String COLLECTION = "observable_sightings";

    private final MongoTemplate mongo;

    ObservableSightingsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("key", org.springframework.data.domain.Sort.Direction.ASC));
    }

    static String key(String type, String value) {
        return type + " " + value;
    }

    @EventHandler
    void on(ObservableRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Update update = new Update()
                .set("key", key(event.type().typeName(), event.value()))
                .set("type", event.type().typeName())
                .set("value", event.value())
                .set("role", event.role().name())
                .set("tlp", event.tlp().label())
                .set("incidentId", event.incidentId())
                .set("region", event.region().code())
                .set("recordedAt", Date.from(at))
                .set("standing", true)
                .set("sequence", sequence);
        write(event.observableId(), sequence, update);
    }

    @EventHandler
    void on(ObservableWithdrawnEvent event, @SequenceNumber long sequence) {
        write(
                event.observableId(),
                sequence,
                new Update().set("standing", false).set("sequence", sequence));
    }

    private void write(String observableId, long sequence, Update update) {
        Query newer = Query.query(where("_id").is(observableId).and("sequence").gte(sequence));
        if (!mongo.exists(newer, COLLECTION)) {
            mongo.upsert(Query.query(where("_id").is(observableId)), update, COLLECTION);
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
