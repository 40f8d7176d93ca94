package fr.ars.coord.notification.delivery;

import fr.ars.coord.contracts.delivery.DeliveryChannel;
import fr.ars.coord.notification.channel.EmailSender;
import fr.ars.coord.notification.channel.PublicationPayload;
import fr.ars.coord.notification.channel.ReminderPayload;
import fr.ars.coord.notification.channel.WebhookSender;
import fr.ars.coord.notification.channel.WebhookSubscriptions;
import fr.ars.coord.notification.communique.CommuniqueStreams;
import fr.ars.coord.notification.communique.CommuniqueView;
import fr.ars.coord.notification.communique.CommuniqueViewStore;
import fr.ars.coord.notification.config.NotificationProperties;
import fr.ars.coord.notification.config.ServiceActor;
import fr.ars.coord.notification.delivery.DeliveryCommands.RecordDeliveryAttemptCommand;
import fr.ars.coord.notification.subscription.PublicSubscription;
import fr.ars.coord.notification.subscription.PublicSubscriptions;
import fr.ars.coord.notification.subscription.SubscriptionProperties;
import fr.ars.coord.notification.subscription.SubscriptionTokens;
import fr.ars.coord.platform.command.IdempotentCommands;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Attempts due deliveries (of communiqués and of obligation reminders), several at once ({@code
 * ars.notifications.delivery.concurrency}, so that a receiver answering slowly or not at all holds one attempt up to
 * the webhook timeout, not every delivery behind it), each under its lease (one instance at a time, see {@link
 * DeliveryLeases}). Before each attempt it re-reads the delivery's own stream, so one
 * recorded as delivered is never sent again; after it, the result is recorded as an event. Failures are
 * retried with exponential backoff, then parked. A crash between sending and recording means one more
 * attempt after restart, with the same delivery id for the receiver to recognise. Mails to public subscribers go out
 * at most {@code ars.public-subscriptions.communique-mails-per-second} per instance (the others wait for the next
 * round), so that a publication to thousands of subscribers neither floods the SMTP server nor holds the webhooks
 * back for long; one to a subscription gone meanwhile, or to a webhook revoked, is parked at once.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryViewStore deliveries;
    private final CommuniqueStreams communiques;
    private final CommuniqueViewStore list;
    private final WebhookSubscriptions subscriptions;
    private final WebhookSender webhooks;
    private final EmailSender email;
    private final IdempotentCommands commands;
    private final NotificationProperties properties;
    private final Clock clock;
    private final DeliveryLeases leases;
    /** How much longer than the webhook timeout an attempt may hold its lease (sending mail, recording). */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(25);
    /** Outcomes no retry can change: the delivery is parked at its first attempt. */
    private static final String REVOKED = "subscription revoked";

    private static final String GONE = "subscription no longer exists";
    private static final String UNSUBSCRIBED = "unsubscribed";
    private static final Set<String> FINAL = Set.of(REVOKED, GONE, UNSUBSCRIBED);

    private final PublicSubscriptions subscribers;
    private final SubscriptionTokens tokens;
    private final SubscriptionProperties subscriberPolicy;
    private long rateSecond;
    private int sentThisSecond;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService woken = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delivery-wake-up");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService attempts;
    private final java.util.concurrent.Semaphore freeAttempts;
    private final Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean roundCutShort = new AtomicBoolean();

    DeliveryWorker(
            DeliveryViewStore deliveries,
            CommuniqueStreams communiques,
            CommuniqueViewStore list,
            WebhookSubscriptions subscriptions,
            WebhookSender webhooks,
            EmailSender email,
            IdempotentCommands commands,
            NotificationProperties properties,
            Clock clock,
            DeliveryLeases leases,
            PublicSubscriptions subscribers,
            SubscriptionTokens tokens,
            SubscriptionProperties subscriberPolicy) {
        this.leases = leases;
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.subscriberPolicy = subscriberPolicy;
        this.deliveries = deliveries;
        this.communiques = communiques;
        this.list = list;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.email = email;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        this.freeAttempts =
                new java.util.concurrent.Semaphore(properties.delivery().concurrency());
        this.attempts = Executors.newFixedThreadPool(properties.delivery().concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "delivery-attempt-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A delivery was just written as pending: the due ones are attempted now, on a thread of their own (wake-ups
     * arriving meanwhile make one more round, not one each), rather than at the next scheduled round.
     */
    void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                woken.execute(() -> {
                    wakeQueued.set(false);
                    deliverDue();
                });
            } catch (RejectedExecutionException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    @PreDestroy
    void stop() {
        woken.shutdownNow();
        attempts.shutdownNow();
    }

    /**
     * One round at a time, woken or scheduled (the scheduled rounds are the fallback and the retries' clock): each due
     * delivery is handed to a free attempt thread once this instance holds its lease. A round does not wait for its
     * attempts: a delivery published while a receiver keeps one waiting starts at once on another thread. When every
     * thread is busy, the round stops there, and the next attempt to end starts one more round.
     */
    @Scheduled(fixedDelayString = "${ars.notifications.delivery.poll-interval-ms:500}")
    synchronized void deliverDue() {
        for (DeliveryView candidate : deliveries.due(clock.instant())) {
            if (inFlight.contains(candidate.id())) {
                continue; // attempted by this instance right now
            }
            if (!freeAttempts.tryAcquire()) {
                roundCutShort.set(true);
                return;
            }
            // another instance attempting it now has its lease: not sent twice at the same time
            if ((candidate.channel() == DeliveryChannel.SUBSCRIBER && !subscriberMailAllowed())
                    || !leases.take(
                            candidate.id(),
                            properties.delivery().webhookTimeout().plus(LEASE_MARGIN))) {
                freeAttempts.release();
                continue;
            }
            inFlight.add(candidate.id());
            try {
                attempts.execute(() -> attemptLeased(candidate));
            } catch (RejectedExecutionException stopping) {
                inFlight.remove(candidate.id());
                freeAttempts.release();
                leases.giveBack(candidate.id());
                return;
            }
        }
    }

    /**
     * The delivery as its stream now says, attempted if still pending and due; then its lease given back, its thread
     * freed, and a round started if the last one was cut short for want of a thread.
     */
    private void attemptLeased(DeliveryView candidate) {
        try {
            java.util.Optional.of(deliveries.advance(candidate))
                    .filter(d -> d.status().equals("PENDING"))
                    .filter(d -> d.nextAttemptAt() == null || !d.nextAttemptAt().isAfter(clock.instant()))
                    .ifPresent(this::attempt);
        } catch (RuntimeException e) {
            log.warn("delivery {} not attempted: {}", candidate.id(), e.toString());
        } finally {
            try {
                leases.giveBack(candidate.id());
            } finally {
                inFlight.remove(candidate.id());
                freeAttempts.release();
                if (roundCutShort.getAndSet(false)) {
                    wake();
                }
            }
        }
    }

    private void attempt(DeliveryView delivery) {
        WebhookSender.Result result = delivery.reminder() != null ? remind(delivery) : publish(delivery);
        Duration backoff = properties.delivery().firstBackoff().multipliedBy(1L << Math.min(delivery.attempts(), 16));
        Instant next = clock.instant().plus(backoff);
        commands.send(
                new RecordDeliveryAttemptCommand(
                        delivery.id(),
                        result.delivered(),
                        result.outcome(),
                        FINAL.contains(result.outcome())
                                ? 1
                                : properties.delivery().maxAttempts(),
                        next),
                ServiceActor.ACTOR);
        if (!result.delivered()) {
            log.info("delivery {} attempt {} failed: {}", delivery.id(), delivery.attempts() + 1, result.outcome());
        }
    }

    private WebhookSender.Result remind(DeliveryView delivery) {
        ReminderPayload payload = ReminderPayload.of(delivery.id(), delivery.reminder(), properties.publicBaseUrl());
        if (delivery.channel() == DeliveryChannel.WEBHOOK) {
            return subscriptions
                    .find(delivery.target())
                    .map(subscription -> subscription.active()
                            ? webhooks.send(subscription, payload)
                            : new WebhookSender.Result(false, REVOKED))
                    .orElse(new WebhookSender.Result(false, GONE));
        }
        return email.send(delivery.target(), payload);
    }

    private WebhookSender.Result publish(DeliveryView delivery) {
        // the list's copy, brought forward with whatever its stream recorded since (usually nothing)
        CommuniqueView communique = communiques
                .advance(
                        delivery.communiqueId(),
                        list.stored(delivery.communiqueId()).orElse(null))
                .orElseThrow();
        PublicationPayload payload = new PublicationPayload(
                delivery.id(),
                new PublicationPayload.Communique(
                        communique.id(),
                        communique.scope(),
                        communique.region(),
                        communique.campaignId(),
                        communique.title(),
                        communique.body(),
                        communique.statements(),
                        communique.publishedAt(),
                        communique.supersedes(),
                        communique.exerciseId() == null
                                ? properties.publicBaseUrl() + "/api/public/communiques/" + communique.id()
                                : properties.publicBaseUrl() + "/api/communiques/" + communique.id(),
                        communique.exerciseId() == null
                                ? properties.publicBaseUrl() + "/public/communiques/" + communique.id()
                                : null,
                        communique.exerciseId()));
        if (delivery.channel() == DeliveryChannel.WEBHOOK) {
            return subscriptions
                    .find(delivery.target())
                    .map(subscription -> subscription.active()
                            ? webhooks.send(subscription, payload)
                            : new WebhookSender.Result(false, REVOKED))
                    .orElse(new WebhookSender.Result(false, GONE));
        }
        if (delivery.channel() == DeliveryChannel.SUBSCRIBER) {
            return toSubscriber(delivery.target(), payload);
        }
        return email.send(delivery.target(), payload);
    }

    /** To the subscription's address as it is now: none when its owner unsubscribed since the publication. */
    private WebhookSender.Result toSubscriber(String target, PublicationPayload payload) {
        Optional<PublicSubscription> subscriber;
        try {
            subscriber = subscribers.find(UUID.fromString(target)).filter(PublicSubscription::confirmed);
        } catch (IllegalArgumentException notAnId) {
            subscriber = Optional.empty();
        }
        return subscriber
                .map(s -> email.sendToSubscriber(
                        s.email(),
                        payload,
                        "Vous recevez ce courriel car vous êtes abonné "
                                + s.scope().subscribedTo() + ".",
                        properties.publicBaseUrl() + "/public/abonnement/desabonner?jeton="
                                + tokens.unsubscription(s.id())))
                .orElse(new WebhookSender.Result(false, UNSUBSCRIBED));
    }

    /** One more mail to a subscriber within this second's allowance of this instance. */
    private boolean subscriberMailAllowed() {
        long second = clock.millis() / 1000;
        if (second != rateSecond) {
            rateSecond = second;
            sentThisSecond = 0;
        }
        if (sentThisSecond >= subscriberPolicy.communiqueMailsPerSecond()) {
            return false;
        }
        sentThisSecond++;
        return true;
    }
}
