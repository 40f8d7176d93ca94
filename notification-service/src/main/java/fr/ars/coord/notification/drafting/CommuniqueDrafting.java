package fr.ars.coord.notification.drafting;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import fr.ars.coord.contracts.communique.CommuniqueIssuer;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.communique.CommuniqueCommands.DraftCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.MarkCommuniqueStaleCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.ReviseCommuniqueDraftCommand;
import fr.ars.coord.notification.communique.CommuniqueStreams;
import fr.ars.coord.notification.communique.CommuniqueView;
import fr.ars.coord.notification.config.ServiceActor;
import fr.ars.coord.notification.facts.FactsStore;
import fr.ars.coord.notification.writing.CurrentDrafts;
import fr.ars.coord.notification.writing.Draft;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.readmodel.BatchBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each region's and each campaign's communiqué in step with the facts. After every incident or campaign
 * event: no communiqué yet and facts that call for one → a draft; a draft or an approved text whose facts
 * changed → revised (approval no longer holds); a published one whose facts changed → marked stale and a
 * corrected draft that will supersede it. Communiqué ids are derived from the scope and generation, so a
 * repeated event never creates a second one.
 */
@Component
@ProcessingGroup("communique-drafting")
class CommuniqueDrafting {

    private static final Logger log = LoggerFactory.getLogger(CommuniqueDrafting.class);
    static final String SCOPES = "communique_scopes";

    private final FactsStore facts;
    private final CurrentDrafts drafts;
    private final CommuniqueStreams communiques;
    private final IdempotentCommands commands;
    private final MongoTemplate mongo;
    /**
     * The communiqués a batch of events touched, each reconsidered once when the batch commits, from the facts as
     * they are then, at the position of the latest event that touched it: a region's communiqué is drafted once per
     * batch, not once per event of its incidents (reading a communiqué's stream costs its revisions).
     */
    private final BatchBuffer<String, Touched> touched;

    /**
     * A communiqué to reconsider: its scope, its region or campaign, the exercise it belongs to (null: a real one), and
     * the latest position that touched it.
     */
    private record Touched(CommuniqueScope scope, Region region, String campaignId, String exerciseId, long position) {

        /** The communiqué's key: its scope and region or campaign, within its exercise when it is one's. */
        String key() {
            String key = scope + ":" + (scope == CommuniqueScope.REGIONAL ? region : campaignId);
            return exerciseId == null ? key : "EXERCISE:" + exerciseId + ":" + key;
        }
    }

    CommuniqueDrafting(
            FactsStore facts,
            CurrentDrafts drafts,
            CommuniqueStreams communiques,
            IdempotentCommands commands,
            MongoTemplate mongo) {
        this.facts = facts;
        this.drafts = drafts;
        this.communiques = communiques;
        this.commands = commands;
        this.mongo = mongo;
        this.touched =
                new BatchBuffer<>("communique-drafting", batch -> batch.values().forEach(this::reconsider));
    }

    private void touch(CommuniqueScope scope, Region region, String campaignId, String exerciseId, long position) {
        Touched t = new Touched(scope, region, campaignId, exerciseId, position);
        touched.pending().put(t.key(), t);
    }

    private void reconsider(Touched t) {
        reconsider(t, drafts.forScope(t.scope(), t.region(), t.campaignId(), t.exerciseId()));
    }

    @EventHandler
    void on(
            IncidentEvent event,
            @SequenceNumber long sequence,
            @MessageIdentifier String eventId,
            @MetaDataValue(Actor.ORG) String org,
            @MetaDataValue(ExerciseTag.METADATA_KEY) String exerciseId,
            TrackingToken token) {
        if (CommuniqueIssuer.GRADES.name().equals(org)) {
            // the region's e-health group recorded facts: it is proposed as co-issuer of the region's communiqué
            facts.recordedByGrades(event.incidentId(), event.region(), exerciseId);
        }
        if (facts.refresh(event, sequence, eventId).isEmpty()) {
            return; // an incident that never exposed patient data changes no communiqué
        }
        long position = token.position().orElse(-1);
        // an exercise's incident speaks in the exercise's communiqué of its region, never in a real one
        touch(CommuniqueScope.REGIONAL, event.region(), null, exerciseId, position);
        for (String campaign : facts.campaignsOf(event.incidentId())) {
            // linked to a campaign of its own exercise only (or, a real one, of none)
            touch(CommuniqueScope.NATIONAL, null, campaign, exerciseId, position);
        }
    }

