package fr.ars.coord.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ConfigurationKeys;
import org.junit.jupiter.api.Test;

/** Every shared default is a key some library reads: a property renamed by an upgrade fails here, not in production. */
class PlatformDefaultsKeysTest {

    @Test
    void everySharedDefaultIsRead() {
        // axon.axonserver.enabled is read by conditions of Axon's auto-configuration, which declares no metadata for it
        assertThat(ConfigurationKeys.unread("platform-defaults.properties", "ars.", "axon.axonserver.enabled"))
                .isEmpty();
    }

    @Test
    void aRenamedKeyIsCaught() {
        // the Spring Boot 3 names of two settings Boot 4 renamed: read by nobody any more
        assertThat(ConfigurationKeys.unread("renamed-keys.properties"))
                .anySatisfy(problem -> assertThat(problem).startsWith("spring.data.mongodb.uri"))
                .anySatisfy(problem -> assertThat(problem).startsWith("management.health.mongo.enabled"))
                .noneSatisfy(problem -> assertThat(problem).startsWith("spring.mongodb.uri"));
    }
}
