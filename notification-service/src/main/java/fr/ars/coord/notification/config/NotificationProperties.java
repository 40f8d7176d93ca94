package fr.ars.coord.notification.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ars.notifications.*}: publication policy and channels. */
@ConfigurationProperties("ars.notifications")
public record NotificationProperties(
        boolean autoPublish,
        List<String> pressList,
        String mailFrom,
        String publicBaseUrl,
        Delivery delivery,
        Webhooks webhooks,
        Reminders reminders) {

    public NotificationProperties {
        pressList = pressList == null
                ? List.of()
                : pressList.stream().filter(a -> !a.isBlank()).toList();
        webhooks = webhooks == null ? new Webhooks(true, List.of()) : webhooks;
        reminders = reminders == null ? new Reminders(null, List.of()) : reminders;
    }

    /**
     * Who is e-mailed the obligation reminders: each region's contact list ({@code regionContacts}, as
     * {@code FR-HDF=a@ars.example,b@ars.example;FR-NOR=c@ars.example}), and the national cell's for overdue ones.
     * A malformed list stops the service at start rather than leaving a region without its reminders.
     */
    public record Reminders(String regionContacts, List<String> nationalContacts) {

        public Reminders {
            nationalContacts = nationalContacts == null
                    ? List.of()
                    : nationalContacts.stream()
                            .map(String::strip)
                            .filter(a -> !a.isEmpty())
                            .toList();
            nationalContacts.forEach(Reminders::requireAddress);
            byRegion(regionContacts);
        }

        /** The addresses of {@code region}'s contact list. */
        public List<String> contactsOf(fr.ars.coord.contracts.region.Region region) {
            return byRegion(regionContacts).getOrDefault(region, List.of());
        }

        private static java.util.Map<fr.ars.coord.contracts.region.Region, List<String>> byRegion(String lists) {
            java.util.Map<fr.ars.coord.contracts.region.Region, List<String>> byRegion =
                    new java.util.EnumMap<>(fr.ars.coord.contracts.region.Region.class);
            fr.ars.coord.platform.obligation.RegionSetting.parse("ars.notifications.reminders.region-contacts", lists)
                    .forEach((region, addresses) -> {
                        List<String> list = java.util.Arrays.stream(addresses.split(","))
                                .map(String::strip)
                                .filter(a -> !a.isEmpty())
                                .toList();
                        list.forEach(Reminders::requireAddress);
                        byRegion.put(region, list);
                    });
            return byRegion;
        }

        private static void requireAddress(String address) {
            int at = address.indexOf('@');
            if (at < 1 || at != address.lastIndexOf('@') || at == address.length() - 1 || address.contains(" ")) {
                throw new IllegalArgumentException("ars.notifications.reminders: not an e-mail address: " + address);
            }
        }
    }

    /**
     * Where webhooks may go: {@code https} only unless {@code requireHttps} is false (development); public
     * addresses only, plus the host names and CIDR ranges of {@code allowedTargets}.
     */
    public record Webhooks(boolean requireHttps, List<String> allowedTargets) {}

    /**
     * @param concurrency deliveries attempted at once by one instance (default 8): a receiver that answers slowly, or
     *     not at all until the webhook timeout, holds one of them, not the deliveries behind it
     */
    public record Delivery(
            int maxAttempts, Duration firstBackoff, long pollIntervalMs, Duration webhookTimeout, Integer concurrency) {

        public Delivery {
            concurrency = concurrency == null ? 8 : concurrency;
            if (concurrency < 1 || concurrency > 64) {
                throw new IllegalArgumentException(
                        "ars.notifications.delivery.concurrency must be from 1 to 64, not " + concurrency);
            }
        }
    }
}
