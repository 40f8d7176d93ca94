package fr.ars.coord.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.ObligationCode;
import fr.ars.coord.contracts.incident.ObligationReminderRecordedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.incident.ReminderStage;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.platform.testing.WebhookReceiver;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReminderDeliveryIT extends NotificationServiceITBase {

    private static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ReminderDispatch dispatch;

    private String subscribe(WebhookReceiver receiver, String secret, String regions, String events) {
        Response created = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\": \""
                        + receiver.url() + "\", \"secret\": \"" + secret + "\", \"regions\": " + regions
                        + (events == null ? "" : ", \"events\": " + events) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static long mailsTo(String address, String incidentId) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                        .anyMatch(r -> r.toString().equals(address))
                                && ((String) ((MimeMessage) m).getContent()).contains(incidentId);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }

    @Test
    void eachReminderReachesItsRegionsSubscribersAndContactsOnceAndOverdueOnesTheNationalCell() throws Exception {
        String secret = "reminder-webhook-secret-" + UUID.randomUUID();
        try (WebhookReceiver regional = new WebhookReceiver(secret);
                WebhookReceiver national = new WebhookReceiver(secret);
                WebhookReceiver press = new WebhookReceiver(secret);
                WebhookReceiver otherRegion = new WebhookReceiver(secret)) {
            String regionalId =
                    subscribe(regional, secret, "[\"FR-HDF\"]", "[\"obligation.due-soon\", \"obligation.overdue\"]");
            subscribe(national, secret, "[]", "[\"obligation.overdue\"]");
            subscribe(press, secret, "[\"FR-HDF\"]", null);
            subscribe(otherRegion, secret, "[\"FR-NOR\"]", "[\"obligation.due-soon\", \"obligation.overdue\"]");

            String incident = UUID.randomUUID().toString();
            Instant due = AWARE.plus(Duration.ofHours(24));
            record(
                    "Incident",
                    incident,
                    0,
                    new IncidentReportedEvent(
                            incident,
                            Region.HDF,
                            "Usurpation",
                            "Compte usurpé",
                            AWARE,
                            AttackVector.ACCOUNT_USURPATION,
                            OperationalImpact.NONE),
                    new ObligationReminderRecordedEvent(
                            incident,
                            Region.HDF,
                            ObligationCode.CERT_SANTE_DECLARATION,
                            ReminderStage.DUE_SOON,
                            AWARE,
                            due),
                    new ObligationReminderRecordedEvent(
                            incident,
                            Region.HDF,
                            ObligationCode.CERT_SANTE_DECLARATION,
                            ReminderStage.OVERDUE,
                            AWARE,
                            due));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(regional.distinctDeliveries()).isEqualTo(2);
                assertThat(national.distinctDeliveries()).isEqualTo(1);
                assertThat(mailsTo("securite@ars-hdf.example", incident)).isEqualTo(2);
                assertThat(mailsTo("astreinte@ars-hdf.example", incident)).isEqualTo(2);
                assertThat(mailsTo("cellule@sante.example", incident))
                        .as("overdue: escalated")
                        .isEqualTo(1);
            });
            assertThat(regional.received).allMatch(WebhookReceiver.Received::signatureValid);
            JsonNode overdue = regional.received.stream()
                    .map(r -> JSON.readTree(r.body()))
                    .filter(b -> b.get("event").asText().equals("obligation.overdue"))
                    .findFirst()
                    .orElseThrow();
            assertThat(overdue.at("/obligation/incidentId").asText()).isEqualTo(incident);
            assertThat(overdue.at("/obligation/code").asText()).isEqualTo("CERT_SANTE_DECLARATION");
            assertThat(overdue.at("/obligation/dueAt").asText()).isEqualTo(due.toString());
            assertThat(overdue.get("escalated").asBoolean()).isTrue();
            assertThat(national.received.get(0).body()).contains("obligation.overdue");

            // handled again (a replay, a segment taken over by another instance): nothing is sent twice
            for (var stored : eventStore.readEvents(incident).asStream().toList()) {
                if (stored.getPayload() instanceof ObligationReminderRecordedEvent reminder) {
                    dispatch.on(reminder, stored.getTimestamp(), null);
                }
            }
            // the delivery worker has had its rounds
            Thread.sleep(1_500);
            assertThat(regional.distinctDeliveries()).isEqualTo(2);
            assertThat(national.distinctDeliveries()).isEqualTo(1);
            assertThat(mailsTo("securite@ars-hdf.example", incident)).isEqualTo(2);
            assertThat(mailsTo("cellule@sante.example", incident)).isEqualTo(1);
            // reminders are not for the public, nor for another region
            assertThat(press.received).isEmpty();
            assertThat(otherRegion.received).isEmpty();

            // the subscription's delivery log shows them
            JsonNode log = api.get("/api/webhook-subscriptions/" + regionalId + "/deliveries", TestTokens.national())
                    .json();
            assertThat(log.size()).isEqualTo(2);
            assertThat(log.get(0).at("/reminder/incidentId").asText()).isEqualTo(incident);
            assertThat(log.get(0).get("status").asText()).isEqualTo("DELIVERED");
        }
    }

    @Test
    void aSubscriptionAsksOnlyForKnownEvents() {
        Response refused = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\":"
                        + " \"https://x.example/h\", \"secret\": \"7c1e9a4f0b3d8e2a6f5c1b9d4e7a0f3c\","
                        + " \"events\": [\"obligation.due-soon\","
                        + " \"incident.everything\"]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("events[1]");
        Response plain = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\":" + " \"https://x.example/h2\", \"secret\": \"7c1e9a4f0b3d8e2a6f5c1b9d4e7a0f3c\"}");
        assertThat(plain.json().get("events").get(0).asText())
                .as("publications, as before")
                .isEqualTo("communique.published");
    }
}
