package fr.ars.coord.contracts.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

/**
 * The national cell opened a campaign; {@code exerciseId} names the exercise it was opened in (absent for a real one,
 * and from every campaign opened before exercises had campaigns).
 */
@Revision("1")
public record CampaignOpenedEvent(
        String campaignId,
        String title,
        String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId)
        implements CampaignEvent {

    /** A real campaign, as the releases before exercises recorded it. */
    public CampaignOpenedEvent(String campaignId, String title, String description) {
        this(campaignId, title, description, null);
    }
}
