package fr.ars.coord.region.campaign;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.campaign.IncidentUnlinkedFromCampaignEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which campaign each incident belongs to (one document per linked incident), for suggestions and for
 * refusing to link an incident to a second campaign. Keyed by incident; a later unlink removes it only if
 * it still points at that campaign, so replays converge.
 */
@Component
@ProcessingGroup("campaign-links")
class CampaignLinksProjection {

    static final String COLLECTION = "campaign_links";

    private final MongoTemplate mongo;

    CampaignLinksProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(IncidentLinkedToCampaignEvent event, @SequenceNumber long sequence) {
        mongo.upsert(
                Query.query(where("_id").is(event.incidentId())),
                new Update()
                        .set("campaignId", event.campaignId())
                        .set("region", event.region().code())
                        .set("sequence", sequence),
                COLLECTION);
    }

    @EventHandler
    void on(IncidentUnlinkedFromCampaignEvent event, @SequenceNumber long sequence) {
        mongo.remove(
                Query.query(where("_id")
                        .is(event.incidentId())
                        .and("campaignId")
                        .is(event.campaignId())
                        .and("sequence")
                        .lt(sequence)),
                COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
