package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.exercise.ExerciseEndedEvent;
import fr.ars.coord.contracts.exercise.ExerciseScriptStartedEvent;
import fr.ars.coord.contracts.exercise.ExerciseStartedEvent;
import fr.ars.coord.contracts.region.Region;
import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the exercises' rows in the transaction that records their start, end or replay (a subscribing processor,
 * {@value #GROUP}): the command side reads them ({@link RegisteredExercises}) to accept an incident in an exercise and
 * inject a replay's steps, in the commands' own transactions.
 */
@Component
@ProcessingGroup(ExerciseRegister.GROUP)
public class ExerciseRegister {

    static final String GROUP = "exercise-register";

    private final JdbcTemplate jdbc;
    private final ExerciseScripts scripts;

    ExerciseRegister(JdbcTemplate jdbc, ExerciseScripts scripts) {
        this.jdbc = jdbc;
        this.scripts = scripts;
    }

    /** The replay and its steps, each due at the replay's start plus its time divided by the speed. */
    @EventHandler
    void on(ExerciseScriptStartedEvent event) {
        jdbc.update(
                "INSERT INTO exercise_replay (exercise_id, script_name, speed, started_at, script)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (exercise_id) DO NOTHING",
                event.exerciseId(),
                event.scriptName(),
                event.speed(),
                Timestamp.from(event.startedAt()),
                event.script());
        List<ExerciseScript.Step> steps = scripts.read(event.script(), "script").steps();
        for (int i = 0; i < steps.size(); i++) {
            jdbc.update(
                    "INSERT INTO exercise_step (exercise_id, step_index, due_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    event.exerciseId(),
                    i,
                    Timestamp.from(ExerciseReplay.scaled(
                            event.startedAt(), steps.get(i).at(), event.speed())));
        }
    }

    @EventHandler
    void on(ExerciseStartedEvent event) {
        jdbc.update(
                "INSERT INTO exercise (exercise_id, name, scenario, regions, started_at, ends_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (exercise_id) DO NOTHING",
                event.exerciseId(),
                event.name(),
                event.scenario(),
                String.join(",", event.regions().stream().map(Region::code).toList()),
                Timestamp.from(event.startedAt()),
                Timestamp.from(event.endsAt()));
    }

    @EventHandler
    void on(ExerciseEndedEvent event) {
        jdbc.update(
                "UPDATE exercise SET ended_at = ? WHERE exercise_id = ?",
                Timestamp.from(event.endedAt()),
                event.exerciseId());
    }
}
