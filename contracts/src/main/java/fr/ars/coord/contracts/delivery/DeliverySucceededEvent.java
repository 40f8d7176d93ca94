package fr.ars.coord.contracts.delivery;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DeliverySucceededEvent(String deliveryId, int attempt, String outcome) implements DeliveryEvent {}
