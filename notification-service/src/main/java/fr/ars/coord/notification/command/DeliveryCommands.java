package fr.ars.coord.notification.command;

import fr.ars.coord.contracts.delivery.DeliveryChannel;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@code Delivery} aggregate. */
public final class DeliveryCommands {

    private DeliveryCommands() {
    }

    public record ScheduleDeliveryCommand(@TargetAggregateIdentifier String deliveryId, String communiqueId,
                                          DeliveryChannel channel, String target) {
    }

    /** The result of one attempt; {@code nextAttemptAt} is used when it failed and attempts remain. */
    public record RecordDeliveryAttemptCommand(@TargetAggregateIdentifier String deliveryId, boolean delivered,
                                               String outcome, int maxAttempts, Instant nextAttemptAt) {
    }
}
