package fr.ars.coord.notification.query;

import fr.ars.coord.contracts.communique.CommuniqueEvent;
import fr.ars.coord.contracts.delivery.DeliveryEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the communiqué list and the delivery log in MongoDB. A communiqué's document is brought forward from its
 * stored version with the events recorded since (usually the one received), and kept only if newer than the
 * stored version, so repeats and replays converge and a lost write is made up by the next event.
 */
@Component
@ProcessingGroup("communique-views")
class CommuniqueViewProjection {

    private final CommuniqueStreams communiques;
    private final DeliveryViewStore deliveries;
    private final CommuniqueViewStore list;

    CommuniqueViewProjection(CommuniqueStreams communiques, DeliveryViewStore deliveries, CommuniqueViewStore list) {
        this.communiques = communiques;
        this.deliveries = deliveries;
        this.list = list;
    }

    @EventHandler
    void on(CommuniqueEvent event) {
        communiques.advance(event.communiqueId(), list.stored(event.communiqueId()).orElse(null)).ifPresent(list::save);
    }

    @EventHandler
    void on(DeliveryEvent event) {
        deliveries.refresh(event.deliveryId());
    }

    @ResetHandler
    void reset() {
        list.clear();
        deliveries.clear();
    }
}
