package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.WebhookReceiver;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Communiqués through the gateway: the public feed, a signed webhook, and exactly-once delivery when
 * notification-service is killed with SIGKILL in the middle of a publication and started again.
 */
@Order(3)
class PublicationIT {

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private final ApiClient api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());

    @Test
    void publishedCommuniquesReachTheFeedAndEachSubscriberExactlyOnceAcrossACrash() throws Exception {
        String secret = "e2e-webhook-secret-" + System.nanoTime();
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            Response subscribed = api.post(
                    "/api/webhook-subscriptions",
                    keycloak.password("national"),
                    "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\", \"regions\": []}");
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);

            String hdfIncident = reportAndAssess("ars-hdf", "FR-HDF", 250);
            String first = publishFor("comms-hdf", "FR-HDF");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.receivedFor(first) == 1);
            assertThat(receiver.received).allMatch(WebhookReceiver.Received::signatureValid);

            // the next publication's delivery is cut short: the receiver holds the request, the service dies
            receiver.answerAfterMillis = 3000;
            String norIncident = reportAndAssess("ars-nor", "FR-NOR", 320);
            int before = receiver.received.size();
            String second = publishFor("comms-nor", "FR-NOR");
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received.size() > before);
            platform.kill("notification-service");
            receiver.answerAfterMillis = 0;
            platform.restart("notification-service", RunningPlatform.NOTIFICATION_SERVICE_PORT);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> delivered(subscribed.json().get("id").asText(), second));
            long requests = receiver.received.stream()
                    .filter(r -> r.body().contains(second))
                    .count();
            long distinct = receiver.receivedFor(second);
            System.out.printf(
                    "fault: kill -9 notification-service mid-delivery | publications: 1 | requests received: %d"
                            + " | distinct deliveries: %d | duplicates after dedup by delivery id: %d%n",
                    requests, distinct, distinct - 1);
            assertThat(distinct)
                    .as("one delivery id for the publication, retried after the crash")
                    .isEqualTo(1);
            assertThat(receiver.receivedFor(first)).isEqualTo(1);
            assertThat(receiver.received).allMatch(WebhookReceiver.Received::signatureValid);

            SyndFeed feed = new SyndFeedInput()
                    .build(new StringReader(
                            api.get("/feeds/communiques.atom", null).body()));
            assertThat(feed.getEntries())
                    .anyMatch(e -> e.getUri().contains(first))
                    .anyMatch(e -> e.getUri().contains(second));
            assertThat(api.get("/api/public/communiques", null).body())
                    .contains(first)
                    .contains(second);
            assertThat(hdfIncident).isNotEqualTo(norIncident);
        }
    }

    private boolean delivered(String subscription, String communique) {
        JsonNode deliveries = api.get(
                        "/api/webhook-subscriptions/" + subscription + "/deliveries", keycloak.password("national"))
                .json();
        for (JsonNode delivery : deliveries) {
            if (delivery.get("communiqueId").asText().equals(communique)) {
                return delivery.get("status").asText().equals("DELIVERED");
            }
        }
        return false;
    }

    private String reportAndAssess(String user, String region, long patients) {
        String token = keycloak.password(user);
        Response created = api.post("/api/incidents", token, """
                {"region": "%s", "title": "Nouvel accès frauduleux", "summary": "Compte usurpé",
                 "awareAt": "2025-11-25T09:00:00Z", "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""".formatted(region));
        String id = created.json().get("id").asText();
        assertThat(api.post(
                                "/api/incidents/" + id + "/assessments",
                                token,
                                "{\"exposedData\": [\"LAST_NAME\", \"EMAIL\"], \"medicalDataExposed\": false, \"estimatedPatients\": "
                                        + patients + "}")
                        .status())
                .isEqualTo(201);
        return id;
    }

    private String publishFor(String officer, String region) {
        return Publications.publishDraft(api, keycloak, officer, region);
    }
}
