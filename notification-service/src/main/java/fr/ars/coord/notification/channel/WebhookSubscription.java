package fr.ars.coord.notification.channel;

import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A receiver of events: published communiqués ({@value #COMMUNIQUE_PUBLISHED}, public material) and, only when it
 * asks for them, obligation reminders ({@code obligation.due-soon}, {@code obligation.overdue}: material of the
 * organisations handling the incident). All regions when {@code regions} is empty; national communiqués go to all.
 * A revoked subscription ({@code revokedAt} set) receives nothing more. A subscription of an exercise ({@code exerciseId}
 * set) receives that exercise's communiqués and reminders only; one of none, real ones only: the two never mix.
 */
public record WebhookSubscription(
        String id,
        String url,
        String secret,
        List<String> regions,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        String revokedBy,
        String revocationReason,
        List<String> events,
        String exerciseId) {

    public static final String COMMUNIQUE_PUBLISHED = "communique.published";
    /** Every event type a subscription may ask for. */
    public static final List<String> EVENT_TYPES =
            List.of(COMMUNIQUE_PUBLISHED, ReminderStage.DUE_SOON.eventType(), ReminderStage.OVERDUE.eventType());

    public WebhookSubscription {
        events = events == null || events.isEmpty() ? List.of(COMMUNIQUE_PUBLISHED) : List.copyOf(events);
    }

    public WebhookSubscription(
            String id,
            String url,
            String secret,
            List<String> regions,
            Instant createdAt,
            String createdBy,
            List<String> events,
            String exerciseId) {
        this(id, url, secret, regions, createdAt, createdBy, null, null, null, events, exerciseId);
    }

    public boolean active() {
        return revokedAt == null;
    }

    /**
     * Whether a publication of {@code region} (null: national) in {@code exerciseId} (null: a real one) is for this
     * subscription.
     */
    public boolean wants(Region region, String exerciseId) {
        return wants(COMMUNIQUE_PUBLISHED, region, exerciseId);
    }

    /**
     * Whether an event of {@code eventType} about {@code region} (null: national) in {@code exerciseId} (null: a real
     * crisis) is for this subscription.
     */
    public boolean wants(String eventType, Region region, String exerciseId) {
        return Objects.equals(this.exerciseId, exerciseId)
                && events.contains(eventType)
                && (region == null || regions.isEmpty() || regions.contains(region.code()));
    }
}
