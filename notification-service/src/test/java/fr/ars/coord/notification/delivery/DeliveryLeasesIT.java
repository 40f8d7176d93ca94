package fr.ars.coord.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.notification.NotificationServiceITBase;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DeliveryLeasesIT extends NotificationServiceITBase {

    @Autowired
    private DeliveryLeases leases;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void oneHolderAtATimeUntilGivenBackOrLapsed() {
        String delivery = UUID.randomUUID().toString();
        assertThat(leases.take(delivery, Duration.ofSeconds(30))).isTrue();
        assertThat(leases.take(delivery, Duration.ofSeconds(30)))
                .as("held: not taken again")
                .isFalse();
        leases.giveBack(delivery);
        assertThat(leases.take(delivery, Duration.ofSeconds(30))).isTrue();

        // a lease of an instance that died mid-attempt lapses
        jdbc.update(
                "UPDATE delivery_lease SET holder = 'dead@elsewhere', until = now() - interval '1 second'"
                        + " WHERE delivery_id = ?",
                delivery);
        assertThat(leases.take(delivery, Duration.ofSeconds(30))).isTrue();
        // another instance's lease is not given back by this one
        jdbc.update("UPDATE delivery_lease SET holder = 'alive@elsewhere' WHERE delivery_id = ?", delivery);
        leases.giveBack(delivery);
        assertThat(leases.take(delivery, Duration.ofSeconds(30))).isFalse();
    }
}
