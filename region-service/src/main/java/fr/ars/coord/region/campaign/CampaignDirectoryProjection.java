package fr.ars.coord.region.campaign;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import java.time.Instant;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which campaigns exist (one document per campaign: its id and when it was opened), for listing them. A new
 * processing group: on its first start it reads the store from the first event, so campaigns opened before it
 * existed are listed too. Each campaign's content is still read from its own stream.
 */
@Component
@ProcessingGroup("campaign-directory")
class CampaignDirectoryProjection {

    static final String COLLECTION = "campaign_directory";

    private final MongoTemplate mongo;

    CampaignDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CampaignOpenedEvent event, @Timestamp Instant openedAt) {
        mongo.upsert(
                Query.query(where("_id").is(event.campaignId())),
                new Update().set("openedAt", Date.from(openedAt)).set("exerciseId", event.exerciseId()),
                COLLECTION);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
