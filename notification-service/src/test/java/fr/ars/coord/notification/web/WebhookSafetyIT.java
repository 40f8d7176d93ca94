package fr.ars.coord.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions cannot point notification-service at the platform's own network, their secrets cannot be weak,
 * and the national cell can revoke one.
 */
class WebhookSafetyIT extends NotificationServiceITBase {

    private static final String SECRET = "9f2c4e6a8b1d3f5e7a9c0b2d4f6e8a1c";

    @Test
    void internalTargetsAreRefusedNamingTheField() {
        for (String url : List.of(
                "http://127.0.0.2:8081/actuator/health",
                "http://0.0.0.0:8180/admin/realms",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/",
                "http://[::1]:8082/",
                "http://2130706433/",
                "http://user:pass@x.example/hook",
                "ftp://x.example/hook",
                "http://name.invalid/hook",
                "http://[64:ff9b::a00:1]/",
                "http://[2002:a00:1::]/",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
                "http://[::ffff:0:a00:1]/",
                "http://[::FFFF:808:808]/",
                "http://[0064:FF9B:0001:0000:0000:0000:0808:0808]/")) {
            Response refused = api.post(
                    "/api/webhook-subscriptions",
                    TestTokens.national(),
                    "{\"url\": \"" + url + "\", \"secret\": \"" + SECRET + "\"}");
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .as(url)
                    .isEqualTo("url");
        }
    }

    @Test
    void weakSecretsAreRefusedInEveryFormNamingTheFieldAndNothingIsKept() {
        int before = api.get("/api/webhook-subscriptions", TestTokens.auditor())
                .json()
                .size();
        for (String secret : List.of(
                "aaaaaaaaaaaaaaaaaaaaaaaa",
                "abababababababababababab",
                "0000000000000000",
                "0123456789abcdef",
                "abcdefghijklmnop",
                "ABCDEFGHIJKLMNOP",
                "ponmlkjihgfedcba",
                "acegikmoqsuwy13579",
                "qwertyuiopasdfgh",
                "azertyuiopqsdfghjklm",
                "1qaz2wsx3edc4rfv5tgb",
                "Xk3!pQ9#Xk3!pQ9#Xk3!pQ9#",
                "Password123!Password123!",
                "абвгдежзийклмноп",
                "éééééééééééééééé")) {
            Response refused = api.post(
                    "/api/webhook-subscriptions",
                    TestTokens.national(),
                    "{\"url\": \"https://x.example/hook\", \"secret\": \"" + secret + "\"}");
            assertThat(refused.status()).as(secret).isEqualTo(400);
            assertThat(refused.isProblem()).as(secret).isTrue();
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .as(secret)
                    .isEqualTo("secret");
            assertThat(refused.body()).as("the secret is not echoed").doesNotContain(secret);
        }
        Response both = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\": \"https://x.example/hook\", \"secret\": \"0123456789abcdef\", \"regions\": [\"FR-XX\"]}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").findValuesAsString("field")).containsExactly("secret", "regions[0]");
        assertThat(api.get("/api/webhook-subscriptions", TestTokens.auditor())
                        .json()
                        .size())
                .isEqualTo(before);
    }

    @Test
    void theNationalCellRevokesASubscription() {
        Response created = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\": \"https://x.example/hook\", \"secret\": \"" + SECRET + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.delete(
                                "/api/webhook-subscriptions/" + id,
                                TestTokens.auditor(),
                                "{\"reason\": \"abonné inconnu\"}")
                        .status())
                .isEqualTo(403);
        Response revoked = api.delete(
                "/api/webhook-subscriptions/" + id, TestTokens.national(), "{\"reason\": \"abonné inconnu\"}");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("national");
        assertThat(revoked.json().get("revocationReason").asString()).isEqualTo("abonné inconnu");
        assertThat(api.delete("/api/webhook-subscriptions/" + id, TestTokens.national(), "{\"reason\": \"encore\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/webhook-subscriptions", TestTokens.auditor())
                        .json()
                        .toString())
                .contains("\"revokedAt\"");
    }
}
