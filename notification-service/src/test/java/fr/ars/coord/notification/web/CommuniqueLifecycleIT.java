package fr.ars.coord.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.notification.communique.CommuniqueViewStore;
import fr.ars.coord.notification.delivery.DeliveryViewStore;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.platform.testing.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;

class CommuniqueLifecycleIT extends NotificationServiceITBase {

    @Autowired
    MongoTemplate mongo;

    private static final Set<ExposedDataItem> IDENTITY = Set.of(
            ExposedDataItem.LAST_NAME,
            ExposedDataItem.FIRST_NAME,
            ExposedDataItem.AGE,
            ExposedDataItem.PHONE,
            ExposedDataItem.EMAIL);
    private static final String SECRET = "9f2c4e6a8b1d3f5e7a9c0b2d4f6e8a1c";
    private static final String PUBLISHER =
            TestTokens.token("service-account-communique-publisher", null, null, "communique-publisher");

    private static String comms(String region) {
        return TestTokens.token("comms-" + region.substring(3).toLowerCase(), "ARS", region, "communication-officer");
    }

    /** Reports and assesses an incident; returns [incidentId, reportEventId, assessmentEventId]. */
    private String[] incident(String region, long patients) {
        String id = UUID.randomUUID().toString();
        List<String> ids = record(
                "Incident",
                id,
                0,
                new IncidentReportedEvent(
                        id,
                        Region.of(region),
                        "Usurpation",
                        "Compte usurpé",
                        Instant.parse("2025-11-21T17:30:00Z"),
                        AttackVector.ACCOUNT_USURPATION,
                        OperationalImpact.NONE),
                new ContainmentActionRecordedEvent(id, Region.of(region), ContainmentAction.ACCOUNTS_BLOCKED, null),
                new IncidentAssessedEvent(id, Region.of(region), IDENTITY, false, patients, List.of(), null));
        return new String[] {id, ids.get(0), ids.get(2)};
    }

