package fr.ars.coord.notification.delivery;

import fr.ars.coord.contracts.communique.CommuniqueApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.delivery.DeliveryChannel;
import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.notification.channel.WebhookSubscription;
import fr.ars.coord.notification.channel.WebhookSubscriptions;
import fr.ars.coord.notification.communique.CommuniqueCommands.PublishCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueCommands.SupersedeCommuniqueCommand;
import fr.ars.coord.notification.communique.CommuniqueStreams;
import fr.ars.coord.notification.config.NotificationProperties;
import fr.ars.coord.notification.config.ServiceActor;
import fr.ars.coord.notification.delivery.DeliveryCommands.ScheduleDeliveryCommand;
import fr.ars.coord.notification.subscription.PublicSubscriptions;
import fr.ars.coord.notification.subscription.SubscriptionScope;
import fr.ars.coord.notification.writing.CurrentDrafts;
import fr.ars.coord.notification.writing.Draft;
import fr.ars.coord.platform.command.IdempotentCommands;
import fr.ars.coord.platform.rules.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a publication into deliveries, one per matching webhook subscription, per press address and per confirmed
 * public subscriber of its region (or of the national communiqués, for a national or campaign one), each with
 * a delivery id derived from the communiqué and the target (so a repeated event schedules nothing twice); an
 * exercise's communiqué to the webhook subscriptions of that exercise alone (its feed shows it too); marks
 * the communiqué a correction replaces as superseded; publishes approved communiqués itself when the
 * auto-publish policy is on.
 */
@Component
@ProcessingGroup("publication-dispatch")
class PublicationDispatch {

    private static final Logger log = LoggerFactory.getLogger(PublicationDispatch.class);

    private final IdempotentCommands commands;
    private final WebhookSubscriptions subscriptions;
    private final NotificationProperties properties;
    private final CommuniqueStreams communiques;
    private final CurrentDrafts drafts;
    private final PublicSubscriptions subscribers;
    private final NewDeliveries newDeliveries;

    PublicationDispatch(
            IdempotentCommands commands,
            WebhookSubscriptions subscriptions,
            PublicSubscriptions subscribers,
            NotificationProperties properties,
            CommuniqueStreams communiques,
            CurrentDrafts drafts,
            NewDeliveries newDeliveries) {
        this.newDeliveries = newDeliveries;
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.communiques = communiques;
        this.drafts = drafts;
        this.subscribers = subscribers;
    }

    static String deliveryId(String communiqueId, DeliveryChannel channel, String target) {
        return UUID.nameUUIDFromBytes((communiqueId + "|" + channel + "|" + target).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @EventHandler
    void on(CommuniquePublishedEvent event, @MetaDataValue(ExerciseTag.METADATA_KEY) String exerciseId) {
        if (event.supersedes() != null) {
            send(new SupersedeCommuniqueCommand(event.supersedes(), event.communiqueId()));
        }
        for (WebhookSubscription subscription : subscriptions.active()) {
            if (subscription.wants(event.region(), exerciseId)) {
                schedule(event.communiqueId(), DeliveryChannel.WEBHOOK, subscription.id());
            }
        }
        if (exerciseId != null) {
            // an exercise's communiqué goes to its feed and its own subscriptions alone: no press address, no public
            // subscriber
            return;
        }
        for (String address : properties.pressList()) {
            schedule(event.communiqueId(), DeliveryChannel.EMAIL, address);
        }
        for (UUID subscriber : subscribers.confirmed(SubscriptionScope.of(event.region()))) {
            schedule(event.communiqueId(), DeliveryChannel.SUBSCRIBER, subscriber.toString());
        }
    }

    @EventHandler
    void on(CommuniqueApprovedEvent event) {
        if (!properties.autoPublish()) {
            return;
        }
        communiques.find(event.communiqueId()).ifPresent(view -> {
            String current = drafts.forScope(view.scope(), view.region(), view.campaignId(), view.exerciseId())
                    .map(Draft::digest)
                    .orElse(null);
            try {
                send(new PublishCommuniqueCommand(view.id(), current));
            } catch (RuleViolationException notPublishable) {
                log.info("communiqué {} not published automatically: {}", view.id(), notPublishable.getMessage());
            }
        });
    }

    private void schedule(String communiqueId, DeliveryChannel channel, String target) {
        try {
            String id = deliveryId(communiqueId, channel, target);
            send(new ScheduleDeliveryCommand(id, communiqueId, channel, target));
            if (channel == DeliveryChannel.WEBHOOK) {
                newDeliveries.scheduled(id);
            }
        } catch (AggregateStreamCreationException alreadyScheduled) {
            log.debug("delivery of {} to {} already scheduled", communiqueId, target);
        }
    }

    private void send(Object command) {
        commands.send(command, ServiceActor.ACTOR);
    }
}
