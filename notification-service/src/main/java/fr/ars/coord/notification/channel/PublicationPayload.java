package fr.ars.coord.notification.channel;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;

/** What a webhook receives for one publication; the same delivery id on every retry. */
public record PublicationPayload(String deliveryId, Communique communique, String event) {

    public PublicationPayload(String deliveryId, Communique communique) {
        this(deliveryId, communique, WebhookSubscription.COMMUNIQUE_PUBLISHED);
    }

    /**
     * @param url the communiqué as JSON; @param page its public page, for people (none for an exercise's);
     * @param exerciseId the exercise it was published in, absent for a real one
     */
    public record Communique(
            String id,
            CommuniqueScope scope,
            Region region,
            String campaignId,
            String title,
            String body,
            List<Statement> statements,
            Instant publishedAt,
            String supersedes,
            String url,
            @JsonInclude(JsonInclude.Include.NON_NULL) String page,
            @JsonInclude(JsonInclude.Include.NON_NULL) String exerciseId) {}
}
