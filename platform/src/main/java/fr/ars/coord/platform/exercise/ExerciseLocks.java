package fr.ars.coord.platform.exercise;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lock per exercise across the services, held until the transaction that takes it ends: the exercise's end holds it
 * alone ({@link #holdToEnd}) before its event is appended, and a command of another service recording in the exercise
 * holds it shared ({@link #holdToRecord}) before it reads whether the exercise has ended. So the two never cross:
 * either the command commits first and its events precede the end, or it waits and reads the end. A PostgreSQL
 * transaction-scoped advisory lock: no table, no grant, released at commit or rollback. Each service that needs it
 * declares it as a bean (the domain asks it without knowing the store).
 */
public final class ExerciseLocks {

    private static final String NAMESPACE = "ars-exercise:";

    private final JdbcTemplate jdbc;

    public ExerciseLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Held by the exercise's end, in its transaction. */
    public void holdToEnd(String exerciseId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", NAMESPACE + exerciseId);
    }

    /** Held by a command recording in the exercise, in its transaction, before it reads the exercise's state. */
    public void holdToRecord(String exerciseId) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock_shared(hashtextextended(?, 0))", NAMESPACE + exerciseId);
    }
}
