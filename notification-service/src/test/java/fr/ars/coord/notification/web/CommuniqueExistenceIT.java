package fr.ars.coord.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A communiqué's id is a name-based UUID of its region and a generation number: anyone can compute the id of any
 * region's first communiqué, which exists only once that region has an incident exposing patient data. To a caller
 * who may not see a communiqué, every read of and action on it answers exactly as on an id that names nothing, so
 * that probing ids tells nobody which regions have an incident.
 */
class CommuniqueExistenceIT extends NotificationServiceITBase {

    private static final String REGION = "FR-NAQ";
    private static final String PUBLISHER =
            TestTokens.token("service-account-communique-publisher", null, null, "communique-publisher");

    private static String comms(String region) {
        return TestTokens.token("comms-" + region.substring(3).toLowerCase(), "ARS", region, "communication-officer");
    }

    private static String computedId(String region, int generation) {
        return UUID.nameUUIDFromBytes(("REGIONAL:" + region + "|" + generation).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private String draftOf(String region) {
        String incident = UUID.randomUUID().toString();
        record(
                "Incident",
                incident,
                0,
                new IncidentReportedEvent(
                        incident,
                        Region.of(region),
                        "Hameçonnage",
                        "Messagerie compromise",
                        Instant.parse("2025-11-21T17:30:00Z"),
                        AttackVector.PHISHING,
                        OperationalImpact.NONE),
                new IncidentAssessedEvent(
                        incident,
                        Region.of(region),
                        Set.of(ExposedDataItem.LAST_NAME, ExposedDataItem.EMAIL),
                        false,
                        300,
                        List.of(),
                        null));
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode c : api.get("/api/communiques?region=" + region, TestTokens.national())
                    .json()) {
                id[0] = c.get("id").asText();
                return true;
            }
            return false;
        });
        return id[0];
    }

    /** Every read and action on {@code id}, each as {@code caller} sends it. */
    private Map<String, Response> everyRequest(String caller, String id) {
        Map<String, Response> answers = new LinkedHashMap<>();
        String path = "/api/communiques/" + id;
        answers.put("GET", api.get(path, caller));
        answers.put("POST approve", api.post(path + "/approve", caller, ""));
        answers.put("POST publish", api.post(path + "/publish", caller, ""));
        answers.put("POST withdraw", api.post(path + "/withdraw", caller, "{\"reason\": \"sondage\"}"));
        answers.put("POST marking", api.post(path + "/marking", caller, "{\"tlp\": \"TLP:AMBER\", \"reason\": \"r\"}"));
        return answers;
    }

    @Test
    void aCommuniqueTheCallerMayNotSeeAnswersExactlyAsAnIdThatNamesNothing() {
        String existing = draftOf(REGION);
        assertThat(existing).as("the id anyone can compute").isEqualTo(computedId(REGION, 1));
        String unknown = computedId(REGION, 2);
        assertThat(api.get("/api/communiques/" + unknown, TestTokens.national()).status())
                .isEqualTo(404);

        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("publication client (no region)", PUBLISHER);
        callers.put("communication officer of another region", comms("FR-IDF"));
        callers.put("ARS staff of another region", TestTokens.arsStaff("FR-IDF"));
        callers.put("e-Santé staff of another region", TestTokens.esanteStaff("FR-IDF"));
        callers.put("ARS staff without region", TestTokens.token("ars-sans-region", "ARS", null, "ars-staff"));
        callers.put(
                "communication officer without region",
                TestTokens.token("comms-sans-region", "ARS", null, "communication-officer"));
        callers.put("a role of no use here, in the region", TestTokens.token("other", "ARS", REGION, "offline_access"));
        callers.put("no role at all", TestTokens.token("nobody", null, null));

        List<String> differences = new ArrayList<>();
        callers.forEach((who, token) -> {
            Map<String, Response> onExisting = everyRequest(token, existing);
            Map<String, Response> onUnknown = everyRequest(token, unknown);
            onExisting.forEach((request, answer) -> {
                Response other = onUnknown.get(request);
                if (!answer.isProblem() || (answer.status() != 403 && answer.status() != 404)) {
                    differences.add(who + ", " + request + ": existing answered " + answer);
                }
                String seen = answer.status() + " " + answer.contentType() + " "
                        + answer.body().replace(existing, "{id}");
                String unseen = other.status() + " " + other.contentType() + " "
                        + other.body().replace(unknown, "{id}");
                if (!seen.equals(unseen)) {
                    differences.add(who + ", " + request + ": existing " + seen + " / unknown " + unseen);
                }
            });
        });
        assertThat(differences)
                .as("answers telling an existing communiqué from an unknown one")
                .isEmpty();

        JsonNode untouched =
                api.get("/api/communiques/" + existing, comms(REGION)).json();
        assertThat(untouched.get("status").asText()).isEqualTo("DRAFT");
        assertThat(untouched.get("tlp").asText()).isEqualTo("TLP:CLEAR");
    }

    @Test
    void thePublicationClientSeesWhatItPublishesAndNothingBefore() {
        String id = draftOf("FR-PDL");
        String unknown = computedId("FR-PDL", 2);
        Response draft = api.get("/api/communiques/" + id, PUBLISHER);
        assertThat(draft.status()).as("a draft is not its business").isEqualTo(404);
        Response early = api.post("/api/communiques/" + id + "/publish", PUBLISHER, "");
        assertThat(early.status())
                .as("not 409: a draft would show that the region has an incident")
                .isEqualTo(404);
        assertThat(early.body().replace(id, "{id}"))
                .isEqualTo(api.post("/api/communiques/" + unknown + "/publish", PUBLISHER, "")
                        .body()
                        .replace(unknown, "{id}"));
        assertThat(api.post("/api/communiques/" + id + "/approve", PUBLISHER, "")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/communiques/" + id + "/approve", TestTokens.arsStaff("FR-PDL"), "")
                        .status())
                .as("its own region's staff see it but do not speak for it")
                .isEqualTo(403);
        assertThat(api.post("/api/communiques/" + id + "/approve", TestTokens.national(), "")
                        .status())
                .as("the national cell sees it but does not speak for a region")
                .isEqualTo(403);

        assertThat(api.post("/api/communiques/" + id + "/approve", comms("FR-PDL"), "")
                        .status())
                .isEqualTo(200);
        Response approved = api.get("/api/communiques/" + id, PUBLISHER);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(api.post("/api/communiques/" + id + "/withdraw", PUBLISHER, "{\"reason\": \"r\"}")
                        .status())
                .isEqualTo(403);
        Response published = api.post("/api/communiques/" + id + "/publish", PUBLISHER, "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(api.get("/api/communiques/" + id, PUBLISHER).status()).isEqualTo(200);
        assertThat(api.post("/api/communiques/" + id + "/publish", PUBLISHER, "")
                        .status())
                .as("published once")
                .isEqualTo(409);
        assertThat(api.get("/api/communiques", PUBLISHER).status())
                .as("it lists nothing")
                .isEqualTo(403);
    }
}
