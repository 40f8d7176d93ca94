package fr.ars.coord.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.delivery.DeliveryAttemptedEvent;
import fr.ars.coord.contracts.delivery.DeliveryParkedEvent;
import fr.ars.coord.contracts.delivery.DeliveryScheduledEvent;
import fr.ars.coord.contracts.delivery.DeliverySucceededEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Deliveries: folded from each delivery's own stream (exact), kept in MongoDB for lists and due work. */
@Component
public class DeliveryViewStore {

    public static final String COLLECTION = "deliveries";
    private final EventStore eventStore;
    private final MongoTemplate mongo;

    public DeliveryViewStore(EventStore eventStore, MongoTemplate mongo) {
        this.eventStore = eventStore;
        this.mongo = mongo;
    }

    /** The delivery folded from its stream, from the first event. */
    public Optional<DeliveryView> current(String deliveryId) {
        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(deliveryId).asStream().toList();
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof DeliveryScheduledEvent scheduled)) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.get(0);
        DeliveryView view = new DeliveryView(
                deliveryId,
                scheduled.communiqueId(),
                scheduled.channel(),
                scheduled.target(),
                "PENDING",
                0,
                first.getTimestamp(),
                List.of(),
                first.getTimestamp(),
                first.getSequenceNumber(),
                scheduled.reminder());
        for (DomainEventMessage<?> event : events.subList(1, events.size())) {
            view = apply(view, event);
        }
        return Optional.of(view);
    }

    /**
     * {@code known} (the list's copy, which may lag) brought forward with the events recorded since its version:
     * what a delivery attempt checks under its lease, without folding the stream again from the first event.
     */
    public DeliveryView advance(DeliveryView known) {
        DeliveryView view = known;
        try (var events = eventStore.readEvents(known.id(), known.version() + 1).asStream()) {
            for (var it = events.iterator(); it.hasNext(); ) {
                view = apply(view, it.next());
            }
        }
        return view;
    }

    private static DeliveryView apply(DeliveryView v, DomainEventMessage<?> event) {
        List<DeliveryView.Attempt> history = new ArrayList<>(v.history() == null ? List.of() : v.history());
        String status = v.status();
        int attempts = v.attempts();
        Instant next = v.nextAttemptAt();
        if (event.getPayload() instanceof DeliveryAttemptedEvent e) {
            attempts = e.attempt();
            next = e.nextAttemptAt();
            history.add(new DeliveryView.Attempt(e.attempt(), e.outcome(), event.getTimestamp(), false));
        } else if (event.getPayload() instanceof DeliverySucceededEvent e) {
            attempts = e.attempt();
            status = "DELIVERED";
            next = null;
            history.add(new DeliveryView.Attempt(e.attempt(), e.outcome(), event.getTimestamp(), true));
        } else if (event.getPayload() instanceof DeliveryParkedEvent) {
            status = "PARKED";
            next = null;
        }
        return new DeliveryView(
                v.id(),
                v.communiqueId(),
                v.channel(),
                v.target(),
                status,
                attempts,
                next,
                List.copyOf(history),
                v.scheduledAt(),
                event.getSequenceNumber(),
                v.reminder());
    }

    /**
     * Writes the delivery as its stream now says, unless a version as recent is already written: by the log's
     * processor or by {@link NewDeliveries}, in whichever order; each write replaces only an older version, and of two
     * first writes one is refused by the key. Returns what was written.
     */
    Optional<DeliveryView> refresh(String deliveryId) {
        return current(deliveryId).filter(this::writeIfNewer);
    }

    private boolean writeIfNewer(DeliveryView view) {
        DeliveryView stored = mongo.findById(view.id(), DeliveryView.class, COLLECTION);
        if (stored == null) {
            try {
                mongo.insert(view, COLLECTION);
                return true;
            } catch (DuplicateKeyException writtenMeanwhile) {
                return writeIfNewer(view);
            }
        }
        if (stored.version() >= view.version()) {
            return false;
        }
        // replaced only if still the version read: otherwise another write came between, and this one is weighed
        // again against it
        return mongo.findAndReplace(
                                Query.query(where("_id")
                                        .is(view.id())
                                        .and("version")
                                        .is(stored.version())),
                                view,
                                COLLECTION)
                        != null
                || writeIfNewer(view);
    }

    void clear() {
        mongo.dropCollection(COLLECTION);
    }

    /** Deliveries still to attempt whose time has come (read model: re-check {@link #current} before acting). */
    public List<DeliveryView> due(Instant now) {
        return mongo.find(
                Query.query(where("status").is("PENDING").and("nextAttemptAt").lte(now))
                        .with(Sort.by("nextAttemptAt"))
                        .limit(100),
                DeliveryView.class,
                COLLECTION);
    }

    public List<DeliveryView> ofTarget(String target) {
        return mongo.find(
                Query.query(where("target").is(target)).with(Sort.by(Sort.Direction.DESC, "scheduledAt")),
                DeliveryView.class,
                COLLECTION);
    }
}
