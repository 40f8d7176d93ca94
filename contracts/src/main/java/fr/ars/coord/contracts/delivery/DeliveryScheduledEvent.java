package fr.ars.coord.contracts.delivery;

import org.axonframework.serialization.Revision;

@Revision("1")
public record DeliveryScheduledEvent(String deliveryId, String communiqueId, DeliveryChannel channel, String target)
        implements DeliveryEvent {
}
