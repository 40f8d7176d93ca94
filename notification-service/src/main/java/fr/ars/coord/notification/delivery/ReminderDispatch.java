package fr.ars.coord.notification.delivery;

import fr.ars.coord.contracts.delivery.DeliveryChannel;
import fr.ars.coord.contracts.delivery.ObligationReminder;
import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent;
import fr.ars.coord.notification.channel.WebhookSubscription;
import fr.ars.coord.notification.channel.WebhookSubscriptions;
import fr.ars.coord.notification.config.NotificationProperties;
import fr.ars.coord.notification.config.ServiceActor;
import fr.ars.coord.notification.delivery.DeliveryCommands.ScheduleDeliveryCommand;
import fr.ars.coord.platform.command.IdempotentCommands;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns each obligation reminder recorded by an incident into deliveries: a signed webhook event to every
 * subscription that asked for its type and covers the region, an e-mail to the region's contact list and, when the
 * obligation is overdue, to the national cell's. Each delivery's id derives from the reminder and the target, so a
 * reminder handled twice (a replay, a segment taken over by another instance) schedules nothing twice. An exercise's
 * reminder goes to the subscriptions of that exercise alone.
 */
@Component
@ProcessingGroup("reminder-dispatch")
class ReminderDispatch {

    private static final Logger log = LoggerFactory.getLogger(ReminderDispatch.class);

    private final IdempotentCommands commands;
    private final WebhookSubscriptions subscriptions;
    private final NotificationProperties properties;
    private final NewDeliveries newDeliveries;

    ReminderDispatch(
            IdempotentCommands commands,
            WebhookSubscriptions subscriptions,
            NotificationProperties properties,
            NewDeliveries newDeliveries) {
        this.newDeliveries = newDeliveries;
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.properties = properties;
    }

    static String deliveryId(ObligationReminder reminder, DeliveryChannel channel, String target) {
        return UUID.nameUUIDFromBytes(
                        ("reminder|" + reminder.key() + "|" + channel + "|" + target).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @EventHandler
    void on(
            ObligationReminderRecordedEvent event,
            @Timestamp Instant recordedAt,
            @MetaDataValue(ExerciseTag.METADATA_KEY) String exerciseId) {
        ObligationReminder reminder = new ObligationReminder(
                event.incidentId(),
                event.region(),
                event.code(),
                event.stage(),
                event.startedAt(),
                event.dueAt(),
                recordedAt,
                exerciseId);
        for (WebhookSubscription subscription : subscriptions.active()) {
            if (subscription.wants(event.stage().eventType(), event.region(), exerciseId)) {
                schedule(reminder, DeliveryChannel.WEBHOOK, subscription.id());
            }
        }
        if (exerciseId != null) {
            // an exercise's reminders reach its own subscriptions alone: never the regions' or the cell's addresses
            return;
        }
        Set<String> addresses = new LinkedHashSet<>(properties.reminders().contactsOf(event.region()));
        if (event.stage().escalated()) {
            addresses.addAll(properties.reminders().nationalContacts());
        }
        addresses.forEach(address -> schedule(reminder, DeliveryChannel.EMAIL, address));
    }

    private void schedule(ObligationReminder reminder, DeliveryChannel channel, String target) {
        try {
            String id = deliveryId(reminder, channel, target);
            commands.send(new ScheduleDeliveryCommand(id, null, channel, target, reminder), ServiceActor.ACTOR);
            if (channel == DeliveryChannel.WEBHOOK) {
                newDeliveries.scheduled(id);
            }
        } catch (AggregateStreamCreationException alreadyScheduled) {
            log.debug("reminder {} to {} already scheduled", reminder.key(), target);
        }
    }
}