    private JsonNode regionalCommunique(String region, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode c : api.get("/api/communiques?region=" + region, TestTokens.national())
                    .json()) {
                if (c.get("status").asText().equals(status)) {
                    found[0] = c;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private String subscribe(WebhookReceiver receiver, String secret, String... regions) {
        String body = "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\", \"regions\": "
                + (regions.length == 0 ? "[]" : "[\"" + String.join("\",\"", regions) + "\"]") + "}";
        Response created = api.post("/api/webhook-subscriptions", TestTokens.national(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(secret);
        return created.json().get("id").asText();
    }

    @Test
    void draftedFromFactsApprovedPublishedToEveryChannelOnceThenCorrected() throws Exception {
        String secret = "hdf-webhook-secret-" + UUID.randomUUID();
        WebhookReceiver hdfReceiver = new WebhookReceiver(secret);
        WebhookReceiver norReceiver = new WebhookReceiver(secret);
        String hdfSubscription = subscribe(hdfReceiver, secret, "FR-HDF");
        subscribe(norReceiver, secret, "FR-NOR");

        String[] incident = incident("FR-HDF", 12000);
        JsonNode draft = regionalCommunique("FR-HDF", "DRAFT");
        String id = draft.get("id").asText();

        JsonNode view = api.get("/api/communiques/" + id, comms("FR-HDF")).json();
        assertThat(view.get("scope").asText()).isEqualTo("REGIONAL");
        assertThat(view.get("body").asText()).contains("Aucune donnée médicale").contains("12 000 patients");
        assertThat(view.get("factsPosition").asLong()).isNotNegative();
        JsonNode spared = null;
        for (JsonNode statement : view.get("statements")) {
            if (statement.get("kind").asText().equals("MEDICAL_DATA_SPARED")) {
                spared = statement;
            }
        }
        assertThat(spared.get("eventIds").toString()).contains(incident[2]);
        assertThat(view.get("statements").get(0).get("eventIds").toString()).contains(incident[1]);

        assertThat(api.post("/api/communiques/" + id + "/publish", comms("FR-HDF"), "")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/communiques/" + id + "/approve", comms("FR-NOR"), "")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/communiques/" + id + "/approve", TestTokens.arsStaff("FR-HDF"), "")
                        .status())
                .isEqualTo(403);
        Response approved = api.post("/api/communiques/" + id + "/approve", comms("FR-HDF"), "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().at("/approvedBy/username").asText()).isEqualTo("comms-hdf");
        assertThat(atomEntries()).noneMatch(e -> e.getUri().contains(id));
        assertThat(api.get("/api/public/communiques", null).body()).doesNotContain(id);

        Response published = api.post("/api/communiques/" + id + "/publish", PUBLISHER, "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("status").asText()).isEqualTo("PUBLISHED");

        await().atMost(Duration.ofSeconds(15))
                .until(() -> hdfReceiver.distinctDeliveries() == 1
                        && mailsWithSubject(draft.get("title").asText()) == 2);
        assertThat(hdfReceiver.received).allMatch(WebhookReceiver.Received::signatureValid);
        assertThat(hdfReceiver.received.get(0).body()).contains(id).contains("Hauts-de-France");
        assertThat(norReceiver.received).isEmpty();
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).equals(draft.get("title").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(mail.getContent()).isInstanceOf(MimeMultipart.class);
        assertThat(mail.getMessageID()).contains("@communiques.ars.sante.fr");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode deliveries = api.get(
                            "/api/webhook-subscriptions/" + hdfSubscription + "/deliveries", TestTokens.national())
                    .json();
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).get("status").asText()).isEqualTo("DELIVERED");
            assertThat(deliveries.get(0).get("attempts").asInt()).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> atomEntries().stream().anyMatch(e -> e.getUri().contains(id)));

        // new facts after publication: the published text stays, a correction is drafted
        record(
                "Incident",
                incident[0],
                3,
                new IncidentAssessedEvent(
                        incident[0], Region.of("FR-HDF"), IDENTITY, false, 15000, List.of(), "réévaluation"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode old =
                    api.get("/api/communiques/" + id, TestTokens.national()).json();
            assertThat(old.get("stale").asBoolean()).isTrue();
            assertThat(old.get("status").asText()).isEqualTo("PUBLISHED");
            assertThat(old.get("body").asText()).contains("12 000 patients");
        });
        String correction = api.get("/api/communiques/" + id, TestTokens.national())
                .json()
                .get("correctedBy")
                .asText();
        JsonNode corrected =
                api.get("/api/communiques/" + correction, comms("FR-HDF")).json();
        assertThat(corrected.get("supersedes").asText()).isEqualTo(id);
        assertThat(corrected.get("body").asText()).contains("15 000 patients");
        assertThat(api.post("/api/communiques/" + correction + "/approve", comms("FR-HDF"), "")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/communiques/" + correction + "/publish", comms("FR-HDF"), "")
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(api.get("/api/communiques/" + id, TestTokens.national())
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("SUPERSEDED");
            assertThat(hdfReceiver.distinctDeliveries()).isEqualTo(2);
            SyndEntry old = atomEntries().stream()
                    .filter(e -> e.getUri().contains(id))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("not in the feed yet"));
            assertThat(old.getLinks()).anyMatch(l -> l.getHref().endsWith(correction));
        });
        assertThat(hdfReceiver.received.size())
                .as("each publication reached the subscriber once")
                .isEqualTo(2);
    }

    @Test
    void publicationIsRefusedWhenFactsChangeAfterApproval() {
        String[] incident = incident("FR-BRE", 100);
        String id = regionalCommunique("FR-BRE", "DRAFT").get("id").asText();
        assertThat(api.post("/api/communiques/" + id + "/approve", comms("FR-BRE"), "")
                        .status())
                .isEqualTo(200);
        record(
                "Incident",
                incident[0],
                3,
                new IncidentAssessedEvent(incident[0], Region.of("FR-BRE"), IDENTITY, false, 900, List.of(), null));
        // once the new facts are known (processors follow the store within moments), the approval no longer holds
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode revised =
                    api.get("/api/communiques/" + id, comms("FR-BRE")).json();
            assertThat(revised.get("status").asText()).isEqualTo("DRAFT");
            assertThat(revised.get("body").asText()).contains("900 patients");
        });
        Response refused = api.post("/api/communiques/" + id + "/publish", comms("FR-BRE"), "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(api.get("/api/communiques/" + id, comms("FR-BRE"))
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("DRAFT");
    }

