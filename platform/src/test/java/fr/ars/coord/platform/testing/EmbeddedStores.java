package fr.ars.coord.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL (embedded binary) and one MongoDB-compatible server per test JVM, started on first
 * use and shared by every integration test of the module; both stop when the JVM exits.
 */
public final class EmbeddedStores {

    /** The secret the services under test key their ids with. */
    public static final String ID_SECRET = "test-secret-for-keyed-aggregate-ids-0123456789";

    private static EmbeddedPostgres postgres;
    private static MongoServer mongo;
    private static String mongoUri;

    private EmbeddedStores() {}

    public static synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedStores::stop, "embedded-stores-stop"));
    }

    private static synchronized void stop() {
        try {
            if (mongo != null) {
                mongo.shutdownNow();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }

    /** Points a Spring test context at the shared stores; {@code database} keeps services' read models apart. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mongodb.uri", () -> mongoUri + "/" + database);
        registry.add("ars.idempotency.id-secret", () -> EmbeddedStores.ID_SECRET);
        // the addresses the API documents name, as on a default installation: the committed documents say them
        registry.add("ars.api.public-url", () -> "http://localhost:8080");
        registry.add("ars.api.oauth.issuer", () -> "http://localhost:8180/realms/ars");
    }

    /** A new, empty database {@code name} in the shared PostgreSQL (dropped first if a former run left it). */
    public static DataSource freshDatabase(String name) {
        if (!name.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("database name: " + name);
        }
        JdbcTemplate admin = new JdbcTemplate(dataSource());
        admin.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        admin.execute("CREATE DATABASE " + name);
        return postgres.getDatabase("postgres", name);
    }

    /** The JDBC URL of database {@code name} in the shared PostgreSQL. */
    public static String jdbcUrl(String name) {
        start();
        return postgres.getJdbcUrl("postgres", name);
    }

    public static String mongoUri() {
        start();
        return mongoUri;
    }

    public static DataSource dataSource() {
        start();
        return postgres.getPostgresDatabase();
    }
}
