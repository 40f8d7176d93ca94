package fr.ars.coord.region.campaign;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.eventstore.AggregateIds;
import fr.ars.coord.region.impact.ImpactCalculator;
import fr.ars.coord.region.impact.ImpactHistory;
import fr.ars.coord.region.impact.ImpactStore;
import fr.ars.coord.region.impact.IncidentImpact;
import fr.ars.coord.region.impact.StreamImpacts;
import fr.ars.coord.region.observable.ObservableSightings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads campaigns: a campaign's own stream for its current links (always current), the impact read model
 * for their aggregated impact, the links read model for suggestions.
 */
@Component
public class Campaigns {

    private final EventStore eventStore;
    private final ImpactStore impacts;
    private final ImpactHistory history;
    private final ImpactCalculator calculator;
    private final MongoTemplate mongo;
    private final CampaignIncidentClaims claims;
    private final ObservableSightings sightings;
    private final StreamImpacts streamImpacts;

    Campaigns(
            EventStore eventStore,
            ImpactStore impacts,
            ImpactHistory history,
            ImpactCalculator calculator,
            MongoTemplate mongo,
            CampaignIncidentClaims claims,
            ObservableSightings sightings,
            StreamImpacts streamImpacts) {
        this.streamImpacts = streamImpacts;
        this.sightings = sightings;
        this.eventStore = eventStore;
        this.impacts = impacts;
        this.history = history;
        this.calculator = calculator;
        this.mongo = mongo;
        this.claims = claims;
    }

    public Optional<CampaignView> find(String campaignId, Instant now) {
        List<? extends DomainEventMessage<?>> events = stream(campaignId);
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof CampaignOpenedEvent opened)) {
            return Optional.empty();
        }
        Map<String, CampaignView.LinkedIncident> linked = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof IncidentLinkedToCampaignEvent e) {
                linked.put(
                        e.incidentId(),
                        new CampaignView.LinkedIncident(
                                e.incidentId(), e.region(), event.getTimestamp(), actor(event)));
            } else if (event.getPayload() instanceof IncidentUnlinkedFromCampaignEvent e) {
                linked.remove(e.incidentId());
            }
        }
        DomainEventMessage<?> first = events.get(0);
        CampaignView view = new CampaignView(
                opened.campaignId(),
                opened.title(),
                opened.description(),
                first.getTimestamp(),
                actor(first),
                new ArrayList<>(linked.values()),
                events.get(events.size() - 1).getSequenceNumber(),
                null,
                opened.exerciseId());
        // an exercise's incidents are none of the national picture's: their impact is folded from their streams
        List<IncidentImpact> linkedImpacts =
                opened.exerciseId() == null ? impacts.byIds(linked.keySet()) : streamImpacts.of(linked.keySet());
        return Optional.of(view.withImpact(calculator.compute(linkedImpacts, impacts.position(), now, false)));
    }

    /**
     * Every campaign of {@code exerciseId} (null: every real one), the most recently opened first, at most
     * {@code limit}: each read from its own stream, as {@link #find} does.
     */
    public List<CampaignView> all(Instant now, int limit, String exerciseId) {
        org.springframework.data.mongodb.core.query.Query newestFirst =
                new org.springframework.data.mongodb.core.query.Query(
                                org.springframework.data.mongodb.core.query.Criteria.where("exerciseId")
                                        .is(exerciseId))
                        .with(org.springframework.data.domain.Sort.by(
                                org.springframework.data.domain.Sort.Direction.DESC, "openedAt"))
                        .limit(limit);
        return mongo.find(newestFirst, Document.class, CampaignDirectoryProjection.COLLECTION).stream()
                .map(d -> find(d.getString("_id"), now))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Whether a campaign was opened with this id: its first event only, without building its view. */
    public boolean exists(String campaignId) {
        return firstEvent(campaignId)
                .filter(payload -> payload instanceof CampaignOpenedEvent)
                .isPresent();
    }

    /** The payload of an aggregate's first event, read without loading the rest of its stream. */
    private Optional<Object> firstEvent(String aggregateId) {
        if (!AggregateIds.isWellFormed(aggregateId)) {
            return Optional.empty();
        }
        try (var events = eventStore.readEvents(aggregateId, 0).asStream()) {
            return events.findFirst().map(DomainEventMessage::getPayload);
        }
    }

    /**
     * The region of an incident reported in {@code exerciseId} (null: a real one), read from its own stream (empty when
     * there is none): an exercise's incident is none of a real campaign's, nor a real one an exercise's.
     */
    public Optional<Region> incidentRegion(String incidentId, String exerciseId) {
        return firstEvent(incidentId)
                .filter(payload -> payload instanceof IncidentEvent)
                .filter(payload -> java.util.Objects.equals(
                        payload instanceof IncidentReportedEvent reported ? reported.exerciseId() : null, exerciseId))
                .map(payload -> ((IncidentEvent) payload).region());
    }

    /** The exercise a campaign was opened in (empty: a real one, or no such campaign). */
    public Optional<String> exerciseOf(String campaignId) {
        return firstEvent(campaignId)
                .filter(payload -> payload instanceof CampaignOpenedEvent)
                .map(payload -> ((CampaignOpenedEvent) payload).exerciseId());
    }

    /** The campaign an incident is linked to, if any: the command side's claim, current with every committed link. */
    public Optional<String> campaignOf(String incidentId) {
        return claims.campaignOf(incidentId);
    }

    /**
     * The suggestions of the kinds asked for. Those by time window need every incident's impact (one such whole
     * picture at a time); those by shared values read only the values seen in two or more regions and the impacts
     * of the incidents they join.
     */
    public List<CampaignSuggestion> suggestions(java.util.Set<CampaignSuggestion.Basis> kinds) {
        Set<String> linked = mongo.findAll(Document.class, CampaignLinksProjection.COLLECTION).stream()
                .map(d -> d.getString("_id"))
                .collect(Collectors.toSet());
        List<CampaignSuggestion> suggestions = new ArrayList<>();
        if (kinds.contains(CampaignSuggestion.Basis.SAME_VECTOR_WITHIN_SEVEN_DAYS)) {
            suggestions.addAll(history.holdingWholePicture(() -> SuggestionFinder.find(impacts.all(), linked)));
        }
        if (kinds.contains(CampaignSuggestion.Basis.SHARED_OBSERVABLES)) {
            Map<String, List<fr.ars.coord.region.observable.Sighting>> shared = sightings.sharedByValue();
            Set<String> joined = shared.values().stream()
                    .flatMap(List::stream)
                    .map(fr.ars.coord.region.observable.Sighting::incidentId)
                    .filter(id -> !linked.contains(id))
                    .collect(Collectors.toSet());
            suggestions.addAll(ObservableSuggestionFinder.find(shared, linked, impacts.outlines(joined)));
        }
        return suggestions;
    }

    private List<? extends DomainEventMessage<?>> stream(String aggregateId) {
        if (!AggregateIds.isWellFormed(aggregateId)) {
            return List.of();
        }
        return eventStore.readEvents(aggregateId).asStream().toList();
    }

    private static Actor actor(DomainEventMessage<?> event) {
        return Actor.fromMetaData(event.getMetaData());
    }
}
