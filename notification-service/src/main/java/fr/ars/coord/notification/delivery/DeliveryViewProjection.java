package fr.ars.coord.notification.delivery;

import fr.ars.coord.contracts.delivery.DeliveryEvent;
import fr.ars.coord.notification.communique.CommuniqueViewProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log in MongoDB, in the communiqué list's processing group (one token for both, as the
 * store has always kept it): each delivery refreshed from its own stream.
 */
@Component
@ProcessingGroup(CommuniqueViewProjection.PROCESSING_GROUP)
class DeliveryViewProjection {

    private final DeliveryViewStore deliveries;

    DeliveryViewProjection(DeliveryViewStore deliveries) {
        this.deliveries = deliveries;
    }

    @EventHandler
    void on(DeliveryEvent event) {
        deliveries.refresh(event.deliveryId());
    }

    @ResetHandler
    void reset() {
        deliveries.clear();
    }
}
