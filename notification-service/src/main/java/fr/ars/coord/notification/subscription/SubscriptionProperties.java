package fr.ars.coord.notification.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ars.public-subscriptions.*}: how long a confirmation link is valid, how often an address may be sent one,
 * the rates at which confirmation mails and communiqués go out, and the key unsubscription links are signed with
 * (empty: derived from the id secret every instance shares).
 */
@ConfigurationProperties("ars.public-subscriptions")
public record SubscriptionProperties(
        Duration confirmationValidity,
        Duration resendAfter,
        int mailsPerAddressPerDay,
        int confirmationMailsPerMinute,
        int communiqueMailsPerSecond,
        String tokenKey) {

    public SubscriptionProperties {
        confirmationValidity = confirmationValidity == null ? Duration.ofHours(24) : confirmationValidity;
        resendAfter = resendAfter == null ? Duration.ofMinutes(10) : resendAfter;
        mailsPerAddressPerDay = mailsPerAddressPerDay <= 0 ? 5 : mailsPerAddressPerDay;
        confirmationMailsPerMinute = confirmationMailsPerMinute <= 0 ? 120 : confirmationMailsPerMinute;
        communiqueMailsPerSecond = communiqueMailsPerSecond <= 0 ? 20 : communiqueMailsPerSecond;
        tokenKey = tokenKey == null ? "" : tokenKey;
    }
}
