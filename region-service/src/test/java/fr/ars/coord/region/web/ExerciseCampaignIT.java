package fr.ars.coord.region.web;

import static fr.ars.coord.region.impact.IncidentStories.assessed;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.exercise.ExerciseEndedEvent;
import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.StoredEvents;
import fr.ars.coord.platform.testing.StoredExercises;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.region.RegionServiceITBase;
import fr.ars.coord.region.impact.IncidentStories;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A campaign opened in an exercise: it gathers that exercise's incidents only (a real one is unknown to it, as an
 * exercise's is to a real campaign), its impact is folded from their streams (the national picture never holds them),
 * each of its events is marked with the exercise, it is listed and shared with none of the real ones, and it is
 * frozen when the exercise ends.
 */
class ExerciseCampaignIT extends RegionServiceITBase {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private org.springframework.transaction.PlatformTransactionManager transactions;

    private String exercise(boolean ended) {
        return StoredExercises.start(eventStore, List.of(Region.of("FR-971"), Region.of("FR-972")), ended);
    }

    private String drill(String exerciseId, String region, long patients) {
        return StoredExercises.incident(
                eventStore,
                exerciseId,
                Region.of(region),
                id -> List.of(assessed(id, region, patients, IncidentStories.IDENTITY, false)));
    }

    private Response open(String exerciseId) {
        return api.post(
                "/api/national/campaigns",
                TestTokens.national(),
                "{\"title\": \"Campagne d'exercice\""
                        + (exerciseId == null ? "" : ", \"exerciseId\": \"" + exerciseId + "\"") + "}");
    }

    private Response link(String campaign, String incident) {
        return api.post(
                "/api/national/campaigns/" + campaign + "/incidents",
                TestTokens.national(),
                "{\"incidentId\": \"" + incident + "\"}");
    }

    @Test
    void anExercisesCampaignGathersItsIncidentsAloneAndIsNeverSharedNorListedWithTheRealOnes() {
        String exercise = exercise(false);
        String first = drill(exercise, "FR-971", 3000);
        String second = drill(exercise, "FR-972", 1500);
        String real = newId();
        record(0, reported(real, "FR-971"), assessed(real, "FR-971", 40, IncidentStories.IDENTITY, false));
        String otherExercise = drill(exercise(false), "FR-971", 7);

        Response opened = open(exercise);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String campaign = opened.json().get("id").asString();
        assertThat(link(campaign, first).status()).isEqualTo(201);
        assertThat(link(campaign, second).status()).isEqualTo(201);
        assertThat(link(campaign, real).status())
                .as("a real incident is none of an exercise's")
                .isEqualTo(404);
        assertThat(link(campaign, otherExercise).status())
                .as("nor another exercise's")
                .isEqualTo(404);

        JsonNode view = api.get("/api/national/campaigns/" + campaign, TestTokens.national())
                .json();
        assertThat(view.get("exerciseId").asString()).isEqualTo(exercise);
        assertThat(view.get("incidents").findValuesAsString("incidentId")).containsExactlyInAnyOrder(first, second);
        assertThat(view.at("/impact/totals/estimatedPatients").asLong())
                .as("folded from the incidents' own streams")
                .isEqualTo(4500);
        assertThat(view.at("/impact/totals/regionsAffected").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?",
                        String.class,
                        campaign))
                .as("each of its events marked with the exercise")
                .hasSize(3)
                .allMatch(metadata -> metadata.contains("\"exercise\":\"" + exercise + "\""));

        assertThat(api.get("/api/national/campaigns", TestTokens.national()).body())
                .as("the real campaigns")
                .doesNotContain(campaign);
        assertThat(api.get("/api/national/campaigns?exercise=" + exercise, TestTokens.national())
                        .json()
                        .findValuesAsString("id"))
                .containsExactly(campaign);
        assertThat(api.get("/api/national/campaigns/" + campaign + "/stix", TestTokens.national())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/national/campaigns/" + campaign + "/misp", TestTokens.national())
                        .status())
                .isEqualTo(404);

        // a real campaign opened beside it is listed, and links real incidents only
        String realCampaign = open(null).json().get("id").asString();
        assertThat(link(realCampaign, first).status()).isEqualTo(404);
        assertThat(api.get("/api/national/campaigns", TestTokens.national())
                        .json()
                        .findValuesAsString("id"))
                .contains(realCampaign)
                .doesNotContain(campaign);

        // the exercise ends: its campaign is frozen
        StoredEvents.append(
                eventStore,
                "Exercise",
                exercise,
                1,
                StoredExercises.CELL,
                new ExerciseEndedEvent(exercise, Instant.now(), "Fin."));
        assertThat(link(campaign, drill(exercise, "FR-971", 10)).status()).isEqualTo(409);
        assertThat(api.delete(
                                "/api/national/campaigns/" + campaign + "/incidents",
                                TestTokens.national(),
                                "{\"incidentId\": \"" + first + "\", \"reason\": \"erreur\"}")
                        .status())
                .isEqualTo(409);
    }

    /**
     * Links racing the exercise's end, which holds the exercise's lock as incident-service's end does: no link is
     * stored after the end (each one committed before it, or refused).
     */
    @Test
    void aLinkAndTheExercisesEndNeverCross() throws Exception {
        String exercise = exercise(false);
        String campaign = open(exercise).json().get("id").asString();
        List<String> incidents = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            incidents.add(drill(exercise, i % 2 == 0 ? "FR-971" : "FR-972", 10 + i));
        }
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> links = new java.util.ArrayList<>();
            for (String incident : incidents) {
                links.add(pool.submit(() -> {
                    go.await();
                    return link(campaign, incident).status();
                }));
            }
            java.util.concurrent.Future<?> end = pool.submit(() -> {
                go.await();
                Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(30));
                transaction.executeWithoutResult(status -> {
                    new fr.ars.coord.platform.exercise.ExerciseLocks(jdbc).holdToEnd(exercise);
                    StoredEvents.append(
                            eventStore,
                            "Exercise",
                            exercise,
                            1,
                            StoredExercises.CELL,
                            new ExerciseEndedEvent(exercise, Instant.now(), "Fin."));
                });
                return null;
            });
            go.countDown();
            end.get();
            for (java.util.concurrent.Future<Integer> linked : links) {
                assertThat(linked.get()).isIn(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        Long ended = jdbc.queryForObject(
                "SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1",
                Long.class,
                exercise);
        List<Long> linkedAt = jdbc.queryForList(
                "SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber > 0",
                Long.class,
                campaign);
        assertThat(linkedAt).as("every link stored before the end").allMatch(index -> index < ended);
    }

    @Test
    void aCampaignIsOpenedInARunningExerciseOnly() {
        Response unknown = open(newId());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("exerciseId");
        assertThat(open(exercise(true)).status()).isEqualTo(409);
        assertThat(api.get("/api/national/campaigns?exercise=", TestTokens.national())
                        .status())
                .isEqualTo(400);
    }
}
