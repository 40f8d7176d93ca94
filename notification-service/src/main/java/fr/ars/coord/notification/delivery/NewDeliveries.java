package fr.ars.coord.notification.delivery;

import fr.ars.coord.platform.readmodel.BatchBuffer;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Webhook deliveries scheduled by a dispatch handler: once its unit of work has committed them, they are written to
 * the delivery log and this instance's worker is woken, so that a receiver waiting for a publication does not also
 * wait for the log's own processor (which writes the same deliveries later; the log keeps the higher version, so the
 * two writes agree whatever their order). Mails are left to the log's processor: they go out at the subscribers'
 * pace anyway. Nothing depends on this shortcut: should it fail, the processor and the worker's rounds still deliver.
 */
@Component
class NewDeliveries {

    private static final Logger log = LoggerFactory.getLogger(NewDeliveries.class);

    private final DeliveryViewStore deliveries;
    private final DeliveryWorker worker;
    private final BatchBuffer<String, Boolean> scheduled;

    NewDeliveries(DeliveryViewStore deliveries, DeliveryWorker worker) {
        this.deliveries = deliveries;
        this.worker = worker;
        this.scheduled = BatchBuffer.afterCommit("new-deliveries", ids -> announce(ids.keySet()));
    }

    /** The delivery {@code deliveryId} was just scheduled in the current unit of work (or outside any). */
    void scheduled(String deliveryId) {
        scheduled.pending().put(deliveryId, Boolean.TRUE);
    }

    private void announce(Collection<String> ids) {
        try {
            ids.forEach(deliveries::refresh);
        } catch (RuntimeException e) {
            log.debug("new deliveries left to the delivery log's processor: {}", e.toString());
        }
        worker.wake();
    }
}
