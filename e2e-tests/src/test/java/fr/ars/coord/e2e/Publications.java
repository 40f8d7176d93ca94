package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** A region's communiqué published as its communication officer does it, through the gateway. */
final class Publications {

    private Publications() {}

    /**
     * Waits for the region's communiqué draft reflecting the latest facts, then approves and publishes it as the
     * officer whose token is given; the draft may still be revised by the last facts meanwhile, and a publication
     * refused for that is approved anew.
     */
    static String publishDraft(ApiClient api, String officerToken, String region) {
        String[] draft = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode c : api.get("/api/communiques?region=" + region + "&status=DRAFT", officerToken)
                    .json()) {
                draft[0] = c.get("id").asText();
                return true;
            }
            return false;
        });
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    Response approved = api.post("/api/communiques/" + draft[0] + "/approve", officerToken, "");
                    assertThat(approved.status()).as(approved.toString()).isIn(200, 409);
                    Response published = api.post("/api/communiques/" + draft[0] + "/publish", officerToken, "");
                    assertThat(published.status()).as(published.toString()).isEqualTo(200);
                });
        return draft[0];
    }
}
