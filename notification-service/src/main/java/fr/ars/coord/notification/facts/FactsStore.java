package fr.ars.coord.notification.facts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.incident.IncidentEvent;
import fr.ars.coord.contracts.region.Region;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The facts communiqués are written from: one document per incident, one per national campaign. */
@Component
public class FactsStore {

    static final String CAMPAIGNS = "campaign_facts";
    /** The incidents whose facts the region's e-health group recorded (some of them): whom to propose as co-issuer. */
    static final String RECORDERS = "incident_recorders";

    private final MongoTemplate mongo;
    private final EventStore eventStore;

    public FactsStore(MongoTemplate mongo, EventStore eventStore) {
        this.mongo = mongo;
        this.eventStore = eventStore;
    }

    /**
     * Merges one incident event into the incident's facts: the stored facts with this event, as the national
     * projection merges them (latest by sequence, order and repetition changing nothing). An incident whose earlier
     * events this store does not hold (one recorded before facts were kept for every incident, or a document of an
     * earlier layout) is folded once from its stream. Returns the facts when they matter to a communiqué: the
     * incident exposes patient data now, or did before this event.
     */
    public Optional<IncidentFacts> refresh(IncidentEvent event, long sequence, String eventId) {
        IncidentFacts stored = mongo.findById(event.incidentId(), IncidentFacts.class, IncidentFacts.COLLECTION);
        IncidentFacts facts;
        if (stored != null && stored.current()) {
            facts = stored.merge(event, sequence, eventId);
        } else if (stored == null && sequence == 0) {
            facts = IncidentFacts.first(event, sequence, eventId);
        } else {
            facts = fold(event.incidentId(), stored);
        }
        if (facts == null) {
            return Optional.empty();
        }
        if (!facts.equals(stored)) {
            mongo.save(facts, IncidentFacts.COLLECTION);
        }
        boolean mattered = stored != null && stored.exposesPersonalData();
        return mattered || facts.exposesPersonalData() ? Optional.of(facts) : Optional.empty();
    }

    /**
     * {@code stored} with the events of its incident's stream it does not hold yet: those after its version, or
     * every one when there is no document or it has an earlier layout. Returns {@code stored} itself when there is
     * nothing new.
     */
    private IncidentFacts fold(String incidentId, IncidentFacts stored) {
        IncidentFacts facts = stored != null && stored.current() ? stored : null;
        try (var events = eventStore
                .readEvents(incidentId, facts == null ? 0 : facts.version() + 1)
                .asStream()) {
            for (Iterator<? extends DomainEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                DomainEventMessage<?> message = it.next();
                if (message.getPayload() instanceof IncidentEvent e) {
                    facts = facts == null
                            ? IncidentFacts.first(e, message.getSequenceNumber(), message.getIdentifier())
                            : facts.merge(e, message.getSequenceNumber(), message.getIdentifier());
                }
            }
        }
        return facts == null ? stored : facts;
    }

    /** The region's e-health group (GRADeS) recorded facts of this incident (of {@code exerciseId}, or real). */
    public void recordedByGrades(String incidentId, Region region, String exerciseId) {
        mongo.upsert(
                Query.query(where("_id").is(incidentId)),
                new Update().set("region", region.code()).set("grades", true).set("exerciseId", exerciseId),
                RECORDERS);
    }

    /** Whether the region's e-health group recorded facts of any of its incidents (of {@code exerciseId}, or real). */
    public boolean gradesRecordedIn(Region region, String exerciseId) {
        return mongo.exists(
                Query.query(where("region")
                        .is(region.code())
                        .and("grades")
                        .is(true)
                        .and("exerciseId")
                        .is(exerciseId)),
                RECORDERS);
    }

    /** The region's incidents of {@code exerciseId}, or its real ones ({@code exerciseId} null): the two never mix. */
    public List<IncidentFacts> ofRegion(Region region, String exerciseId) {
        return current(mongo.find(
                Query.query(where("region").is(region.code()).and("exerciseId").is(exerciseId)),
                IncidentFacts.class,
                IncidentFacts.COLLECTION));
    }

    public List<IncidentFacts> byIds(Collection<String> ids) {
        return current(mongo.find(Query.query(where("_id").in(ids)), IncidentFacts.class, IncidentFacts.COLLECTION));
    }

    /**
     * The documents read, those of an earlier layout folded again from their incident's stream, so a communiqué
     * never speaks from facts that miss what was recorded before the upgrade. The folded document replaces the
     * stored one only if that is still the one read (same version, earlier layout): drafting, which writes the facts
     * after each event, is never overwritten by an older fold.
     */
    private List<IncidentFacts> current(List<IncidentFacts> read) {
        if (read.stream().allMatch(IncidentFacts::current)) {
            return read;
        }
        List<IncidentFacts> facts = new ArrayList<>(read.size());
        for (IncidentFacts stored : read) {
            if (stored.current()) {
                facts.add(stored);
                continue;
            }
            IncidentFacts folded = fold(stored.incidentId(), stored);
            if (folded != stored) {
                mongo.findAndReplace(
                        Query.query(where("_id")
                                .is(stored.incidentId())
                                .and("version")
                                .is(stored.version())
                                .and("layout")
                                .not()
                                .gte(IncidentFacts.LAYOUT)),
                        folded,
                        IncidentFacts.COLLECTION);
            }
            facts.add(folded);
        }
        return facts;
    }

    public void openCampaign(String campaignId, String title) {
        mongo.upsert(Query.query(where("_id").is(campaignId)), new Update().set("title", title), CAMPAIGNS);
    }

    public void link(String campaignId, String incidentId, String eventId) {
        mongo.upsert(
                Query.query(where("_id").is(campaignId)), new Update().set("links." + incidentId, eventId), CAMPAIGNS);
    }

    public void unlink(String campaignId, String incidentId) {
        mongo.updateFirst(
                Query.query(where("_id").is(campaignId)), new Update().unset("links." + incidentId), CAMPAIGNS);
    }

    /** The campaigns an incident is linked to. */
    public List<String> campaignsOf(String incidentId) {
        List<String> ids = new ArrayList<>();
        mongo.find(Query.query(where("links." + incidentId).exists(true)), Document.class, CAMPAIGNS)
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    public Optional<CampaignFacts> campaign(String campaignId) {
        Document doc = mongo.findById(campaignId, Document.class, CAMPAIGNS);
        if (doc == null) {
            return Optional.empty();
        }
        Map<String, String> links = new LinkedHashMap<>();
        Document stored = doc.get("links", Document.class);
        if (stored != null) {
            stored.forEach((incident, event) -> links.put(incident, String.valueOf(event)));
        }
        return Optional.of(new CampaignFacts(campaignId, doc.getString("title"), links));
    }

    /** A national campaign: its title and linked incidents (incident id to the id of the linking event). */
    public record CampaignFacts(String campaignId, String title, Map<String, String> links) {}
}
