package fr.ars.coord.notification.drafting;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import fr.ars.coord.contracts.communique.CommuniqueIssuer;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.CommuniqueStatus;
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

    /** A communiqué to reconsider: its scope, its region or campaign, and the latest position that touched it. */
    private record Touched(CommuniqueScope scope, Region region, String campaignId, long position) {}

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

    private void touch(CommuniqueScope scope, Region region, String campaignId, long position) {
        String key = scope + ":" + (scope == CommuniqueScope.REGIONAL ? region : campaignId);
        touched.pending().put(key, new Touched(scope, region, campaignId, position));
    }

    private void reconsider(Touched t) {
        reconsider(
                t.scope(),
                t.region(),
                t.campaignId(),
                t.scope() == CommuniqueScope.REGIONAL
                        ? drafts.forRegion(t.region())
                        : drafts.forCampaign(t.campaignId()),
                t.position());
    }

    @EventHandler
    void on(
            IncidentEvent event,
            @SequenceNumber long sequence,
            @MessageIdentifier String eventId,
            @MetaDataValue(Actor.ORG) String org,
            TrackingToken token) {
        if (CommuniqueIssuer.GRADES.name().equals(org)) {
            // the region's e-health group recorded facts: it is proposed as co-issuer of the region's communiqué
            facts.recordedByGrades(event.incidentId(), event.region());
        }
        if (facts.refresh(event, sequence, eventId).isEmpty()) {
            return; // an incident that never exposed patient data changes no communiqué
        }
        long position = token.position().orElse(-1);
        touch(CommuniqueScope.REGIONAL, event.region(), null, position);
        for (String campaign : facts.campaignsOf(event.incidentId())) {
            touch(CommuniqueScope.NATIONAL, null, campaign, position);
        }
    }

    @EventHandler
    void on(CampaignOpenedEvent event) {
        facts.openCampaign(event.campaignId(), event.title());
    }

    @EventHandler
    void on(IncidentLinkedToCampaignEvent event, EventMessage<?> message, TrackingToken token) {
        facts.link(event.campaignId(), event.incidentId(), message.getIdentifier());
        touch(
                CommuniqueScope.NATIONAL,
                null,
                event.campaignId(),
                token.position().orElse(-1));
    }

    @EventHandler
    void on(IncidentUnlinkedFromCampaignEvent event, TrackingToken token) {
        facts.unlink(event.campaignId(), event.incidentId());
        touch(
                CommuniqueScope.NATIONAL,
                null,
                event.campaignId(),
                token.position().orElse(-1));
    }

    private void reconsider(
            CommuniqueScope scope, Region region, String campaignId, Optional<Draft> draft, long position) {
        if (draft.isEmpty()) {
            return;
        }
        String key = scope + ":" + (scope == CommuniqueScope.REGIONAL ? region : campaignId);
        List<CommuniqueIssuer> issuers = issuers(scope, region);
        Document current = mongo.findById(key, Document.class, SCOPES);
        if (current == null) {
            create(key, 1, scope, region, campaignId, null, draft.get(), issuers, position);
            return;
        }
        int generation = current.getInteger("generation");
        Optional<CommuniqueView> existing = communiques.find(current.getString("communiqueId"));
        if (existing.isEmpty()) {
            create(key, generation, scope, region, campaignId, null, draft.get(), issuers, position);
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
                String corrected = create(
                        key,
                        generation + 1,
                        scope,
                        region,
                        campaignId,
                        communique.id(),
                        draft.get(),
                        issuers,
                        position);
                send(new MarkCommuniqueStaleCommand(communique.id(), corrected, position));
            }
            case SUPERSEDED, WITHDRAWN ->
                create(key, generation + 1, scope, region, campaignId, null, draft.get(), issuers, position);
        }
    }

    private String create(
            String key,
            int generation,
            CommuniqueScope scope,
            Region region,
            String campaignId,
            String supersedes,
            Draft draft,
            List<CommuniqueIssuer> issuers,
            long position) {
        String id = UUID.nameUUIDFromBytes((key + "|" + generation).getBytes(StandardCharsets.UTF_8))
                .toString();
        try {
            send(new DraftCommuniqueCommand(id, scope, region, campaignId, supersedes, draft, position, issuers));
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
    private List<CommuniqueIssuer> issuers(CommuniqueScope scope, Region region) {
        if (scope != CommuniqueScope.REGIONAL) {
            return List.of(CommuniqueIssuer.NATIONAL);
        }
        return facts.gradesRecordedIn(region)
                ? List.of(CommuniqueIssuer.ARS, CommuniqueIssuer.GRADES)
                : List.of(CommuniqueIssuer.ARS);
    }

    private void send(Object command) {
        commands.send(command, ServiceActor.ACTOR);
    }
}
