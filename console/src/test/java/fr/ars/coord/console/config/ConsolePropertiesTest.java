package fr.ars.coord.console.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ConsolePropertiesTest {

    private static final String KEY = "a-session-secret-of-more-than-32-characters";

    private static ConsoleProperties properties(String publicUrl, String sessionKey) {
        return new ConsoleProperties(
                URI.create("http://127.0.0.1:8080"),
                "https://sso.ars.example/realms/ars/",
                "ars-console",
                "secret",
                null,
                publicUrl == null ? null : URI.create(publicUrl),
                sessionKey);
    }

    @Test
    void theAddressesTheConsoleWritesComeFromTheConfiguredPublicAddressAndIssuer() {
        ConsoleProperties properties = properties("https://crise.ars.example/", KEY);
        assertThat(properties.consoleUrl()).isEqualTo("https://crise.ars.example/console");
        assertThat(properties.keycloakOrigin()).isEqualTo("https://sso.ars.example");
        assertThat(properties.endpoint("logout"))
                .isEqualTo("https://sso.ars.example/realms/ars/protocol/openid-connect/logout");
        assertThat(properties("http://localhost:8080", KEY).consoleUrl()).isEqualTo("http://localhost:8080/console");
        assertThat(properties.toString()).doesNotContain(KEY).doesNotContain("secret");
        for (String wrong : new String[] {
            "crise.ars.example",
            "ftp://crise.ars.example",
            "https://x.example/?a=b",
            "https://x.example/#top",
            "https://user@x.example"
        }) {
            assertThatThrownBy(() -> properties(wrong, KEY)).as(wrong).hasMessageContaining("ARS_PUBLIC_BASE_URL");
        }
        assertThatThrownBy(() -> properties(null, KEY)).hasMessageContaining("ARS_PUBLIC_BASE_URL");
    }

    @Test
    void aSessionKeyOfAtLeast32CharactersIsRequired() {
        for (String wrong : new String[] {null, "", "        ", "0123456789abcdef0123456789abcde"}) {
            assertThatThrownBy(() -> properties("http://localhost:8080", wrong))
                    .hasMessageContaining("ARS_CONSOLE_SESSION_KEY")
                    .hasMessageContaining("32 characters");
        }
        assertThat(properties("http://localhost:8080", "0123456789abcdef0123456789abcdef")
                        .sessionKey())
                .hasSize(32);
    }
}
