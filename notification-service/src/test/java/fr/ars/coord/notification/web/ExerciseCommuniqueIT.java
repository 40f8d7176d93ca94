package fr.ars.coord.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.contracts.campaign.IncidentLinkedToCampaignEvent;
import fr.ars.coord.contracts.exercise.ExerciseTag;
import fr.ars.coord.contracts.incident.ExposedDataItem;
import fr.ars.coord.contracts.incident.IncidentAssessedEvent;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.notification.Mailbox;
import fr.ars.coord.notification.NotificationServiceITBase;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.StoredEvents;
import fr.ars.coord.platform.testing.StoredExercises;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An exercise's incident in a region that also has a real one: each speaks in a communiqué of its own; the
 * exercise's is marked EXERCICE, approved and published by the region's officer as a real one, and reaches the
 * exercise's feed alone: not the public feed, pages or API, not the press list, no delivery scheduled.
 */
class ExerciseCommuniqueIT extends NotificationServiceITBase {

    private static final String REGION = "FR-ARA";
    private static final String OFFICER = TestTokens.token("comms-ara", "ARS", REGION, "communication-officer");

    @Autowired
    private JdbcTemplate jdbc;

    private String incident(String exerciseId, long patients) {
        return incident(exerciseId, REGION, patients);
    }

    private String incident(String exerciseId, String regionCode, long patients) {
        Region region = Region.of(regionCode);
        return StoredExercises.incident(
                eventStore,
                exerciseId,
                region,
                id -> List.of(new IncidentAssessedEvent(
                        id,
                        region,
                        Set.of(ExposedDataItem.LAST_NAME, ExposedDataItem.PHONE),
                        false,
                        patients,
                        List.of(),
                        null)));
    }

