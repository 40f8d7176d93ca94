package fr.ars.coord.incident.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.incident.exercise.ExerciseReplay;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several injectors at once (as several instances would run them) over a replay whose steps all fall due together:
 * each step's fact is recorded exactly once.
 */
class ScriptInjectorIT extends IncidentServiceITBase {

    @Autowired
    private ScriptInjector injector;

    @Test
    void injectorsRacingOverTheSameStepsRecordEachFactOnce() throws Exception {
        Response started = api.post(
                "/api/exercises",
                TestTokens.national(),
                "{\"name\": \"Course " + UUID.randomUUID() + "\", \"regions\": [\"FR-HDF\"], \"durationMinutes\": 60}");
        String exercise = started.json().get("id").asString();
        StringBuilder steps = new StringBuilder();
        int incidents = 4;
        int containments = 5;
        for (int i = 0; i < incidents; i++) {
            steps.append("""
                    {"at": "PT0S", "incident": "i%d", "report": {"region": "FR-HDF", "title": "Incident %d",
                     "summary": "Compte usurpé", "awareAt": "PT0S", "attackVector": "ACCOUNT_USURPATION",
                     "operationalImpact": "NONE"}},""".formatted(i, i));
        }
        for (int i = 0; i < incidents; i++) {
            for (int c = 0; c < containments; c++) {
                steps.append("""
                        {"at": "PT1M", "incident": "i%d", "containment": {"action": "SECURITY_REINFORCED",
                         "description": "Mesure %d"}},""".formatted(i, c));
            }
        }
        String document = "{\"name\": \"Course\", \"regions\": [\"FR-HDF\"], \"steps\": ["
                + steps.substring(0, steps.length() - 1) + "]}";
        // at ×1: the containments do not fall due before the racers are ready
        Response replay = api.post(
                "/api/exercises/" + exercise + "/replay",
                TestTokens.national(),
                "{\"document\": " + document + ", \"speed\": 1}");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> racers = new ArrayList<>();
        try {
            for (int r = 0; r < 4; r++) {
                racers.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < 20; round++) {
                        injector.injectDue();
                    }
                    return null;
                }));
            }
            jdbc.update("UPDATE exercise_step SET due_at = now() WHERE exercise_id = ?", exercise);
            go.countDown();
            for (Future<?> racer : racers) {
                racer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM exercise_step WHERE exercise_id = ? AND injected_at IS NULL",
                                Long.class,
                                exercise)
                        == 0);
        for (int i = 0; i < incidents; i++) {
            String incident = ExerciseReplay.incidentId(exercise, "i" + i);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype ="
                                    + " 'fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent'",
                            Long.class,
                            incident))
                    .as("incident i%d's containments", i)
                    .isEqualTo(containments);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                            Long.class,
                            incident))
                    .isEqualTo(1 + containments);
        }
        assertThat(jdbc.queryForList("SELECT outcome FROM exercise_step WHERE exercise_id = ?", String.class, exercise))
                .allMatch(outcome -> outcome.startsWith("enregistré"));
    }
}
