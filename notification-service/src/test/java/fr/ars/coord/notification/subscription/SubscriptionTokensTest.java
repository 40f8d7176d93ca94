package fr.ars.coord.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionTokensTest {

    private static SubscriptionTokens tokens(String key, String idSecret) {
        return new SubscriptionTokens(new SubscriptionProperties(null, null, 0, 0, 0, key), idSecret);
    }

    private final SubscriptionTokens tokens = tokens("", "id-secret-of-the-platform-0123456789abcdef");

    @Test
    void anUnsubscriptionLinkNamesItsSubscriptionAndOnlyItsOwn() {
        UUID id = UUID.randomUUID();
        String token = tokens.unsubscription(id);
        assertThat(tokens.unsubscribed(token)).contains(id);
        assertThat(tokens("", "id-secret-of-the-platform-0123456789abcdef").unsubscribed(token))
                .as("another instance with the same secret")
                .contains(id);

        UUID other = UUID.randomUUID();
        String signature = token.substring(token.indexOf('.'));
        assertThat(tokens.unsubscribed(other + signature))
                .as("another id under this signature")
                .isEmpty();
        assertThat(tokens.unsubscribed(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(tokens.unsubscribed(id.toString())).isEmpty();
        assertThat(tokens.unsubscribed(null)).isEmpty();
        assertThat(tokens.unsubscribed("pas-un-id." + signature.substring(1))).isEmpty();
        assertThat(tokens("", "another-platform-secret-0123456789abcdef").unsubscribed(token))
                .as("another platform's key")
                .isEmpty();
    }

    @Test
    void confirmationTokensAreUnpredictableAndStoredAsTheirDigest() {
        String a = tokens.confirmationToken();
        String b = tokens.confirmationToken();
        assertThat(a).isNotEqualTo(b).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(SubscriptionTokens.digest(a)).hasSize(64).isNotEqualTo(SubscriptionTokens.digest(b));
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> tokens("court", "id-secret-of-the-platform-0123456789abcdef"))
                .hasMessageContaining("ars.public-subscriptions.token-key");
    }
}
