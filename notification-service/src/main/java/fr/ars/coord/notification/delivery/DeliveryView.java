package fr.ars.coord.notification.delivery;

import fr.ars.coord.contracts.delivery.DeliveryChannel;
import fr.ars.coord.contracts.delivery.ObligationReminder;
import java.time.Instant;
import java.util.List;

/**
 * One delivery with every attempt; {@code status} is PENDING, DELIVERED or PARKED. It carries a communiqué
 * ({@code communiqueId}) or an obligation reminder ({@code reminder}).
 */
public record DeliveryView(
        String id,
        String communiqueId,
        DeliveryChannel channel,
        String target,
        String status,
        int attempts,
        Instant nextAttemptAt,
        List<Attempt> history,
        Instant scheduledAt,
        long version,
        ObligationReminder reminder) {

    public record Attempt(int attempt, String outcome, Instant at, boolean delivered) {}
}
