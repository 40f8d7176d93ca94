package fr.ars.coord.region.web;

import static fr.ars.coord.region.impact.IncidentStories.assessed;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.AttackVector;
import fr.ars.coord.contracts.incident.EntityKind;
import fr.ars.coord.contracts.incident.IncidentReportedEvent;
import fr.ars.coord.contracts.incident.ObligationTerms;
import fr.ars.coord.contracts.incident.OperationalImpact;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.testing.StoredEvents;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.region.RegionServiceITBase;
import fr.ars.coord.region.impact.IncidentStories;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An exercise's incident never reaches the national cell's real views: not the picture (now or as it stood), not a
 * campaign, not what is shared with peers; a real incident of the same region recorded after it does.
 */
class ExerciseExclusionIT extends RegionServiceITBase {

    private static final String REGION = "FR-974";

    private static List<String> ids(JsonNode impact) {
        List<String> ids = new ArrayList<>();
        for (JsonNode region : impact.get("regions")) {
            if (region.get("code").asString().equals(REGION)) {
                region.get("incidentIds").forEach(i -> ids.add(i.asString()));
            }
        }
        return ids;
    }

    @Test
    void anExercisesIncidentIsNeitherInThePictureNorInACampaignNorShared() throws Exception {
        String exercise = UUID.randomUUID().toString();
        String drill = newId();
        StoredEvents.append(
                eventStore,
                "Incident",
                drill,
                0,
                new Actor("sub-reu", "ars-reu", "ARS", REGION),
                ExerciseTag.metaData(exercise),
                new IncidentReportedEvent(
                        drill,
                        Region.of(REGION),
                        "Exercice",
                        "Compte usurpé",
                        Instant.parse("2025-11-21T17:30:00Z"),
                        AttackVector.ACCOUNT_USURPATION,
                        OperationalImpact.NONE,
                        EntityKind.ARS,
                        ObligationTerms.defaults(false),
                        exercise),
                assessed(drill, REGION, 5000, IncidentStories.IDENTITY, false));
        Instant between = Instant.now();
        String real = newId();
        record(0, reported(real, REGION), assessed(real, REGION, 12, IncidentStories.IDENTITY, false));

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> ids(api.get("/api/national/impact", TestTokens.national())
                                .json()),
                        ids -> ids.contains(real));
        JsonNode impact = api.get("/api/national/impact", TestTokens.national()).json();
        assertThat(ids(impact)).contains(real).doesNotContain(drill);
        assertThat(api.get("/api/regions/" + REGION + "/incident-ids", TestTokens.national())
                        .body())
                .contains(real)
                .doesNotContain(drill);
        JsonNode asOf = api.get("/api/national/impact?asOf=" + Instant.now(), TestTokens.national())
                .json();
        assertThat(ids(asOf)).contains(real).doesNotContain(drill);
        assertThat(ids(api.get("/api/national/impact?asOf=" + between, TestTokens.national())
                        .json()))
                .doesNotContain(drill);

        String campaign = api.post(
                        "/api/national/campaigns",
                        TestTokens.national(),
                        "{\"title\": \"Campagne réelle\", \"description\": \"Usurpation de comptes\"}")
                .json()
                .get("id")
                .asString();
        assertThat(api.post(
                                "/api/national/campaigns/" + campaign + "/incidents",
                                TestTokens.national(),
                                "{\"incidentId\": \"" + drill + "\"}")
                        .status())
                .as("an exercise's incident is none of a real campaign's")
                .isEqualTo(404);
        assertThat(api.get("/api/regions/" + REGION + "/incidents/" + drill + "/stix", TestTokens.national())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/regions/" + REGION + "/incidents/" + real + "/stix", TestTokens.national())
                        .status())
                .isEqualTo(200);
    }
}
