package fr.ars.coord.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ars.notifications.*}: publication policy and channels. */
@ConfigurationProperties("ars.notifications")
public record NotificationProperties(boolean autoPublish, List<String> pressList, String mailFrom,
                                     String publicBaseUrl, Delivery delivery) {

    public NotificationProperties {
        pressList = pressList == null ? List.of() : pressList.stream().filter(a -> !a.isBlank()).toList();
    }

    public record Delivery(int maxAttempts, Duration firstBackoff, long pollIntervalMs, Duration webhookTimeout) {
    }
}
