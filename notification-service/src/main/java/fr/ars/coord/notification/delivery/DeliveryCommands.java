package fr.ars.coord.notification.delivery;

import fr.ars.coord.contracts.delivery.DeliveryChannel;
import fr.ars.coord.contracts.delivery.ObligationReminder;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@code Delivery} aggregate. */
public final class DeliveryCommands {

    private DeliveryCommands() {}

    /** A delivery of a published communiqué, or ({@code reminder} set) of an obligation reminder. */
    public record ScheduleDeliveryCommand(
            @TargetAggregateIdentifier String deliveryId,
            String communiqueId,
            DeliveryChannel channel,
            String target,
            ObligationReminder reminder) {

        public ScheduleDeliveryCommand(String deliveryId, String communiqueId, DeliveryChannel channel, String target) {
            this(deliveryId, communiqueId, channel, target, null);
        }
    }

    /** The result of one attempt; {@code nextAttemptAt} is used when it failed and attempts remain. */
    public record RecordDeliveryAttemptCommand(
            @TargetAggregateIdentifier String deliveryId,
            boolean delivered,
            String outcome,
            int maxAttempts,
            Instant nextAttemptAt) {}
}
