package fr.ars.coord.contracts.delivery;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An attempt that failed, with what the target answered and when the next one is due. */
@Revision("1")
public record DeliveryAttemptedEvent(String deliveryId, int attempt, String outcome, Instant nextAttemptAt)
        implements DeliveryEvent {}
