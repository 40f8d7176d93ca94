package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reminders of the legal obligations on the platform as {@code infra/run.sh} starts it (its sweep every 2 seconds
 * here): recorded once per obligation and stage, delivered once per subscriber, across a crash of incident-service
 * and one of notification-service.
 */
class RemindersIT {

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private final ApiClient api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());

    private List<String> reminders(String incident) {
        List<String> found = new ArrayList<>();
        api.get("/api/incidents/" + incident + "/history", keycloak.password("national"))
                .json()
                .forEach(e -> {
                    if (e.get("type").asText().equals("ObligationReminderRecordedEvent")) {
                        found.add(e.at("/payload/code").asText() + "/"
                                + e.at("/payload/stage").asText());
                    }
                });
        return found;
    }

    @Test
    void obligationsDueSoonAreRemindedOnceAcrossRestarts() throws Exception {
        String secret = "e2e-reminder-secret-" + System.nanoTime();
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            Response subscribed = api.post(
                    "/api/webhook-subscriptions",
                    keycloak.password("national"),
                    "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\", \"regions\": [\"FR-NOR\"],"
                            + " \"events\": [\"obligation.due-soon\", \"obligation.overdue\"]}");
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);

            // aware 20 hours ago: the 24-hour obligations (CERT Santé, and the NIS2 significance decision in Normandie,
            // where NIS2 is in force) are due soon
            Instant aware = Instant.now().minus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
            Response created = api.post("/api/incidents", keycloak.password("ars-nor"), """
                    {"region": "FR-NOR", "title": "Usurpation de compte", "summary": "Compte usurpé", "awareAt": "%s",
                     "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""".formatted(aware));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String incident = created.json().get("id").asText();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(reminders(incident))
                        .containsExactlyInAnyOrder("CERT_SANTE_DECLARATION/DUE_SOON", "NIS2_SIGNIFICANCE/DUE_SOON");
                assertThat(receiver.receivedFor(incident)).isEqualTo(2);
            });

            platform.kill("incident-service");
            platform.restart("incident-service", RunningPlatform.INCIDENT_SERVICE_PORT);
            platform.kill("notification-service");
            platform.restart("notification-service", RunningPlatform.NOTIFICATION_SERVICE_PORT);
            // several sweeps of the restarted service, and the dispatch catching up from its stored token
            Thread.sleep(8_000);

            List<String> after = reminders(incident);
            long requests = receiver.received.stream()
                    .filter(r -> r.body().contains(incident))
                    .count();
            System.out.printf(
                    "fault: kill -9 incident-service and notification-service after reminders | reminders"
                            + " recorded: 2 | after restart: %d | webhook requests: %d | distinct deliveries: %d%n",
                    after.size(), requests, receiver.receivedFor(incident));
            assertThat(after).hasSize(2);
            assertThat(receiver.receivedFor(incident)).isEqualTo(2);
            assertThat(receiver.received).allMatch(WebhookReceiver.Received::signatureValid);
            JsonNode view = api.get("/api/incidents/" + incident, keycloak.password("ars-nor"))
                    .json();
            assertThat(view.get("reminders")).hasSize(2);
        }
    }
}
