package fr.ars.coord.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** The benchmark's own queries on the event store: positions, the processors' progress, restamping, size. */
final class EventStoreQueries {

    private final String jdbcUrl;
    private Connection database;

    EventStoreQueries(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** One kept connection for the benchmark's own queries (a new PostgreSQL connection costs a process fork). */
    private synchronized Connection database() throws SQLException {
        if (database == null) {
            database = DriverManager.getConnection(jdbcUrl, "ars", "ars");
        }
        return database;
    }

    /** Queries of their own, on a connection of their own (a reader that must not wait for this one's). */
    EventStoreQueries another() {
        return new EventStoreQueries(jdbcUrl);
    }

    /** The global index of the last event in the national picture, as region-service committed it. */
    synchronized long nationalImpactPosition() throws SQLException {
        try (Statement q = database().createStatement();
                ResultSet rs = q.executeQuery("SELECT position FROM national_impact_position WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    synchronized void close() throws SQLException {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** The global index of an incident's last event. */
    synchronized long globalIndexOf(String incidentId) throws SQLException {
        try (PreparedStatement q = database()
                .prepareStatement("SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?")) {
            q.setString(1, incidentId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** When the publication of a communiqué was recorded (its event's timestamp), if it was. */
    synchronized java.util.Optional<Instant> publishedAt(String communiqueId) throws SQLException {
        return timestamp(
                "SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ?"
                        + " AND payloadtype LIKE '%CommuniquePublishedEvent' ORDER BY sequencenumber DESC LIMIT 1",
                communiqueId);
    }

    /** When an aggregate's first event was recorded (a delivery's scheduling), if it exists. */
    synchronized java.util.Optional<Instant> firstRecordedAt(String aggregateId) throws SQLException {
        return timestamp(
                "SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber LIMIT 1",
                aggregateId);
    }

    /** The timestamp the query finds for an aggregate, if it finds one. */
    private java.util.Optional<Instant> timestamp(String sql, String aggregateId) throws SQLException {
        try (var query = database().prepareStatement(sql)) {
            query.setString(1, aggregateId);
            try (var rows = query.executeQuery()) {
                return rows.next()
                        ? java.util.Optional.of(Instant.parse(rows.getString(1)))
                        : java.util.Optional.empty();
            }
        }
    }

    /** The owner of each segment of every processor ("pid@host", or null when no one holds it), keyed "processor/segment". */
    synchronized java.util.Map<String, String> claims() throws SQLException {
        java.util.Map<String, String> claims = new java.util.TreeMap<>();
        try (var query = database().prepareStatement("SELECT processorname, segment, owner FROM tokenentry");
                var rows = query.executeQuery()) {
            while (rows.next()) {
                claims.put(rows.getString(1) + "/" + rows.getInt(2), rows.getString(3));
            }
        }
        return claims;
    }

    synchronized long maxIndex() throws SQLException {
        try (Statement query = database().createStatement();
                ResultSet rs = query.executeQuery("SELECT max(globalindex) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every service's processors past {@code index}, so that the replay is measured alone. */
    void waitForAllProcessors(long index, long timeoutNanos) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            if (slowestProcessorIndex() >= index) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("processors did not catch up with the seeded events");
    }

    /** Waits until the named processing groups have handled the event at {@code index}. */
    void waitForProcessors(long index, long timeoutNanos, String... groups) throws Exception {
        long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() < deadline) {
            if (slowestIndexOf(groups) >= index) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("processors " + String.join(", ", groups) + " did not catch up");
    }

    private synchronized long slowestIndexOf(String... groups) throws SQLException {
        try (PreparedStatement query = database()
                .prepareStatement("SELECT coalesce(min((convert_from(token, 'UTF8')::json->>'index')::bigint), -1)"
                        + " FROM tokenentry WHERE token IS NOT NULL AND processorname = ANY (?)")) {
            query.setArray(1, database().createArrayOf("text", groups));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private synchronized long slowestProcessorIndex() throws SQLException {
        try (Statement query = database().createStatement();
                ResultSet rs = query.executeQuery("SELECT min((convert_from(token, 'UTF8')::json->>'index')::bigint)"
                        + " FROM tokenentry WHERE token IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Gives every event already stored a timestamp from {@code from} on, a millisecond apart, in append order. */
    synchronized void restampEarlierEvents(Instant from) throws SQLException {
        try (PreparedStatement update = database()
                .prepareStatement("UPDATE domainevententry SET timestamp ="
                        + " to_char((TIMESTAMP WITH TIME ZONE 'epoch' + (? + globalindex) * INTERVAL '1 millisecond')"
                        + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')")) {
            update.setLong(1, from.toEpochMilli());
            update.executeUpdate();
        }
    }

    /** The event table's size on disk, indexes included. */
    synchronized long eventTableBytes() throws SQLException {
        try (Statement query = database().createStatement();
                ResultSet rs = query.executeQuery("SELECT pg_total_relation_size('domainevententry')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
