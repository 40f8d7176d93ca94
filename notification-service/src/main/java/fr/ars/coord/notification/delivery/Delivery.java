package fr.ars.coord.notification.delivery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import fr.ars.coord.contracts.delivery.DeliveryAttemptedEvent;
import fr.ars.coord.contracts.delivery.DeliveryParkedEvent;
import fr.ars.coord.contracts.delivery.DeliveryScheduledEvent;
import fr.ars.coord.contracts.delivery.DeliverySucceededEvent;
import fr.ars.coord.notification.delivery.DeliveryCommands.RecordDeliveryAttemptCommand;
import fr.ars.coord.notification.delivery.DeliveryCommands.ScheduleDeliveryCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One published communiqué, or one obligation reminder, to one target. Every attempt and its result is an event; once delivered or parked,
 * further results change nothing.
 */
@Aggregate
class Delivery {

    @AggregateIdentifier
    private String deliveryId;

    private int attempts;
    private boolean finished;

    Delivery() {
        // rebuilt from events
    }

    @CommandHandler
    Delivery(ScheduleDeliveryCommand command) {
        apply(new DeliveryScheduledEvent(
                command.deliveryId(), command.communiqueId(), command.channel(), command.target(), command.reminder()));
    }

    @CommandHandler
    void handle(RecordDeliveryAttemptCommand command) {
        if (finished) {
            return;
        }
        int attempt = attempts + 1;
        if (command.delivered()) {
            apply(new DeliverySucceededEvent(deliveryId, attempt, command.outcome()));
        } else if (attempt >= command.maxAttempts()) {
            apply(new DeliveryAttemptedEvent(deliveryId, attempt, command.outcome(), null));
            apply(new DeliveryParkedEvent(deliveryId, attempt, command.outcome()));
        } else {
            apply(new DeliveryAttemptedEvent(deliveryId, attempt, command.outcome(), command.nextAttemptAt()));
        }
    }

    @EventSourcingHandler
    void on(DeliveryScheduledEvent event) {
        deliveryId = event.deliveryId();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptedEvent event) {
        attempts = event.attempt();
    }

    @EventSourcingHandler
    void on(DeliverySucceededEvent event) {
        attempts = event.attempt();
        finished = true;
    }

    @EventSourcingHandler
    void on(DeliveryParkedEvent event) {
        finished = true;
    }
}
