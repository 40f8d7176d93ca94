package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Appends events straight into the event store's table, in the form the services write them (JSON payloads of the
 * contract records, revision 1, actor metadata), committed every 2,000 rows.
 */
final class EventRows implements AutoCloseable {

    private static final String CONTRACTS = "fr.ars.coord.contracts.";
    private static final int BATCH = 2_000;

    private final Connection connection;
    private final PreparedStatement insert;
    private final byte[] metaData;
    private long written;

    EventRows(String jdbcUrl, String actorRegion) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, "ars", "ars");
        connection.setAutoCommit(false);
        insert = connection.prepareStatement("INSERT INTO domainevententry (aggregateidentifier, sequencenumber,"
                + " type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                + " VALUES (?, ?, ?, ?, ?, ?, '1', ?, ?)");
        metaData = ("{\"actorSub\":\"bench\",\"actorUsername\":\"bench\",\"actorOrg\":\"ARS\""
                        + (actorRegion == null ? "" : ",\"actorRegion\":\"" + actorRegion + "\"") + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One event of an aggregate: {@code type} is the aggregate's type ({@code Incident}, {@code Campaign}),
     * {@code payloadType} the contract record's name under {@code fr.ars.coord.contracts.}.
     */
    void append(
            String aggregateId, long sequence, String type, String payloadType, ObjectNode payload, Instant timestamp)
            throws Exception {
        insert.setString(1, aggregateId);
        insert.setLong(2, sequence);
        insert.setString(3, type);
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, metaData);
        insert.setBytes(6, Http.JSON.writeValueAsBytes(payload));
        insert.setString(7, CONTRACTS + payloadType);
        insert.setString(8, timestamp.toString());
        insert.addBatch();
        if (++written % BATCH == 0) {
            insert.executeBatch();
            connection.commit();
        }
    }

    long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        insert.executeBatch();
        connection.commit();
        insert.close();
        connection.close();
    }
}
