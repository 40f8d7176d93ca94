package fr.ars.coord.notification.query;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.communique.CommuniqueApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftRevisedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniqueMarkedStaleEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.communique.CommuniqueSupersededEvent;
import fr.ars.coord.contracts.communique.CommuniqueWithdrawnEvent;
import fr.ars.coord.contracts.communique.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import fr.ars.coord.platform.eventstore.AggregateIds;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Folds one communiqué's own stream into its view: always current, used for decisions and single reads. */
@Component
public class CommuniqueStates {

    private final EventStore eventStore;

    public CommuniqueStates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<CommuniqueView> find(String id) {
        if (!AggregateIds.isWellFormed(id)) {
            return Optional.empty();
        }
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof CommuniqueDraftedEvent drafted)) {
            return Optional.empty();
        }
        CommuniqueView v = new CommuniqueView(id, drafted.scope(), drafted.region(), drafted.campaignId(),
                CommuniqueStatus.DRAFT, drafted.title(), drafted.statements(), body(drafted.statements()),
                drafted.factsPosition(), drafted.factsDigest(), drafted.medicalDataExposed(), drafted.supersedes(),
                null, false, null, events.get(0).getTimestamp(), null, null, null, null, null, null,
                events.get(0).getSequenceNumber());
        for (DomainEventMessage<?> event : events.subList(1, events.size())) {
            v = apply(v, event);
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
        Object payload = message.getPayload();
        long version = message.getSequenceNumber();
        CommuniqueView.Actor by = actor(message);
        if (payload instanceof CommuniqueDraftRevisedEvent e) {
            return new CommuniqueView(v.id(), v.scope(), v.region(), v.campaignId(), CommuniqueStatus.DRAFT, e.title(),
                    e.statements(), body(e.statements()), e.factsPosition(), e.factsDigest(), e.medicalDataExposed(),
                    v.supersedes(), v.supersededBy(), v.stale(), v.correctedBy(), v.draftedAt(), null, null, null,
                    null, null, null, version);
        }
        if (payload instanceof CommuniqueApprovedEvent) {
            return new CommuniqueView(v.id(), v.scope(), v.region(), v.campaignId(), CommuniqueStatus.APPROVED,
                    v.title(), v.statements(), v.body(), v.factsPosition(), v.factsDigest(), v.medicalDataExposed(),
                    v.supersedes(), v.supersededBy(), v.stale(), v.correctedBy(), v.draftedAt(), message.getTimestamp(),
                    by, null, null, null, null, version);
        }
        if (payload instanceof CommuniquePublishedEvent) {
            return new CommuniqueView(v.id(), v.scope(), v.region(), v.campaignId(), CommuniqueStatus.PUBLISHED,
                    v.title(), v.statements(), v.body(), v.factsPosition(), v.factsDigest(), v.medicalDataExposed(),
                    v.supersedes(), v.supersededBy(), v.stale(), v.correctedBy(), v.draftedAt(), v.approvedAt(),
                    v.approvedBy(), message.getTimestamp(), by, null, null, version);
        }
        if (payload instanceof CommuniqueWithdrawnEvent e) {
            return new CommuniqueView(v.id(), v.scope(), v.region(), v.campaignId(), CommuniqueStatus.WITHDRAWN,
                    v.title(), v.statements(), v.body(), v.factsPosition(), v.factsDigest(), v.medicalDataExposed(),
                    v.supersedes(), v.supersededBy(), v.stale(), v.correctedBy(), v.draftedAt(), v.approvedAt(),
                    v.approvedBy(), v.publishedAt(), v.publishedBy(), message.getTimestamp(), e.reason(), version);
        }
        if (payload instanceof CommuniqueMarkedStaleEvent e) {
            return new CommuniqueView(v.id(), v.scope(), v.region(), v.campaignId(), v.status(), v.title(),
                    v.statements(), v.body(), v.factsPosition(), v.factsDigest(), v.medicalDataExposed(), v.supersedes(),
                    v.supersededBy(), true, e.correctedBy(), v.draftedAt(), v.approvedAt(), v.approvedBy(),
                    v.publishedAt(), v.publishedBy(), v.withdrawnAt(), v.withdrawalReason(), version);
        }
        if (payload instanceof CommuniqueSupersededEvent e) {
            return new CommuniqueView(v.id(), v.scope(), v.region(), v.campaignId(), CommuniqueStatus.SUPERSEDED,
                    v.title(), v.statements(), v.body(), v.factsPosition(), v.factsDigest(), v.medicalDataExposed(),
                    v.supersedes(), e.supersededBy(), v.stale(), v.correctedBy(), v.draftedAt(), v.approvedAt(),
                    v.approvedBy(), v.publishedAt(), v.publishedBy(), v.withdrawnAt(), v.withdrawalReason(), version);
        }
        return v;
    }

    static String body(List<Statement> statements) {
        return String.join("\n\n", statements.stream().map(Statement::text).toList());
    }

    private static CommuniqueView.Actor actor(DomainEventMessage<?> message) {
        Actor actor = Actor.fromMetaData(message.getMetaData());
        return new CommuniqueView.Actor(actor.subject(), actor.username(), actor.org(), actor.region());
    }
}
