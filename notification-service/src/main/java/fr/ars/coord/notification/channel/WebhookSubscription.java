package fr.ars.coord.notification.channel;

import fr.ars.coord.contracts.region.Region;
import java.time.Instant;
import java.util.List;

/**
 * A receiver of publications: all regions when {@code regions} is empty; national communiqués go to all. A
 * revoked subscription ({@code revokedAt} set) receives nothing more.
 */
public record WebhookSubscription(String id, String url, String secret, List<String> regions, Instant createdAt,
                                  String createdBy, Instant revokedAt, String revokedBy, String revocationReason) {

    public WebhookSubscription(String id, String url, String secret, List<String> regions, Instant createdAt,
                               String createdBy) {
        this(id, url, secret, regions, createdAt, createdBy, null, null, null);
    }

    public boolean active() {
        return revokedAt == null;
    }

    public boolean wants(Region region) {
        return region == null || regions.isEmpty() || regions.contains(region.code());
    }
}
