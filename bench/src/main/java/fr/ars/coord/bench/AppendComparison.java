package fr.ars.coord.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent;
import fr.ars.coord.contracts.region.Region;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.DeserializationFeature;

/**
 * The cost of event sourcing at the store: events appended through Axon's JDBC storage engine, configured as
 * incident-service configures it (Jackson payload and metadata, the actor in the metadata, Axon's table with its
 * global index and its unique (aggregate, sequence) and event-id indexes), against a plain JDBC insert of an
 * equivalent row (one containment action with who recorded it) into the same PostgreSQL. All sides: the same
 * clients, the same connection pool, one auto-committed transaction per write, alternated in rounds.
 * <p>
 * Events are appended twice over. Once as {@link UnprojectedAction}s, the same fields as a containment action
 * under a type no service handles: the store's own cost. Once as real containment actions of real incidents
 * created through the API, which every service's projections then process on the same two cores while the
 * appends run: the cost with the platform reacting, as it would.
 */
final class AppendComparison {

    record Figures(double unprojectedAppendsPerSecond, double projectedAppendsPerSecond, double insertsPerSecond) {
        /** Plain inserts per event appended, the store alone. */
        double ratio() {
            return insertsPerSecond / unprojectedAppendsPerSecond;
        }

        /** Plain inserts per incident event appended while the services project each one. */
        double projectedRatio() {
            return insertsPerSecond / projectedAppendsPerSecond;
        }
    }

    /** A containment action's fields under a payload type that no service handles. */
    record UnprojectedAction(String incidentId, String region, ContainmentAction action, String description) {}

    private final String jdbcUrl;
    private final int clients;

    AppendComparison(String jdbcUrl, int clients) {
        this.jdbcUrl = jdbcUrl;
        this.clients = clients;
    }

    Figures measure(List<String> incidents, int perRound, int rounds) throws Exception {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("ars");
        pool.setPassword("ars");
        pool.setMaximumPoolSize(clients);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            createPlainTable(dataSource);
            // the services' serializer: Jackson 3, lenient on unknown fields, ISO instants (Jackson 3's default)
            Jackson3Serializer serializer = Jackson3Serializer.builder()
                    .jsonMapperBuilderCustomizer(
                            json -> json.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                    .build();
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(dataSource::getConnection)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            long[] nextSequence = nextSequences(dataSource, incidents);
            MetaData actor = MetaData.from(new Actor("bench", "esante-hdf", "GRADES", "FR-HDF").toMetaData());
            String[] unprojected = new String[clients];
            long[] unprojectedSequence = new long[clients];
            for (int client = 0; client < clients; client++) {
                unprojected[client] = UUID.randomUUID().toString();
            }
            long unprojectedNanos = 0;
            long appendNanos = 0;
            long insertNanos = 0;
            int written = 0;
            for (int round = 0; round < rounds + 1; round++) {
                long unprojectedAppends = timed(client -> () -> {
                    String aggregate = unprojected[client];
                    for (int i = 0; i < perRound / clients; i++) {
                        UnprojectedAction event =
                                new UnprojectedAction(aggregate, "FR-HDF", ContainmentAction.OTHER, "charge " + i);
                        engine.appendEvents(new GenericDomainEventMessage<>(
                                "BenchAction", aggregate, unprojectedSequence[client]++, event, actor));
                    }
                    return null;
                });
                long appends = timed(client -> () -> {
                    String incident = incidents.get(client);
                    for (int i = 0; i < perRound / clients; i++) {
                        ContainmentActionRecordedEvent event = new ContainmentActionRecordedEvent(
                                incident, Region.of("FR-HDF"), ContainmentAction.OTHER, "charge " + i);
                        engine.appendEvents(new GenericDomainEventMessage<>(
                                "Incident", incident, nextSequence[client]++, event, actor));
                    }
                    return null;
                });
                long inserts = timed(client -> () -> {
                    String incident = incidents.get(client);
                    for (int i = 0; i < perRound / clients; i++) {
                        try (Connection c = dataSource.getConnection();
                                PreparedStatement insert = c.prepareStatement(
                                        "INSERT INTO bench_plain_action VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                            insert.setObject(1, UUID.randomUUID());
                            insert.setString(2, incident);
                            insert.setString(3, "FR-HDF");
                            insert.setString(4, "OTHER");
                            insert.setString(5, "charge " + i);
                            insert.setObject(6, OffsetDateTime.now());
                            insert.setString(
                                    7,
                                    "{\"sub\": \"bench\", \"username\": \"esante-hdf\", \"org\": \"GRADES\","
                                            + " \"region\": \"FR-HDF\"}");
                            insert.executeUpdate();
                        }
                    }
                    return null;
                });
                if (round > 0) { // the first round warms every path up
                    unprojectedNanos += unprojectedAppends;
                    appendNanos += appends;
                    insertNanos += inserts;
                    written += perRound / clients * clients;
                }
            }
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("DROP TABLE bench_plain_action");
            }
            return new Figures(
                    written / (unprojectedNanos / 1e9), written / (appendNanos / 1e9), written / (insertNanos / 1e9));
        }
    }

    private interface ClientWork {
        Callable<Void> of(int client);
    }

    private long timed(ClientWork work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<Void>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                running.add(threads.submit(work.of(client)));
            }
            for (Future<Void> f : running) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            threads.shutdown();
        }
    }

    private static void createPlainTable(HikariDataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("DROP TABLE IF EXISTS bench_plain_action");
            c.createStatement()
                    .execute(
                            "CREATE TABLE bench_plain_action (id UUID PRIMARY KEY,"
                                    + " incident_id VARCHAR(36) NOT NULL, region VARCHAR(6) NOT NULL, action VARCHAR(40) NOT NULL,"
                                    + " description VARCHAR(2000), recorded_at TIMESTAMPTZ NOT NULL, recorded_by JSONB NOT NULL)");
        }
    }

    private static long[] nextSequences(HikariDataSource dataSource, List<String> incidents) throws Exception {
        long[] next = new long[incidents.size()];
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?")) {
            for (int i = 0; i < incidents.size(); i++) {
                q.setString(1, incidents.get(i));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    next[i] = rs.getLong(1) + 1;
                }
            }
        }
        return next;
    }
}