    private JsonNode draftOf(String query) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/communiques?region=" + REGION + "&status=DRAFT" + query, OFFICER)
                                .json(),
                        list -> list.size() == 1)
                .get(0);
    }

    private long deliveriesScheduledFor(String communiqueId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype = ?"
                        + " AND convert_from(payload, 'UTF8')::json ->> 'communiqueId' = ?",
                Long.class,
                "fr.ars.coord.contracts.delivery.DeliveryScheduledEvent",
                communiqueId);
    }

    @Test
    void anExercisesCampaignSpeaksInANationalCommuniqueOfTheExerciseAlone() {
        String exercise = UUID.randomUUID().toString();
        String guyane = incident(exercise, "FR-973", 210);
        String mayotte = incident(exercise, "FR-976", 90);
        String campaign = UUID.randomUUID().toString();
        StoredEvents.append(
                eventStore,
                "Campaign",
                campaign,
                0,
                new Actor("sub-cell", "cellule", "NATIONAL", null),
                ExerciseTag.metaData(exercise),
                new CampaignOpenedEvent(campaign, "Campagne d'exercice", null, exercise),
                new IncidentLinkedToCampaignEvent(campaign, guyane, Region.of("FR-973")),
                new IncidentLinkedToCampaignEvent(campaign, mayotte, Region.of("FR-976")));

        JsonNode national = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> nationalOf(
                                api.get("/api/communiques?exercise=" + exercise, TestTokens.national())
                                        .json(),
                                campaign),
                        java.util.Objects::nonNull);
        String id = national.get("id").asString();
        assertThat(national.get("exerciseId").asString()).isEqualTo(exercise);
        assertThat(national.get("title").asString()).startsWith("EXERCICE — ");
        assertThat(national.get("body").asString())
                .contains("Guyane")
                .contains("Mayotte")
                .contains("300 patients");
        assertThat(nationalOf(api.get("/api/communiques", TestTokens.national()).json(), campaign))
                .as("not among the real communiqués")
                .isNull();

        assertThat(api.post("/api/communiques/" + id + "/approve", TestTokens.national(), "")
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/communiques/" + id + "/publish", TestTokens.national(), "")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(api.get("/api/exercise-feeds/" + exercise, TestTokens.national())
                                .json()
                                .findValuesAsString("id"))
                        .contains(id));
        assertThat(jdbc.queryForList(
                        "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?",
                        String.class,
                        id))
                .as("each of the communiqué's events marked with the exercise")
                .isNotEmpty()
                .allMatch(metadata -> metadata.contains(exercise));
        assertThat(deliveriesScheduledFor(id)).isZero();
        ApiClient reader = new ApiClient(baseUrl());
        assertThat(reader.get("/api/public/communiques/" + id, null).status()).isEqualTo(404);
        assertThat(reader.get("/feeds/communiques.atom", null).body()).doesNotContain(id);
    }

    private static JsonNode nationalOf(JsonNode list, String campaign) {
        for (JsonNode c : list) {
            if (campaign.equals(c.path("campaignId").asString(null))) {
                return c;
            }
        }
        return null;
    }

    @Test
    void anExercisesCommuniqueIsMarkedAndReachesItsExercisesFeedAlone() {
        String exercise = UUID.randomUUID().toString();
        incident(exercise, 640);
        JsonNode drill = draftOf("&exercise=" + exercise);
        String drillId = drill.get("id").asString();
        assertThat(drill.get("exerciseId").asString()).isEqualTo(exercise);
        assertThat(drill.get("title").asString()).startsWith("EXERCICE — ");
        assertThat(drill.at("/statements/0/kind").asString()).isEqualTo("EXERCISE");
        assertThat(drill.at("/statements/0/text").asString()).startsWith("EXERCICE — ");
        assertThat(drill.get("body").asString()).contains("Environ 640 patients");

        incident(null, 310);
        JsonNode real = draftOf("");
        String realId = real.get("id").asString();
        assertThat(real.has("exerciseId")).isFalse();
        assertThat(real.get("title").asString()).doesNotContain("EXERCICE");
        assertThat(real.get("body").asString())
                .as("the real communiqué speaks of the real incident alone")
                .contains("Environ 310 patients")
                .doesNotContain("640");
        assertThat(draftOf("&exercise=" + exercise).get("id").asString()).isEqualTo(drillId);

        for (String id : List.of(drillId, realId)) {
            assertThat(api.post("/api/communiques/" + id + "/approve", OFFICER, "")
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/api/communiques/" + id + "/publish", OFFICER, "")
                            .status())
                    .isEqualTo(200);
        }

        // the real one published after it reaches the press (and any webhook other tests subscribed): so the
        // exercise's publication was dispatched before
        await().atMost(Duration.ofSeconds(15)).until(() -> deliveriesScheduledFor(realId) >= 2);
        assertThat(deliveriesScheduledFor(drillId)).isZero();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !new Mailbox(SMTP, "presse@ars.example")
                        .withSubject(real.get("title").asString())
                        .isEmpty());
        assertThat(new Mailbox(SMTP, "presse@ars.example")
                        .withSubject(drill.get("title").asString()))
                .isEmpty();

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(api.get("/api/exercise-feeds/" + exercise, OFFICER)
                                .json()
                                .findValuesAsString("id"))
                        .containsExactly(drillId));
        assertThat(api.get(
                                "/api/exercise-feeds/" + exercise,
                                TestTokens.token("comms-hdf", "ARS", "FR-HDF", "communication-officer"))
                        .json())
                .as("another region's officer")
                .isEmpty();

        ApiClient reader = new ApiClient(baseUrl());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reader.get("/public/communiques/" + realId, null).status() == 200);
        assertThat(reader.get("/public/communiques/" + drillId, null).status()).isEqualTo(404);
        assertThat(reader.get("/api/public/communiques/" + drillId, null).status())
                .isEqualTo(404);
        assertThat(reader.get("/api/public/communiques", null).body())
                .contains(realId)
                .doesNotContain(drillId);
        assertThat(reader.get("/feeds/communiques.atom", null).body())
                .contains(realId)
                .doesNotContain(drillId)
                .doesNotContain("EXERCICE");
        assertThat(reader.get("/public/regions/" + REGION, null).body()).doesNotContain(drillId);
        assertThat(api.get("/api/communiques?region=" + REGION, OFFICER).json().findValuesAsString("id"))
                .contains(realId)
                .doesNotContain(drillId);
    }
}
