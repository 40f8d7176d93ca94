package fr.ars.coord.contracts.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

/**
 * A delivery to one target: of a published communiqué ({@code communiqueId}) or, since reminders exist, of an
 * obligation reminder ({@code reminder}, written only when set, so deliveries stored before read and write the same).
 */
@Revision("1")
public record DeliveryScheduledEvent(
        String deliveryId,
        String communiqueId,
        DeliveryChannel channel,
        String target,
        @JsonInclude(JsonInclude.Include.NON_NULL) ObligationReminder reminder)
        implements DeliveryEvent {

    public DeliveryScheduledEvent(String deliveryId, String communiqueId, DeliveryChannel channel, String target) {
        this(deliveryId, communiqueId, channel, target, null);
    }
}