    @EventHandler
    void on(CampaignOpenedEvent event) {
        facts.openCampaign(event.campaignId(), event.title());
    }

    @EventHandler
    void on(
            IncidentLinkedToCampaignEvent event,
            EventMessage<?> message,
            @MetaDataValue(ExerciseTag.METADATA_KEY) String exerciseId,
            TrackingToken token) {
        facts.link(event.campaignId(), event.incidentId(), message.getIdentifier());
        touch(
                CommuniqueScope.NATIONAL,
                null,
                event.campaignId(),
                exerciseId,
                token.position().orElse(-1));
    }

    @EventHandler
    void on(
            IncidentUnlinkedFromCampaignEvent event,
            @MetaDataValue(ExerciseTag.METADATA_KEY) String exerciseId,
            TrackingToken token) {
        facts.unlink(event.campaignId(), event.incidentId());
        touch(
                CommuniqueScope.NATIONAL,
                null,
                event.campaignId(),
                exerciseId,
                token.position().orElse(-1));
    }

    private void reconsider(Touched t, Optional<Draft> draft) {
        if (draft.isEmpty()) {
            return;
        }
        CommuniqueScope scope = t.scope();
        long position = t.position();
        String key = t.key();
        List<CommuniqueIssuer> issuers = issuers(t);
        Document current = mongo.findById(key, Document.class, SCOPES);
        if (current == null) {
            create(t, 1, null, draft.get(), issuers);
            return;
        }
        int generation = current.getInteger("generation");
        Optional<CommuniqueView> existing = communiques.find(current.getString("communiqueId"));
        if (existing.isEmpty()) {
            create(t, generation, null, draft.get(), issuers);
            return;
        }
        CommuniqueView communique = existing.get();
        if (communique.factsDigest().equals(draft.get().digest())) {
            boolean unpublished =
                    communique.status() == CommuniqueStatus.DRAFT || communique.status() == CommuniqueStatus.APPROVED;
            if (unpublished && !CommuniqueIssuer.orLead(issuers, scope).equals(communique.issuers())) {
                send(new ReviseCommuniqueDraftCommand(communique.id(), draft.get(), position, issuers));
            }
            return;
        }
        switch (communique.status()) {
            case DRAFT, APPROVED ->
                send(new ReviseCommuniqueDraftCommand(communique.id(), draft.get(), position, issuers));
            case PUBLISHED -> {
                String corrected = create(t, generation + 1, communique.id(), draft.get(), issuers);
                send(new MarkCommuniqueStaleCommand(communique.id(), corrected, position));
            }
            case SUPERSEDED, WITHDRAWN -> create(t, generation + 1, null, draft.get(), issuers);
        }
    }

    private String create(Touched t, int generation, String supersedes, Draft draft, List<CommuniqueIssuer> issuers) {
        String key = t.key();
        String id = UUID.nameUUIDFromBytes((key + "|" + generation).getBytes(StandardCharsets.UTF_8))
                .toString();
        try {
            send(new DraftCommuniqueCommand(
                    id,
                    t.scope(),
                    t.region(),
                    t.campaignId(),
                    supersedes,
                    draft,
                    t.position(),
                    issuers,
                    t.exerciseId()));
        } catch (AggregateStreamCreationException alreadyDrafted) {
            log.debug("communiqué {} was already drafted", id);
        }
        mongo.upsert(
                Query.query(where("_id").is(key)),
                new Update().set("communiqueId", id).set("generation", generation),
                SCOPES);
        return id;
    }

    /**
     * Who issue the communiqué: a region's agency, jointly with its e-health group (GRADeS) once the group recorded
     * facts of the region's incidents; the national cell alone for a national one.
     */
    private List<CommuniqueIssuer> issuers(Touched t) {
        if (t.scope() != CommuniqueScope.REGIONAL) {
            return List.of(CommuniqueIssuer.NATIONAL);
        }
        return facts.gradesRecordedIn(t.region(), t.exerciseId())
                ? List.of(CommuniqueIssuer.ARS, CommuniqueIssuer.GRADES)
                : List.of(CommuniqueIssuer.ARS);
    }

    private void send(Object command) {
        commands.send(command, ServiceActor.ACTOR);
    }
}
