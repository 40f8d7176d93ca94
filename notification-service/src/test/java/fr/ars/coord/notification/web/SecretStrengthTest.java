package fr.ars.coord.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretStrengthTest {

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababababab", "azertyazertyazertyazerty",
            "1234512345123451234512345"})
    void refusesGuessableSecrets(String secret) {
        assertThat(SecretStrength.weakness(secret)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef", "9f2c4e6a8b1d3f5e7a9c0b2d4f6e8a1c", "Xk3!pQ9#vL2@mR7$wT5%"})
    void acceptsRandomLookingSecrets(String secret) {
        assertThat(SecretStrength.weakness(secret)).isEmpty();
    }
}
