package fr.ars.coord.notification.subscription;

import fr.ars.coord.notification.channel.EmailSender;
import fr.ars.coord.notification.channel.WebhookSender;
import fr.ars.coord.notification.config.NotificationProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the confirmation mails asked for, oldest first, at most {@code confirmation-mails-per-minute} for the whole
 * platform (counted in the table, so several instances share the budget); forgets the addresses never confirmed once
 * their link expired. A mail the SMTP server refuses is tried again later, a few times.
 */
@Component
class ConfirmationMails {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationMails.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final PublicSubscriptions subscriptions;
    private final SubscriptionTokens tokens;
    private final EmailSender email;
    private final SubscriptionProperties properties;
    private final NotificationProperties notifications;
    private final Clock clock;

    ConfirmationMails(
            PublicSubscriptions subscriptions,
            SubscriptionTokens tokens,
            EmailSender email,
            SubscriptionProperties properties,
            NotificationProperties notifications,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.tokens = tokens;
        this.email = email;
        this.properties = properties;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ars.public-subscriptions.send-interval-ms:1000}")
    void sendWaiting() {
        int perMinute = properties.confirmationMailsPerMinute();
        int budget =
                Math.min(perMinute - subscriptions.mailsInLastMinute(clock.instant()), Math.max(1, perMinute / 30));
        for (int i = 0; i < budget; i++) {
            Instant now = clock.instant();
            Optional<PublicSubscriptions.ConfirmationMail> taken =
                    subscriptions.takeMail(tokens.confirmationToken(), now);
            if (taken.isEmpty()) {
                return;
            }
            WebhookSender.Result sent = send(taken.get(), now.plus(properties.confirmationValidity()));
            if (!sent.delivered()) {
                // the server is likely away: the others wait for the next round
                subscriptions.mailFailed(taken.get().id());
                log.warn(
                        "confirmation mail of subscription {} not sent: {}",
                        taken.get().id(),
                        sent.outcome());
                return;
            }
        }
    }

    @Scheduled(fixedDelayString = "${ars.public-subscriptions.purge-interval-ms:600000}", initialDelay = 60_000)
    void forgetUnconfirmed() {
        int forgotten = subscriptions.purge(clock.instant());
        if (forgotten > 0) {
            log.info("{} unconfirmed subscription(s) forgotten (their link expired)", forgotten);
        }
    }

    private WebhookSender.Result send(PublicSubscriptions.ConfirmationMail mail, Instant expires) {
        String link = notifications.publicBaseUrl() + "/public/abonnement/confirmer?jeton=" + mail.token();
        String text = "Bonjour,\n\n"
                + "Une demande d'abonnement " + mail.scope().subscribedTo()
                + " sur les cyber-incidents touchant les services numériques de santé a été faite avec cette adresse.\n\n"
                + "Pour la confirmer, ouvrez ce lien avant le " + WHEN.format(expires) + " :\n" + link + "\n\n"
                + "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : sans confirmation, votre adresse"
                + " sera effacée à cette échéance.\n\n"
                + "Les agences régionales de santé ne vous demanderont jamais votre mot de passe, un code reçu par SMS"
                + " ni vos coordonnées bancaires.\n";
        return email.send(
                mail.email(),
                "confirmation-" + java.util.UUID.randomUUID(),
                "Confirmez votre abonnement aux communiqués des ARS",
                text,
                Map.of("Auto-Submitted", "auto-generated"));
    }
}
