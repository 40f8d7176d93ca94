package fr.ars.coord.contracts.delivery;

import org.axonframework.serialization.Revision;

/** Every attempt failed: the delivery waits for someone to look at it. */
@Revision("1")
public record DeliveryParkedEvent(String deliveryId, int attempts, String lastOutcome) implements DeliveryEvent {}
