package fr.ars.coord.notification.channel;

import java.time.Instant;
import java.util.List;

/** A receiver of publications: all regions when {@code regions} is empty; national communiqués go to all. */
public record WebhookSubscription(String id, String url, String secret, List<String> regions, Instant createdAt,
                                  String createdBy) {

    public boolean wants(String region) {
        return region == null || regions.isEmpty() || regions.contains(region);
    }
}
