package fr.ars.coord.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ConfigurationKeys;
import fr.ars.coord.platform.testing.PlatformWiring;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The started service runs on the production wiring, and each of its settings is read by something. */
class PlatformWiringIT extends NotificationServiceITBase {

    @Autowired
    ApplicationContext context;

    @Test
    void runsOnTheJdbcEventStoreFlywayAndTheConfiguredReadModelStore() {
        PlatformWiring.verify(context, "notification-service-it");
    }

    @Test
    void everySettingIsReadBySomething() {
        assertThat(ConfigurationKeys.unread("application.yml", "ars.")).isEmpty();
    }
}
