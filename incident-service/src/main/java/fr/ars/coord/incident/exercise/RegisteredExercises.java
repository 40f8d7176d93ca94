package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.region.Region;
import fr.ars.coord.platform.exercise.ExerciseLocks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The exercises as registered ({@link ExerciseRegister} writes them with each command that starts, ends or replays
 * one): read, and locked for a command that records in one ({@link #lockedForRecording}) so that an exercise cannot
 * end between that read and the command's commit; a replay's steps, each injected once ({@link #nextDue}).
 */
@Component
public class RegisteredExercises {

    private static final String COLUMNS = "exercise_id, name, scenario, regions, started_at, ends_at, ended_at";

    private final JdbcTemplate jdbc;
    private final ExerciseScripts scripts;

    RegisteredExercises(JdbcTemplate jdbc, ExerciseScripts scripts) {
        this.jdbc = jdbc;
        this.scripts = scripts;
    }

    /** The replay in {@code exerciseId}, if one was started. */
    public Optional<ExerciseReplay> replay(String exerciseId) {
        return jdbc
                .query(
                        "SELECT script_name, speed, started_at, script FROM exercise_replay WHERE exercise_id = ?",
                        (rs, n) -> new ExerciseReplay(
                                exerciseId,
                                rs.getString("script_name"),
                                rs.getInt("speed"),
                                rs.getTimestamp("started_at").toInstant(),
                                scripts.read(rs.getString("script"), "script")),
                        exerciseId)
                .stream()
                .findFirst();
    }

    /** The replay's steps as injected so far, in order. */
    public List<ExerciseReplay.InjectedStep> steps(String exerciseId) {
        return jdbc.query(
                "SELECT step_index, due_at, injected_at, outcome FROM exercise_step WHERE exercise_id = ?"
                        + " ORDER BY step_index",
                (rs, n) -> {
                    Timestamp injected = rs.getTimestamp("injected_at");
                    return new ExerciseReplay.InjectedStep(
                            rs.getInt("step_index"),
                            rs.getTimestamp("due_at").toInstant(),
                            injected == null ? null : injected.toInstant(),
                            rs.getString("outcome"));
                },
                exerciseId);
    }

    /**
     * The first step due at {@code now} and not injected, its row locked until the current transaction ends; a step
     * another instance is injecting is passed over.
     */
    public Optional<ExerciseReplay.DueStep> nextDue(Instant now) {
        return jdbc
                .query(
                        "SELECT exercise_id, step_index FROM exercise_step WHERE injected_at IS NULL AND due_at <= ?"
                                + " ORDER BY due_at, step_index LIMIT 1 FOR UPDATE SKIP LOCKED",
                        (rs, n) -> new ExerciseReplay.DueStep(rs.getString("exercise_id"), rs.getInt("step_index")),
                        Timestamp.from(now))
                .stream()
                .findFirst();
    }

    /** Marks a step injected at {@code at}, with what became of it; one already marked stays as it was. */
    public void injected(ExerciseReplay.DueStep step, Instant at, String outcome) {
        jdbc.update(
                "UPDATE exercise_step SET injected_at = ?, outcome = ? WHERE exercise_id = ? AND step_index = ?"
                        + " AND injected_at IS NULL",
                Timestamp.from(at),
                outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome,
                step.exerciseId(),
                step.index());
    }

    public Optional<ExerciseRecord> find(String exerciseId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM exercise WHERE exercise_id = ?",
                        RegisteredExercises::row,
                        exerciseId)
                .stream()
                .findFirst();
    }

    /** Every exercise, the latest started first. */
    public List<ExerciseRecord> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM exercise ORDER BY started_at DESC", RegisteredExercises::row);
    }

    /**
     * The exercise, its row locked until the current transaction ends: an end recorded meanwhile waits for it, and
     * one already recorded is seen.
     */
    Optional<ExerciseRecord> lockedForRecording(String exerciseId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM exercise WHERE exercise_id = ? FOR SHARE",
                        RegisteredExercises::row,
                        exerciseId)
                .stream()
                .findFirst();
    }

    private static ExerciseRecord row(ResultSet rs, int n) throws SQLException {
        String regions = rs.getString("regions");
        Timestamp ended = rs.getTimestamp("ended_at");
        return new ExerciseRecord(
                rs.getString("exercise_id"),
                rs.getString("name"),
                rs.getString("scenario"),
                regions == null || regions.isEmpty()
                        ? List.of()
                        : Arrays.stream(regions.split(",")).map(Region::of).toList(),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }

    /**
     * Locks the exercise's row for the current transaction, exclusively: the transactions recording in it
     * ({@link #lockedForRecording}) finish first, and those after wait for this one.
     */
    void lockedForEnd(String exerciseId) {
        jdbc.queryForList(
                "SELECT exercise_id FROM exercise WHERE exercise_id = ? FOR UPDATE", String.class, exerciseId);
        // and the lock the other services' commands in the exercise (a campaign's links) take shared
        new ExerciseLocks(jdbc).holdToEnd(exerciseId);
    }
}
