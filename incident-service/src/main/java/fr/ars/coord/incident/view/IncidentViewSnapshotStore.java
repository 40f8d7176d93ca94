package fr.ars.coord.incident.view;

import fr.ars.coord.contracts.incident.ObligationFacts;
import fr.ars.coord.platform.eventstore.AggregateIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snapshots of incidents' views in PostgreSQL, several per incident (one every so many events), so that the
 * current view and any {@code asOf} view start from the nearest one. Derived data: the same view taken twice (by
 * two readers, two instances) is one row, and rows of another {@link #FORMAT} are ignored.
 */
@Component
class IncidentViewSnapshotStore {

    /**
     * The form of {@link IncidentView} stored: raise it when the view's fields change meaning (2: every obligation;
     * 3: the classification). Fields only added keep it: the waivers of a closure (and a clock's waiver reason) are
     * absent from rows written before them, which read as none, as those incidents had. 4: the row holds the view and
     * the obligation facts folded with it. The observables were added, not changed: rows before them hold none.
     */
    static final int FORMAT = 4;

    /** What a row holds: the view and the obligation facts folded with it. */
    record Stored(IncidentView view, ObligationFacts facts) {}

    private static final Logger log = LoggerFactory.getLogger(IncidentViewSnapshotStore.class);

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    IncidentViewSnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IncidentViewSnapshot> latest(String incidentId) {
        return readSafely(
                incidentId,
                () -> jdbc
                        .query(
                                "SELECT view, sequence_number, recorded_until_iso"
                                        + " FROM incident_view_snapshot WHERE incident_id = ? AND format = ?"
                                        + " ORDER BY sequence_number DESC LIMIT 1",
                                (rs, n) -> snapshot(rs),
                                incidentId,
                                FORMAT)
                        .stream()
                        .findFirst());
    }

    /** The latest snapshot whose events were all recorded at or before {@code asOf}. */
    Optional<IncidentViewSnapshot> latestServing(String incidentId, Instant asOf) {
        if (asOf.isBefore(Instant.EPOCH)) {
            return Optional.empty(); // nothing was recorded then (and the database's instants do not go that far)
        }
        // stored microseconds may round up: rows up to a microsecond later are read, the exact instant decides
        return readSafely(
                incidentId,
                () -> jdbc
                        .query(
                                "SELECT view, sequence_number, recorded_until_iso"
                                        + " FROM incident_view_snapshot WHERE incident_id = ? AND format = ? AND recorded_until <= ?"
                                        + " ORDER BY sequence_number DESC LIMIT 2",
                                (rs, n) -> snapshot(rs),
                                incidentId,
                                FORMAT,
                                Timestamp.from(asOf.plusNanos(1_000)))
                        .stream()
                        .filter(s -> !s.recordedUntil().isAfter(asOf))
                        .findFirst());
    }

    /** Keeps {@code snapshot}; a failure to keep it only costs a longer fold next time (logged, not thrown). */
    void save(IncidentViewSnapshot snapshot) {
        if (!AggregateIds.isWellFormed(snapshot.view().id())) {
            return;
        }
        try {
            insert(snapshot);
        } catch (DataAccessException | JacksonException e) {
            log.warn(
                    "snapshot of incident {} at {} not kept: {}",
                    snapshot.view().id(),
                    snapshot.sequence(),
                    e.toString());
        }
    }

    /**
     * A snapshot that cannot be read (a row damaged by hand, a form changed without raising {@link #FORMAT}) is
     * no snapshot: the view is folded from the first event, as it would be without it.
     */
    private Optional<IncidentViewSnapshot> readSafely(
            String incidentId, Supplier<Optional<IncidentViewSnapshot>> read) {
        try {
            return read.get();
        } catch (JacksonException | DateTimeParseException e) {
            log.warn("snapshot of incident {} ignored, unreadable: {}", incidentId, e.toString());
            return Optional.empty();
        }
    }

    private void insert(IncidentViewSnapshot snapshot) {
        jdbc.update(
                "INSERT INTO incident_view_snapshot (incident_id, sequence_number, recorded_until_iso,"
                        + " recorded_until, format, view) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (incident_id, sequence_number, format) DO NOTHING",
                snapshot.view().id(),
                snapshot.sequence(),
                snapshot.recordedUntil().toString(),
                Timestamp.from(snapshot.recordedUntil()),
                FORMAT,
                json.writeValueAsString(new Stored(snapshot.view(), snapshot.facts())));
    }

    private IncidentViewSnapshot snapshot(ResultSet rs) throws SQLException {
        Stored stored = json.readValue(rs.getString(1), Stored.class);
        return new IncidentViewSnapshot(stored.view(), stored.facts(), rs.getLong(2), Instant.parse(rs.getString(3)));
    }
}
