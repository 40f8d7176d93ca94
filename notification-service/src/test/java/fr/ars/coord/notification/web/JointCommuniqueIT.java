package fr.ars.coord.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.StoredEvents;
import fr.ars.coord.platform.testing.TestTokens;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A communiqué issued jointly by a regional agency and its e-health group (GRADeS): proposed as joint once the group
 * recorded facts, approved by each issuer's officer, published only once both approved, by the agency, and named
 * with both issuers on its public page and in the feed.
 */
class JointCommuniqueIT extends NotificationServiceITBase {

    private static final String REGION = "FR-972";
    private static final String AGENCY_OFFICER = TestTokens.token("comms-mtq", "ARS", REGION, "communication-officer");
    private static final String GRADES_OFFICER =
            TestTokens.token("comms-esante-mtq", "GRADES", REGION, "communication-officer");

    private JsonNode draft(String expectedIssuers) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode c : api.get("/api/communiques?region=" + REGION + "&status=DRAFT", AGENCY_OFFICER)
                    .json()) {
                if (c.get("issuers").toString().equals(expectedIssuers)) {
                    found[0] = c;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void theAgencyAndItsGradesEachApproveAndOnlyThenIsItPublishedNamingBoth() throws Exception {
        String incident = UUID.randomUUID().toString();
        Region region = Region.of(REGION);
        record(
                "Incident",
                incident,
                0,
                new IncidentReportedEvent(
                        incident,
                        region,
                        "Usurpation",
                        "Compte usurpé",
                        Instant.parse("2025-11-21T17:30:00Z"),
                        AttackVector.ACCOUNT_USURPATION,
                        OperationalImpact.NONE),
                new IncidentAssessedEvent(
                        incident,
                        region,
                        Set.of(ExposedDataItem.LAST_NAME, ExposedDataItem.PHONE),
                        false,
                        300,
                        List.of(),
                        null));
        assertThat(draft("[\"ARS\"]").get("approvals")).isEmpty();

        // the region's e-health group records a fact: it is proposed as co-issuer
        StoredEvents.append(
                eventStore,
                "Incident",
                incident,
                2,
                new Actor("sub-grades", "esante-mtq", "GRADES", REGION),
                new ContainmentActionRecordedEvent(incident, region, ContainmentAction.ACCOUNTS_BLOCKED, null));
        String id = draft("[\"ARS\",\"GRADES\"]").get("id").asText();

        Response byAgency = api.post("/api/communiques/" + id + "/approve", AGENCY_OFFICER, "");
        assertThat(byAgency.status()).as(byAgency.toString()).isEqualTo(200);
        assertThat(byAgency.json().get("status").asText())
                .as("awaiting the GRADeS")
                .isEqualTo("DRAFT");
        assertThat(byAgency.json().at("/approvals/0/issuer").asText()).isEqualTo("ARS");
        assertThat(byAgency.json().at("/approvals/0/by/username").asText()).isEqualTo("comms-mtq");
        assertThat(api.post("/api/communiques/" + id + "/approve", AGENCY_OFFICER, "")
                        .status())
                .as("the agency again")
                .isEqualTo(409);
        assertThat(api.post("/api/communiques/" + id + "/publish", AGENCY_OFFICER, "")
                        .status())
                .as("published before every issuer approved")
                .isEqualTo(409);

        assertThat(api.post(
                                "/api/communiques/" + id + "/approve",
                                TestTokens.token("comms-esante-hdf", "GRADES", "FR-HDF", "communication-officer"),
                                "")
                        .status())
                .as("another region's GRADeS")
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/communiques/" + id + "/approve",
                                TestTokens.token("esante-mtq", "GRADES", REGION, "esante-staff"),
                                "")
                        .status())
                .as("GRADeS staff who do not speak for it")
                .isEqualTo(403);

        Response byGrades = api.post("/api/communiques/" + id + "/approve", GRADES_OFFICER, "");
        assertThat(byGrades.status()).as(byGrades.toString()).isEqualTo(200);
        assertThat(byGrades.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(api.post("/api/communiques/" + id + "/publish", GRADES_OFFICER, "")
                        .status())
                .as("the agency leads the publication")
                .isEqualTo(403);
        Response published = api.post("/api/communiques/" + id + "/publish", AGENCY_OFFICER, "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        ApiClient reader = new ApiClient(baseUrl());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reader.get("/public/communiques/" + id, null).status() == 200);
        assertThat(reader.get("/public/communiques/" + id, null).body())
                .contains("Agence régionale de santé Martinique")
                .contains("Groupement régional d&#39;appui au développement de la e-santé (GRADeS) Martinique");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SyndEntry entry = new SyndFeedInput()
                            .build(new StringReader(
                                    reader.get("/feeds/communiques.atom", null).body()))
                            .getEntries()
                            .stream()
                            .filter(e -> e.getUri().contains(id))
                            .findFirst()
                            // not in the feed yet: asked again (an exception other than an assertion would end the
                            // wait)
                            .orElseThrow(() -> new AssertionError("not in the feed yet"));
            assertThat(entry.getAuthors())
                    .extracting(com.rometools.rome.feed.synd.SyndPerson::getName)
                    .containsExactly(
                            "Agence régionale de santé Martinique",
                            "Groupement régional d'appui au développement de la e-santé (GRADeS) Martinique");
        });
    }
}
