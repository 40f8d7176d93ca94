package fr.ars.coord.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ConfigurationKeys;
import org.junit.jupiter.api.Test;

/**
 * Every gateway setting is read by something: a route property under a prefix the gateway no longer reads, or an
 * auto-configuration excluded under a class name that moved, would otherwise be ignored without a word.
 */
class GatewayConfigurationKeysTest {

    @Test
    void everySettingIsReadBySomething() {
        assertThat(ConfigurationKeys.unread("application.yml", "ars.")).isEmpty();
    }

    @Test
    void everyExcludedAutoConfigurationExists() {
        assertThat(ConfigurationKeys.staleExclusions("application.yml")).isEmpty();
    }

    @Test
    void anOldGatewayPrefixIsCaught() {
        assertThat(ConfigurationKeys.unread("old-gateway-keys.yml"))
                .containsExactly("spring.cloud.gateway.mvc.routes[0].uri: read by no library on the classpath");
        assertThat(ConfigurationKeys.staleExclusions("old-gateway-keys.yml")).hasSize(1);
    }
}