    @Test
    void aCommuniqueMarkedOtherThanTlpClearIsNeverPublished() {
        incident("FR-BFC", 40);
        String id = regionalCommunique("FR-BFC", "DRAFT").get("id").asText();
        assertThat(api.get("/api/communiques/" + id, comms("FR-BFC"))
                        .json()
                        .get("tlp")
                        .asText())
                .as("written for the public")
                .isEqualTo("TLP:CLEAR");
        Response badLabel =
                api.post("/api/communiques/" + id + "/marking", comms("FR-BFC"), "{\"tlp\": \"TLP:WHITE\"}");
        assertThat(badLabel.status()).isEqualTo(400);
        assertThat(badLabel.body()).contains("tlp");
        assertThat(api.post(
                                "/api/communiques/" + id + "/marking",
                                TestTokens.arsStaff("FR-BFC"),
                                "{\"tlp\": \"TLP:AMBER\"}")
                        .status())
                .as("not a spokesperson")
                .isEqualTo(403);
        Response marked = api.post(
                "/api/communiques/" + id + "/marking",
                comms("FR-BFC"),
                "{\"tlp\": \"TLP:AMBER\", \"reason\": \"Relecture sous embargo\"}");
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.json().get("tlp").asText()).isEqualTo("TLP:AMBER");
        assertThat(api.post("/api/communiques/" + id + "/approve", comms("FR-BFC"), "")
                        .status())
                .isEqualTo(200);
        Response refused = api.post("/api/communiques/" + id + "/publish", PUBLISHER, "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("TLP:CLEAR");
        assertThat(api.get("/api/public/communiques/" + id, null).status())
                .as("not public")
                .isEqualTo(404);
        assertThat(api.post("/api/communiques/" + id + "/marking", comms("FR-BFC"), "{\"tlp\": \"TLP:CLEAR\"}")
                        .json()
                        .get("tlp")
                        .asText())
                .isEqualTo("TLP:CLEAR");
        Response published = api.post("/api/communiques/" + id + "/publish", PUBLISHER, "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(api.post("/api/communiques/" + id + "/marking", comms("FR-BFC"), "{\"tlp\": \"TLP:RED\"}")
                        .status())
                .as("a published communiqué is withdrawn, not relabelled")
                .isEqualTo(409);
        assertThat(api.get("/api/communiques/" + id, comms("FR-BFC"))
                        .json()
                        .get("tlp")
                        .asText())
                .isEqualTo("TLP:CLEAR");
    }

    @Test
    void medicalExposureIsNeverDenied() {
        String id = UUID.randomUUID().toString();
        record(
                "Incident",
                id,
                0,
                new IncidentReportedEvent(
                        id,
                        Region.of("FR-OCC"),
                        "Rançongiciel",
                        "Chiffrement",
                        Instant.parse("2025-11-20T08:00:00Z"),
                        AttackVector.RANSOMWARE,
                        OperationalImpact.SEVERE),
                new IncidentAssessedEvent(
                        id,
                        Region.of("FR-OCC"),
                        Set.of(ExposedDataItem.LAST_NAME, ExposedDataItem.MEDICAL_RECORD),
                        true,
                        50,
                        List.of(),
                        null));
        JsonNode draft = regionalCommunique("FR-OCC", "DRAFT");
        String body = api.get("/api/communiques/" + draft.get("id").asText(), TestTokens.auditor())
                .json()
                .get("body")
                .asText();
        assertThat(body)
                .contains("dossiers médicaux")
                .doesNotContain("Aucune donnée médicale")
                .contains("rançongiciel");
    }

