package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.communique.CommuniqueApprovedEvent;
import fr.ars.coord.contracts.communique.CommuniqueDraftedEvent;
import fr.ars.coord.contracts.communique.CommuniquePublishedEvent;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.communique.Statement;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.StoredEvents;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An incident's after-action review: each figure checked against the instants recorded. */
class IncidentReviewIT extends IncidentServiceITBase {

    private static final Instant AWARE = Instant.parse("2025-11-21T17:30:00Z");

    @Autowired
    EventStore eventStore;

    @Test
    void theReviewsDelaysAreThoseBetweenTheRecordedInstants() throws java.io.IOException {
        String id = report(HDF);
        String token = TestTokens.arsStaff(HDF);
        assertThat(api.post("/api/incidents/" + id + "/assessments", token, identityAssessment(1000))
                        .status())
                .isEqualTo(201);
        Response reassessed = api.post(
                "/api/incidents/" + id + "/assessments",
                token,
                identityAssessment(1200).replace("identité seulement", "recomptage : 1 200 patients"));
        assertThat(reassessed.status()).as(reassessed.toString()).isEqualTo(201);
        Instant declared = AWARE.plus(Duration.ofHours(20));
        Response notified = api.post(
                "/api/incidents/" + id + "/authority-notifications",
                token,
                "{\"authority\": \"CERT_SANTE\", \"notifiedAt\": \"" + declared + "\", \"reference\": \"CS-1\"}");
        assertThat(notified.status()).as(notified.toString()).isEqualTo(201);

        JsonNode history = api.get("/api/incidents/" + id + "/history", token).json();
        String first = communique(id, history.get(0).get("eventId").asText(), null);
        String correction = communique(id, history.get(1).get("eventId").asText(), first);

        JsonNode review = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/incidents/" + id + "/review", token).json(),
                        r -> r.at("/communiques/published").asInt() == 2);

        JsonNode incident = api.get("/api/incidents/" + id, token).json();
        Instant reportedAt = Instant.parse(incident.get("reportedAt").asText());
        assertThat(review.get("awarenessToRecordSeconds").asLong())
                .isEqualTo(Duration.between(AWARE, reportedAt).toSeconds());

        JsonNode cert = find(review.get("obligations"), "authority", "CERT_SANTE");
        Instant due = Instant.parse(cert.get("dueAt").asText());
        Instant started = Instant.parse(cert.get("startedAt").asText());
        assertThat(cert.get("status").asText()).isEqualTo("MET");
        assertThat(Instant.parse(cert.get("metAt").asText())).isEqualTo(declared);
        assertThat(cert.get("toMeetSeconds").asLong())
                .isEqualTo(Duration.between(started, declared).toSeconds());
        assertThat(cert.get("marginSeconds").asLong())
                .isEqualTo(Duration.between(declared, due).toSeconds())
                .isPositive();
        assertThat(cert.get("fromAwarenessSeconds").asLong()).isEqualTo(20 * 3600);
        for (JsonNode obligation : review.get("obligations")) {
            assertThat(obligation.get("toMeetSeconds").isNull())
                    .as("only a met obligation has a delay to show: %s", obligation)
                    .isEqualTo(obligation.get("metAt").isNull());
        }

        JsonNode notification = review.get("notifications").get(0);
        assertThat(notification.get("fromAwarenessSeconds").asLong()).isEqualTo(20 * 3600);
        assertThat(notification.at("/recordedBy/username").asText()).isNotBlank();

        assertThat(review.get("corrections").findValuesAsString("kind")).containsExactly("ASSESSMENT", "COMMUNIQUE");
        assertThat(review.at("/corrections/0/reason").asText()).isEqualTo("recomptage : 1 200 patients");
        assertThat(review.at("/corrections/1/reason").asText()).contains(first);

        JsonNode communiques = review.get("communiques");
        assertThat(communiques.get("corrections").asInt()).isEqualTo(1);
        assertThat(communiques.get("citing").findValuesAsString("communiqueId")).containsExactly(first, correction);
        Instant firstApproved = recordedAt(first, "CommuniqueApprovedEvent");
        Instant firstPublished = recordedAt(first, "CommuniquePublishedEvent");
        assertThat(Instant.parse(communiques.get("firstApprovedAt").asText())).isEqualTo(firstApproved);
        assertThat(Instant.parse(communiques.get("firstPublishedAt").asText())).isEqualTo(firstPublished);
        assertThat(communiques.get("awarenessToFirstPublishedSeconds").asLong())
                .isEqualTo(Duration.between(AWARE, firstPublished).toSeconds());

        assertThat(review.get("actions").findValuesAsString("type"))
                .containsExactly(
                        "IncidentReportedEvent",
                        "IncidentAssessedEvent",
                        // the first assessment moves the incident on to being assessed
                        "IncidentStatusChangedEvent",
                        "IncidentAssessedEvent",
                        "AuthorityNotifiedEvent");
        assertThat(review.get("reminders").isArray()).isTrue();

        // the same review as a PDF, in French, marked with the incident's label at the top and bottom of each page
        fr.ars.coord.platform.testing.ApiClient.BinaryResponse pdf =
                api.getBytes("/api/incidents/" + id + "/review", token, "Accept", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        java.nio.file.Path kept = java.nio.file.Path.of("target", "reports", "revue.pdf");
        java.nio.file.Files.createDirectories(kept.getParent());
        java.nio.file.Files.write(kept, pdf.body());
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            // lines wrap where the page is narrow: compared without white space
            String text = new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", "");
            for (String expected : List.of(
                    "Revue après incident : " + review.get("title").asText(),
                    "TLP:AMBER",
                    "Signalement sans délai à CERT Santé",
                    "20 h 0 min",
                    "recomptage : 1 200 patients",
                    "2 dont 1 rectificatif(s)",
                    "rectifie " + first)) {
                assertThat(text).contains(expected.replaceAll("\\s+", ""));
            }
            assertThat(text).doesNotContain("Chaqueénoncécite");
        }
    }

    @Test
    void anotherRegionsIncidentsReviewAnswersExactlyAsAnUnknownOne() {
        String hdf = report(HDF);
        Response other = api.get("/api/incidents/" + hdf + "/review", TestTokens.arsStaff(NOR));
        Response unknown = api.get("/api/incidents/" + UUID.randomUUID() + "/review", TestTokens.arsStaff(NOR));
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.isProblem()).isTrue();
        assertThat(other.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(api.get("/api/incidents/" + hdf + "/review", TestTokens.national())
                        .status())
                .isEqualTo(200);
    }

    /** A regional communiqué citing one of the incident's events, approved and published (correcting another). */
    private String communique(String incidentId, String citedEvent, String supersedes) {
        String id = UUID.randomUUID().toString();
        StoredEvents.append(
                eventStore,
                "Communique",
                id,
                0,
                new Actor("s", "comms-hdf", "ARS", HDF),
                new CommuniqueDraftedEvent(
                        id,
                        CommuniqueScope.REGIONAL,
                        Region.HDF,
                        null,
                        supersedes,
                        "Communiqué",
                        List.of(new Statement(
                                "DATA_EXPOSED", "Des données d'identité ont été exposées.", List.of(citedEvent))),
                        1,
                        "digest",
                        false),
                new CommuniqueApprovedEvent(id, "digest"),
                new CommuniquePublishedEvent(id, CommuniqueScope.REGIONAL, Region.HDF, null, supersedes));
        return id;
    }

    private Instant recordedAt(String aggregate, String type) {
        return Instant.parse(jdbc.queryForObject(
                "SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?",
                String.class,
                aggregate,
                "%." + type));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }
}
