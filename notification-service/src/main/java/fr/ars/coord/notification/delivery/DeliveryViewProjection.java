package fr.ars.coord.notification.delivery;

import fr.ars.coord.contracts.delivery.DeliveryEvent;
import fr.ars.coord.notification.communique.CommuniqueViewProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery log in MongoDB, in the communiqué list's processing group (one token for both, as the
 * store has always kept it): each delivery refreshed from its own stream. A delivery written as pending wakes this
 * instance's worker: its first attempt follows at once rather than at the worker's next round.
 */
@Component
@ProcessingGroup(CommuniqueViewProjection.PROCESSING_GROUP)
class DeliveryViewProjection {

    private final DeliveryViewStore deliveries;
    private final DeliveryWorker worker;

    DeliveryViewProjection(DeliveryViewStore deliveries, DeliveryWorker worker) {
        this.deliveries = deliveries;
        this.worker = worker;
    }

    @EventHandler
    void on(DeliveryEvent event) {
        deliveries
                .refresh(event.deliveryId())
                .filter(view -> view.status().equals("PENDING"))
                .ifPresent(view -> worker.wake());
    }

    @ResetHandler
    void reset() {
        deliveries.clear();
    }
}
