package fr.ars.coord.incident.exercise;

import fr.ars.coord.contracts.exercise.ExerciseEndedEvent;
import fr.ars.coord.contracts.exercise.ExerciseStartedEvent;
import fr.ars.coord.contracts.region.Region;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The exercises, a row each, written in the transaction that records their start and end (a subscribing processor,
 * {@value #GROUP}): the command side reads it to accept an incident in an exercise, and locks the row it reads
 * ({@link #lockedForRecording}) so that an exercise cannot end between that read and the incident's commit.
 */
@Component
@ProcessingGroup(ExerciseRegister.GROUP)
public class ExerciseRegister {

    static final String GROUP = "exercise-register";
    private static final String COLUMNS = "exercise_id, name, scenario, regions, started_at, ends_at, ended_at";

    private final JdbcTemplate jdbc;

    ExerciseRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    public Optional<ExerciseRecord> find(String exerciseId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM exercise WHERE exercise_id = ?", ExerciseRegister::row, exerciseId)
                .stream()
                .findFirst();
    }

    /** Every exercise, the latest started first. */
    public List<ExerciseRecord> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM exercise ORDER BY started_at DESC", ExerciseRegister::row);
    }

    /**
     * The exercise, its row locked until the current transaction ends: an end recorded meanwhile waits for it, and
     * one already recorded is seen.
     */
    Optional<ExerciseRecord> lockedForRecording(String exerciseId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM exercise WHERE exercise_id = ? FOR SHARE",
                        ExerciseRegister::row,
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
}
