package fr.ars.coord.contracts.delivery;

/**
 * The delivery of one published communiqué to one target (a webhook subscription or a mailbox). Its id is
 * stable, so retries, restarts included, reuse it.
 */
public sealed interface DeliveryEvent
        permits DeliveryScheduledEvent, DeliveryAttemptedEvent, DeliverySucceededEvent, DeliveryParkedEvent {

    String deliveryId();
}
