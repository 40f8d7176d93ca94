package fr.ars.coord.notification.delivery;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One instance at a time attempts a delivery: it takes the delivery's lease ({@code delivery_lease}) first, and gives
 * it back once the attempt's result is recorded. A lease taken by an instance that died mid-attempt lapses.
 */
@Component
class DeliveryLeases {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String holder = ManagementFactory.getRuntimeMXBean().getName();

    DeliveryLeases(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True when this instance now holds the delivery's lease for {@code duration}. */
    boolean take(String deliveryId, Duration duration) {
        Instant now = clock.instant();
        return jdbc.update(
                        "INSERT INTO delivery_lease (delivery_id, holder, until) VALUES (?, ?, ?)"
                                + " ON CONFLICT (delivery_id) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until"
                                + " WHERE delivery_lease.until < ?",
                        deliveryId,
                        holder,
                        Timestamp.from(now.plus(duration)),
                        Timestamp.from(now))
                == 1;
    }

    void giveBack(String deliveryId) {
        jdbc.update("DELETE FROM delivery_lease WHERE delivery_id = ? AND holder = ?", deliveryId, holder);
    }
}
