package fr.ars.coord.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ars.notifications.*}: publication policy and channels. */
@ConfigurationProperties("ars.notifications")
public record NotificationProperties(boolean autoPublish, List<String> pressList, String mailFrom,
                                     String publicBaseUrl, Delivery delivery, Webhooks webhooks) {

    public NotificationProperties {
        pressList = pressList == null ? List.of() : pressList.stream().filter(a -> !a.isBlank()).toList();
        webhooks = webhooks == null ? new Webhooks(true, List.of()) : webhooks;
    }

    /**
     * Where webhooks may go: {@code https} only unless {@code requireHttps} is false (development); public
     * addresses only, plus the host names and CIDR ranges of {@code allowedTargets}.
     */
    public record Webhooks(boolean requireHttps, List<String> allowedTargets) {
    }

    public record Delivery(int maxAttempts, Duration firstBackoff, long pollIntervalMs, Duration webhookTimeout) {
    }
}
