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
     * Waits for the region's communiqué draft reflecting the latest facts, then approves it as the officer whose token
     * is given and, when the region's e-health group co-issues it (it recorded facts), as the group's officer
     * ({@code comms-esante-<region>}), and publishes it; the draft may still be revised by the last facts meanwhile,
     * and a publication refused for that is approved anew.
     */
    static String publishDraft(ApiClient api, Keycloak keycloak, String officer, String region) {
        String officerToken = keycloak.password(officer);
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
                    JsonNode current = api.get("/api/communiques/" + draft[0], officerToken)
                            .json();
                    if (current.get("status").asText().equals("DRAFT")
                            && current.get("issuers").toString().contains("GRADES")) {
                        Response coApproved = api.post(
                                "/api/communiques/" + draft[0] + "/approve",
                                keycloak.password(coIssuingOfficer(region)),
                                "");
                        assertThat(coApproved.status())
                                .as(coApproved.toString())
                                .isIn(200, 409);
                    }
                    Response published = api.post("/api/communiques/" + draft[0] + "/publish", officerToken, "");
                    assertThat(published.status()).as(published.toString()).isEqualTo(200);
                });
        return draft[0];
    }

    /** The communication officer of the region's e-health group (GRADeS), for the regions of the demo realm. */
    static String coIssuingOfficer(String region) {
        return "comms-esante-" + region.substring(3).toLowerCase(java.util.Locale.ROOT);
    }
}
