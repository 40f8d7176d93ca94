package fr.ars.coord.notification.communique;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.communique.CommuniqueApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftRevisedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniqueIssuerApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueMarkedEvent;
import fr.ars.coord.contracts.communique.CommuniqueMarkedStaleEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.communique.CommuniqueSupersededEvent;
import fr.ars.coord.contracts.communique.CommuniqueWithdrawnEvent;
import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.incident.TlpLabel;
import fr.ars.coord.platform.eventstore.AggregateIds;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Folds one communiqué's own stream into its view: always current, used for decisions and single reads. */
@Component
public class CommuniqueStreams {

    private final EventStore eventStore;

    public CommuniqueStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<CommuniqueView> find(String id) {
        if (!AggregateIds.isWellFormed(id)) {
            return Optional.empty();
        }
        // folded as it is read, one event at a time: a communiqué redrafted thousands of times (a region with many
        // incidents) is never held whole in memory
        DomainEventStream events = eventStore.readEvents(id);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        if (!(first.getPayload() instanceof CommuniqueDraftedEvent drafted)) {
            return Optional.empty();
        }
        CommuniqueView v = new CommuniqueView(
                id,
                drafted.scope(),
                drafted.region(),
                drafted.campaignId(),
                CommuniqueStatus.DRAFT,
                drafted.title(),
                drafted.statements(),
                body(drafted.statements()),
                drafted.factsPosition(),
                drafted.factsDigest(),
                drafted.medicalDataExposed(),
                drafted.supersedes(),
                null,
                false,
                null,
                first.getTimestamp(),
                null,
                null,
                null,
                null,
                null,
                null,
                first.getSequenceNumber(),
                TlpLabel.CLEAR,
                drafted.issuers(),
                null,
                drafted.exerciseId());
        while (events.hasNext()) {
            v = apply(v, events.next());
        }
        return Optional.of(v);
    }

    /**
     * {@code known} brought up to date with the events recorded after it (its {@code version}), read from the
     * communiqué's stream from there on: what a projection does with each event, at the cost of the events it has
     * not seen yet, not of the whole stream. Without a known view, the stream is folded from its start.
     */
    public Optional<CommuniqueView> advance(String id, CommuniqueView known) {
        if (known == null) {
            return find(id);
        }
        CommuniqueView v = known;
        try (var events = eventStore.readEvents(id, known.version() + 1).asStream()) {
            for (Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                v = apply(v, it.next());
            }
        }
        return Optional.of(v);
    }

    private static CommuniqueView apply(CommuniqueView v, DomainEventMessage<?> message) {
        long version = message.getSequenceNumber();
        Instant at = message.getTimestamp();
        Object payload = message.getPayload();
        if (payload instanceof CommuniqueDraftRevisedEvent e) {
            return v.revised(
                    e.title(),
                    e.statements(),
                    body(e.statements()),
                    e.factsPosition(),
                    e.factsDigest(),
                    e.medicalDataExposed(),
                    e.issuers(),
                    version);
        }
        if (payload instanceof CommuniqueIssuerApprovedEvent e) {
            return v.issuerApproved(e.issuer(), at, actor(message), version);
        }
        if (payload instanceof CommuniqueApprovedEvent) {
            return v.approved(at, actor(message), version);
        }
        if (payload instanceof CommuniquePublishedEvent) {
            return v.published(at, actor(message), version);
        }
        if (payload instanceof CommuniqueMarkedEvent e) {
            return v.marked(e.tlp(), version);
        }
        if (payload instanceof CommuniqueWithdrawnEvent e) {
            return v.withdrawn(at, e.reason(), version);
        }
        if (payload instanceof CommuniqueMarkedStaleEvent e) {
            return v.markedStale(e.correctedBy(), version);
        }
        if (payload instanceof CommuniqueSupersededEvent e) {
            return v.superseded(e.supersededBy(), version);
        }
        return v;
    }

    static String body(List<Statement> statements) {
        return String.join("\n\n", statements.stream().map(Statement::text).toList());
    }

    private static Actor actor(DomainEventMessage<?> message) {
        return Actor.fromMetaData(message.getMetaData());
    }
}
