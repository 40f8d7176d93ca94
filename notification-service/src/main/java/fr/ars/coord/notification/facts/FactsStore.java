package fr.ars.coord.notification.facts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.incident.IncidentEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The facts communiqués are written from: one document per incident, one per national campaign. */
@Component
public class FactsStore {

    static final String CAMPAIGNS = "campaign_facts";

    private final MongoTemplate mongo;

    public FactsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<IncidentFacts> find(String incidentId) {
        return Optional.ofNullable(mongo.findById(incidentId, IncidentFacts.class, IncidentFacts.COLLECTION));
    }

    /** Merges the event into the incident's facts; returns them as they were before (if any) and after. */
    public Merged merge(IncidentEvent event, long sequence, String eventId) {
        Optional<IncidentFacts> before = find(event.incidentId());
        IncidentFacts after = before.map(existing -> existing.merge(event, sequence, eventId))
                .orElseGet(() -> IncidentFacts.first(event, sequence, eventId));
        mongo.save(after, IncidentFacts.COLLECTION);
        return new Merged(before.orElse(null), after);
    }

    public record Merged(IncidentFacts before, IncidentFacts after) {
        public boolean exposesPersonalData() {
            return after.exposesPersonalData() || (before != null && before.exposesPersonalData());
        }
    }

    public List<IncidentFacts> ofRegion(String region) {
        return mongo.find(Query.query(where("region").is(region)), IncidentFacts.class, IncidentFacts.COLLECTION);
    }

    public List<IncidentFacts> byIds(Collection<String> ids) {
        return mongo.find(Query.query(where("_id").in(ids)), IncidentFacts.class, IncidentFacts.COLLECTION);
    }

    public void openCampaign(String campaignId, String title) {
        mongo.upsert(Query.query(where("_id").is(campaignId)), new Update().set("title", title), CAMPAIGNS);
    }

    public void link(String campaignId, String incidentId, String eventId) {
        mongo.upsert(Query.query(where("_id").is(campaignId)), new Update().set("links." + incidentId, eventId),
                CAMPAIGNS);
    }

    public void unlink(String campaignId, String incidentId) {
        mongo.updateFirst(Query.query(where("_id").is(campaignId)), new Update().unset("links." + incidentId),
                CAMPAIGNS);
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
    public record CampaignFacts(String campaignId, String title, Map<String, String> links) {
    }
}
