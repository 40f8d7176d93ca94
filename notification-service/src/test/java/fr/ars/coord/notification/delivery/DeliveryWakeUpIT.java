package fr.ars.coord.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.notification.communique.CommuniqueViewProjection;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.EmbeddedStores;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.platform.testing.WebhookReceiver;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The delivery worker's own rounds ten minutes apart (after the first, at start): a published communiqué reaches its
 * webhook only if its pending delivery wakes the worker, through the store's wake-ups of the processors before it.
 */
@TestPropertySource(properties = "ars.notifications.delivery.poll-interval-ms=600000")
class DeliveryWakeUpIT extends NotificationServiceITBase {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aCommuniquesViewsChangedAreToldWithTheCommuniquesRegion() throws Exception {
        try (java.sql.Connection console = java.sql.DriverManager.getConnection(
                        EmbeddedStores.jdbcUrl("postgres"), "postgres", "postgres");
                java.sql.Statement listen = console.createStatement()) {
            listen.execute("LISTEN ars_views_changed");
            recordPublished("FR-BRE", "Compte usurpé", "Données d'identité exposées", null);
            java.util.List<String> told = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                org.postgresql.PGNotification[] arrived =
                        console.unwrap(org.postgresql.PGConnection.class).getNotifications(200);
                for (org.postgresql.PGNotification notification :
                        arrived == null ? new org.postgresql.PGNotification[0] : arrived) {
                    told.add(notification.getParameter());
                }
                return told.stream().anyMatch(payload -> payload.contains("FR-BRE"));
            });
        }
    }

    @Test
    void aPublishedCommuniqueIsSentToItsWebhookAtOnceNotAtTheWorkersNextRound() {
        String secret = "5c2e8a0f7d4b1e9c3a6f0d8b2e5c7a19";
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            Response created = api.post(
                    "/api/webhook-subscriptions",
                    TestTokens.national(),
                    "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\", \"regions\": [\"FR-PDL\"]}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            String communique = recordPublished("FR-PDL", "Compte usurpé", "Données d'identité exposées", null)
                    .communiqueId();

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.receivedFor(communique) == 1);
        }
    }

    /**
     * The delivery log's processor (the communiqué views') stopped: the webhook delivery is written to the log and
     * attempted as soon as the publication's dispatch commits it; the processor, started again, writes nothing older.
     */
    @Test
    void aWebhookDeliveryIsAttemptedWithoutWaitingForTheDeliveryLogsProcessor() {
        String secret = "3e8b1f6a9d2c5e0b7a4d1f8c6e3b9a05";
        StreamingEventProcessor logProcessor = processing
                .eventProcessor(CommuniqueViewProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            String subscription = subscribe(receiver, "FR-NAQ", secret);
            logProcessor.shutDown();
            String communique = recordPublished("FR-NAQ", "Compte usurpé", "Données d'identité exposées", null)
                    .communiqueId();

            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.receivedFor(communique) == 1);
            logProcessor.start();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(api.get(
                                            "/api/webhook-subscriptions/" + subscription + "/deliveries",
                                            TestTokens.national())
                                    .json()
                                    .findValues("status"))
                            .as("the delivery as recorded once the log's processor caught up again")
                            .singleElement()
                            .hasToString("\"DELIVERED\""));
            assertThat(receiver.receivedFor(communique)).isEqualTo(1);
        } finally {
            if (!logProcessor.isRunning()) {
                logProcessor.start();
            }
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerHoldsBackNoOtherSubscribersDelivery() throws Exception {
        String secret = "9b1d4e7a2c5f8e0b3d6a9c1f4e7b0d2a";
        try (WebhookReceiver silent = new WebhookReceiver(secret);
                WebhookReceiver other = new WebhookReceiver(secret)) {
            silent.answerAfterMillis = 30_000; // beyond the webhook timeout (5 s): its attempt ends only then
            String silentSubscription = subscribe(silent, "FR-CVL", secret);
            subscribe(other, "FR-GES", secret);

            String first = recordPublished("FR-CVL", "Compte usurpé", "Données d'identité exposées", null)
                    .communiqueId();
            await().atMost(Duration.ofSeconds(20)).until(() -> silent.receivedFor(first) == 1);
            String second = recordPublished("FR-GES", "Compte usurpé", "Données d'identité exposées", null)
                    .communiqueId();

            await().atMost(Duration.ofSeconds(20)).until(() -> other.receivedFor(second) == 1);
            // the silent receiver's attempt was still under way when the other was served: nothing recorded for it
            tools.jackson.databind.JsonNode held = api.get(
                            "/api/webhook-subscriptions/" + silentSubscription + "/deliveries", TestTokens.national())
                    .json();
            assertThat(held.toString()).contains(first);
            assertThat(held.findValues("attempts"))
                    .as("the silent receiver's delivery, when the other receiver was served: %s", held)
                    .allMatch(attempts -> attempts.asInt() == 0);
        }
    }

    private String subscribe(WebhookReceiver receiver, String region, String secret) {
        Response created = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\", \"regions\": [\"" + region
                        + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
