package fr.ars.coord.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent;
import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.StoredExercises;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.platform.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exercise's own subscription: it receives that exercise's publication and reminders, marked with the exercise,
 * and nothing real; a real subscription of the same region receives the real reminder and nothing of the exercise;
 * the region's contacts get no mail of the exercise. Unknown, ended and not covering exercises are refused.
 */
class ExerciseSubscriptionIT extends NotificationServiceITBase {

    private static final String REGION = "FR-ARA";
    private static final String OFFICER = TestTokens.token("comms-ara", "ARS", REGION, "communication-officer");
    private static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVERYTHING =
            "[\"communique.published\", \"obligation.due-soon\", \"obligation.overdue\"]";

    private String exercise(List<Region> regions, boolean ended) {
        return StoredExercises.start(eventStore, regions, ended);
    }

    private String incident(String exerciseId) {
        Region region = Region.of(REGION);
        return StoredExercises.incident(
                eventStore,
                exerciseId,
                region,
                id -> List.of(
                        new IncidentAssessedEvent(
                                id,
                                region,
                                Set.of(ExposedDataItem.LAST_NAME, ExposedDataItem.PHONE),
                                false,
                                420,
                                List.of(),
                                null),
                        new ObligationReminderRecordedEvent(
                                id,
                                region,
                                ObligationCode.CERT_SANTE_DECLARATION,
                                ReminderStage.OVERDUE,
                                AWARE,
                                AWARE.plus(Duration.ofHours(24)))));
    }

    private Response subscribe(WebhookReceiver receiver, String secret, String regions, String exerciseId) {
        return api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\", \"regions\": " + regions
                        + ", \"events\": " + EVERYTHING
                        + (exerciseId == null ? "" : ", \"exerciseId\": \"" + exerciseId + "\"") + "}");
    }

    @Test
    void anExercisesSubscriptionReceivesItsPublicationAndRemindersAndNothingReal() throws Exception {
        String secret = "exercise-webhook-secret-" + UUID.randomUUID();
        String exercise = exercise(List.of(Region.of(REGION), Region.BRE), false);
        try (WebhookReceiver drill = new WebhookReceiver(secret);
                WebhookReceiver real = new WebhookReceiver(secret)) {
            Response own = subscribe(drill, secret, "[\"" + REGION + "\"]", exercise);
            assertThat(own.status()).as(own.toString()).isEqualTo(201);
            assertThat(own.json().get("exerciseId").asString()).isEqualTo(exercise);
            Response plain = subscribe(real, secret, "[\"" + REGION + "\"]", null);
            assertThat(plain.status()).isEqualTo(201);
            assertThat(plain.json().has("exerciseId")).isFalse();

            String drillIncident = incident(exercise);
            String realIncident = incident(null);

            JsonNode draft = await().atMost(Duration.ofSeconds(15))
                    .until(
                            () -> api.get(
                                            "/api/communiques?region=" + REGION + "&status=DRAFT&exercise=" + exercise,
                                            OFFICER)
                                    .json(),
                            list -> list.size() == 1)
                    .get(0);
            String communique = draft.get("id").asString();
            assertThat(api.post("/api/communiques/" + communique + "/approve", OFFICER, "")
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/api/communiques/" + communique + "/publish", OFFICER, "")
                            .status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(drill.distinctDeliveries())
                        .as("its publication and its reminder")
                        .isEqualTo(2);
                assertThat(real.received).anyMatch(r -> r.body().contains(realIncident));
            });
            assertThat(drill.received).allMatch(WebhookReceiver.Received::signatureValid);
            JsonNode publication = drill.received.stream()
                    .map(r -> JSON.readTree(r.body()))
                    .filter(b -> b.get("event").asString().equals("communique.published"))
                    .findFirst()
                    .orElseThrow();
            assertThat(publication.at("/communique/id").asString()).isEqualTo(communique);
            assertThat(publication.at("/communique/exerciseId").asString()).isEqualTo(exercise);
            assertThat(publication.at("/communique/title").asString()).startsWith("EXERCICE — ");
            assertThat(publication.at("/communique/page").isMissingNode())
                    .as("no public page")
                    .isTrue();
            assertThat(publication.at("/communique/url").asString()).endsWith("/api/communiques/" + communique);
            JsonNode reminder = drill.received.stream()
                    .map(r -> JSON.readTree(r.body()))
                    .filter(b -> b.get("event").asString().equals("obligation.overdue"))
                    .findFirst()
                    .orElseThrow();
            assertThat(reminder.at("/obligation/incidentId").asString()).isEqualTo(drillIncident);
            assertThat(reminder.at("/obligation/exerciseId").asString()).isEqualTo(exercise);
            assertThat(drill.received).noneMatch(r -> r.body().contains(realIncident));

            // the real one's reminder came after the exercise's; the worker has had its rounds since
            Thread.sleep(1_500);
            assertThat(real.received)
                    .as("a real subscription receives nothing of the exercise")
                    .noneMatch(r -> r.body().contains(exercise)
                            || r.body().contains(drillIncident)
                            || r.body().contains(communique));
            JsonNode realReminder = JSON.readTree(real.received.stream()
                    .filter(r -> r.body().contains(realIncident))
                    .findFirst()
                    .orElseThrow()
                    .body());
            assertThat(realReminder.at("/obligation/exerciseId").isMissingNode())
                    .isTrue();
            assertThat(mails(drillIncident))
                    .as("no mail of the exercise's reminder")
                    .isZero();
            assertThat(mails(realIncident)).as("the real one's reminder mailed").isPositive();
        }
    }

    @Test
    void anUnknownAnEndedOrANotCoveringExerciseIsRefused() {
        String secret = "7c1e9a4f0b3d8e2a6f5c1b9d4e7a0f3c";
        String body = "{\"url\": \"https://x.example/drill\", \"secret\": \"" + secret + "\"";
        Response unknown =
                api.post("/api/webhook-subscriptions", TestTokens.national(), body + ", \"exerciseId\": \"no-such\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("exerciseId");

        String running = exercise(List.of(Region.BRE), false);
        Response elsewhere = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                body + ", \"regions\": [\"FR-BRE\", \"FR-HDF\"], \"exerciseId\": \"" + running + "\"}");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("regions[1]").doesNotContain("regions[0]");

        Response ended = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                body + ", \"exerciseId\": \"" + exercise(List.of(Region.BRE), true) + "\"}");
        assertThat(ended.status()).isEqualTo(409);

        Response regional = api.post(
                "/api/webhook-subscriptions",
                TestTokens.token("ars-bre", "ARS", "FR-BRE", "ars-staff"),
                body + ", \"exerciseId\": \"" + running + "\"}");
        assertThat(regional.status()).as("the national cell's alone").isEqualTo(403);
    }

    private static long mails(String incidentId) throws Exception {
        long count = 0;
        for (var message : SMTP.getReceivedMessages()) {
            if (((jakarta.mail.internet.MimeMessage) message)
                    .getContent()
                    .toString()
                    .contains(incidentId)) {
                count++;
            }
        }
        return count;
    }
}
