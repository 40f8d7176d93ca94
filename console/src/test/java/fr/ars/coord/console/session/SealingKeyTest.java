package fr.ars.coord.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealingKeyTest {

    private static final String SECRET = "a-session-secret-of-more-than-32-characters";
    private static final byte[] PLAIN = "{\"type\":\"text\",\"value\":\"eyJhbGciOi\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTEXT = "session-value\0id-1\0name".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSealedValueOpensWithTheSameKeyAndContextOnly() {
        SealingKey key = SealingKey.derive(SECRET, "purpose");
        byte[] sealed = key.seal(PLAIN, CONTEXT);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain("eyJ")
                .doesNotContain("text");
        assertThat(key.open(sealed, CONTEXT)).hasValue(PLAIN);
        // the same secret derives the same key (another instance, a restart)
        assertThat(SealingKey.derive(SECRET, "purpose").open(sealed, CONTEXT)).hasValue(PLAIN);

        assertThat(key.open(sealed, "session-value\0id-2\0name".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(SealingKey.derive(SECRET, "another purpose").open(sealed, CONTEXT))
                .isEmpty();
        assertThat(SealingKey.derive(SECRET + "x", "purpose").open(sealed, CONTEXT))
                .isEmpty();
        for (int i = 0; i < sealed.length; i++) {
            byte[] altered = sealed.clone();
            altered[i] ^= 1;
            assertThat(key.open(altered, CONTEXT)).as("byte %d altered", i).isEmpty();
        }
        assertThat(key.open(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5}, CONTEXT))
                .isEmpty();
        assertThat(key.open(new byte[0], CONTEXT)).isEmpty();
    }

    @Test
    void everySealIsDifferentAndTextSealsStandInACookie() {
        SealingKey key = SealingKey.derive(SECRET, "cookie");
        String one = key.sealToText(PLAIN, CONTEXT);
        String two = key.sealToText(PLAIN, CONTEXT);
        assertThat(one).isNotEqualTo(two).matches("[A-Za-z0-9_-]+");
        assertThat(key.openText(one, CONTEXT)).hasValue(PLAIN);
        assertThat(key.openText("not base64 !", CONTEXT)).isEmpty();
        assertThat(key.openText("", CONTEXT)).isEmpty();
        assertThat(key.openText(null, CONTEXT)).isEmpty();
    }
}