    @Test
    void failingWebhookIsRetriedThenParkedAndVisible() {
        String secret = "failing-webhook-secret-123";
        WebhookReceiver failing = new WebhookReceiver(secret);
        failing.status = 500;
        String subscription = subscribe(failing, secret, "FR-PAC");
        incident("FR-PAC", 10);
        String id = regionalCommunique("FR-PAC", "DRAFT").get("id").asText();
        api.post("/api/communiques/" + id + "/approve", comms("FR-PAC"), "");
        assertThat(api.post("/api/communiques/" + id + "/publish", PUBLISHER, "")
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode deliveries = api.get(
                            "/api/webhook-subscriptions/" + subscription + "/deliveries", TestTokens.auditor())
                    .json();
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).get("status").asText()).isEqualTo("PARKED");
            assertThat(deliveries.get(0).get("attempts").asInt()).isEqualTo(3);
            assertThat(deliveries.get(0).get("history").findValuesAsString("outcome"))
                    .containsOnly("HTTP 500");
        });
        assertThat(failing.distinctDeliveries()).isEqualTo(1);
        assertThat(failing.received).hasSize(3);
    }

    /**
     * The communiqué list and the delivery log written before the packages were arranged by feature name their
     * documents' type by the earlier package ({@code _class}); they read as before, and as what they are.
     */
    @Test
    void documentsNamingTheEarlierPackagesReadTheSame() {
        String secret = "b7e1d93a4c0f2e6b8d5a1c3e9f7b2d40";
        WebhookReceiver receiver = new WebhookReceiver(secret);
        String subscription = subscribe(receiver, secret, "FR-20R");
        incident("FR-20R", 25);
        String id = regionalCommunique("FR-20R", "DRAFT").get("id").asText();
        api.post("/api/communiques/" + id + "/approve", comms("FR-20R"), "");
        assertThat(api.post("/api/communiques/" + id + "/publish", PUBLISHER, "")
                        .status())
                .isEqualTo(200);
        String deliveries = "/api/webhook-subscriptions/" + subscription + "/deliveries";
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(deliveries, TestTokens.auditor())
                        .json()
                        .findValuesAsString("status")
                        .equals(List.of("DELIVERED")));
        JsonNode list =
                api.get("/api/communiques?region=FR-20R", TestTokens.national()).json();
        JsonNode one = api.get("/api/communiques/" + id, TestTokens.national()).json();
        JsonNode log = api.get(deliveries, TestTokens.auditor()).json();

        assertThat(mongo.updateMulti(
                                new Query(),
                                Update.update("_class", "fr.ars.coord.notification.query.CommuniqueView"),
                                CommuniqueViewStore.COLLECTION)
                        .getModifiedCount())
                .isPositive();
        assertThat(mongo.updateMulti(
                                new Query(),
                                Update.update("_class", "fr.ars.coord.notification.query.DeliveryView"),
                                DeliveryViewStore.COLLECTION)
                        .getModifiedCount())
                .isPositive();

        assertThat(api.get("/api/communiques?region=FR-20R", TestTokens.national())
                        .json())
                .isEqualTo(list);
        assertThat(api.get("/api/communiques/" + id, TestTokens.national()).json())
                .isEqualTo(one);
        assertThat(api.get(deliveries, TestTokens.auditor()).json()).isEqualTo(log);
    }

    @Test
    void aCampaignAcrossTwoRegionsGetsANationalDraftThatRegionsSeeOncePublished() {
        String[] guadeloupe = incident("FR-971", 40);
        String[] martinique = incident("FR-972", 60);
        String campaign = UUID.randomUUID().toString();
        record(
                "Campaign",
                campaign,
                0,
                new CampaignOpenedEvent(campaign, "Antilles", null),
                new IncidentLinkedToCampaignEvent(campaign, guadeloupe[0], Region.of("FR-971")),
                new IncidentLinkedToCampaignEvent(campaign, martinique[0], Region.of("FR-972")));
        JsonNode[] draft = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            draft[0] = nationalOf(
                    api.get("/api/communiques", TestTokens.national()).json(), campaign);
            assertThat(draft[0]).isNotNull();
        });
        String id = draft[0].get("id").asText();
        assertThat(draft[0].get("body").asText())
                .contains("Guadeloupe")
                .contains("Martinique")
                .contains("100 patients");
        // the draft holds the other region's unpublished figures: regional staff neither list nor read it
        assertThat(nationalOf(
                        api.get("/api/communiques", TestTokens.arsStaff("FR-971"))
                                .json(),
                        campaign))
                .isNull();
        assertThat(api.get("/api/communiques/" + id, TestTokens.esanteStaff("FR-972"))
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/communiques/" + id + "/approve", comms("FR-971"), "")
                        .status())
                .isEqualTo(404);

        assertThat(api.post("/api/communiques/" + id + "/approve", TestTokens.national(), "")
                        .status())
                .isEqualTo(200);
        assertThat(nationalOf(
                        api.get("/api/communiques", TestTokens.arsStaff("FR-971"))
                                .json(),
                        campaign))
                .isNull();
        assertThat(api.post("/api/communiques/" + id + "/publish", TestTokens.national(), "")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(nationalOf(
                                api.get("/api/communiques", TestTokens.arsStaff("FR-971"))
                                        .json(),
                                campaign))
                        .isNotNull());
        assertThat(api.get("/api/communiques/" + id, TestTokens.esanteStaff("FR-972"))
                        .status())
                .isEqualTo(200);
        JsonNode forMartinique =
                api.get("/api/communiques", TestTokens.esanteStaff("FR-972")).json();
        assertThat(forMartinique.toString()).contains(campaign).doesNotContain("\"region\":\"FR-971\"");
    }

    private static JsonNode nationalOf(JsonNode communiques, String campaign) {
        for (JsonNode c : communiques) {
            if (c.get("scope").asText().equals("NATIONAL")
                    && campaign.equals(c.get("campaignId").asText())) {
                return c;
            }
        }
        return null;
    }

    @Test
    void accessRulesAndBadInput() {
        incident("FR-CVL", 5);
        String id = regionalCommunique("FR-CVL", "DRAFT").get("id").asText();
        // another region's communiqué answers as one that does not exist
        assertThat(api.get("/api/communiques/" + id, comms("FR-GES")).status()).isEqualTo(404);
        assertThat(api.get("/api/communiques?region=FR-CVL", comms("FR-GES")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/communiques", TestTokens.token("x", null, null, "communique-publisher"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/communiques", null).status()).isEqualTo(401);
        assertThat(api.get("/api/communiques/" + UUID.randomUUID(), TestTokens.national())
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/communiques/" + id + "/withdraw", comms("FR-CVL"), "{}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/webhook-subscriptions",
                                comms("FR-CVL"),
                                "{\"url\": \"http://x.example/h\", \"secret\": \"" + SECRET + "\"}")
                        .status())
                .isEqualTo(403);
        Response badUrl = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\": \"ftp://x\", \"secret\": \"" + SECRET + "\"}");
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.body()).contains("url");
        Response badRegion = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\": \"https://x.example/h\", \"secret\": \"" + SECRET + "\", \"regions\": [\"FR-XX\"]}");
        assertThat(badRegion.body()).contains("regions[0]");
        Response shortSecret = api.post(
                "/api/webhook-subscriptions",
                TestTokens.national(),
                "{\"url\": \"https://x.example/h\", \"secret\": \"short\"}");
        assertThat(shortSecret.body()).contains("secret");
        Response withdrawn =
                api.post("/api/communiques/" + id + "/withdraw", comms("FR-CVL"), "{\"reason\": \"périmètre erroné\"}");
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("withdrawalReason").asText()).isEqualTo("périmètre erroné");
    }

    private List<SyndEntry> atomEntries() throws Exception {
        Response atom = api.get("/feeds/communiques.atom", null);
        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.contentType()).startsWith("application/atom+xml");
        SyndFeed feed = new SyndFeedInput().build(new StringReader(atom.body()));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        return feed.getEntries();
    }

    private static long mailsWithSubject(String subject) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).equals(subject))
                .count();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
