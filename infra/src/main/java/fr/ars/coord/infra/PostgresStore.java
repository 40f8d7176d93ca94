package fr.ars.coord.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL 17 server (binary shipped in a jar) with its data kept in a folder. On first start it
 * creates the {@code ars} role and database (dev credentials, local only): {@code ars} owns the schema and runs the
 * migrations. With {@code --roles}, it also creates (or sets the password of) one login role per component, each
 * password read from its file in that folder: the services, the console and the gateway connect as those, and the
 * migrations grant each only the tables it uses.
 */
final class PostgresStore {

    static final String DATABASE = "ars";
    static final String ROLE = "ars";
    /** The roles of the components: gateway, console, each service. */
    static final List<String> COMPONENT_ROLES =
            List.of("ars_gateway", "ars_console", "ars_incident", "ars_region", "ars_notification");

    private PostgresStore() {}

    static void run(LauncherOptions options) throws Exception {
        Files.createDirectories(options.dataDirectory());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(options.port())
                .setDataDirectory(options.dataDirectory())
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", options.host())
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "64MB")
                .start();
        createDatabase(postgres);
        if (options.rolesDirectory() != null) {
            createComponentRoles(postgres, options.rolesDirectory());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                postgres.close();
                            } catch (Exception e) {
                                System.err.println("PostgreSQL did not stop cleanly: " + e);
                            }
                            stopped.countDown();
                        },
                        "postgres-stop"));
        System.out.println("PostgreSQL ready on " + options.host() + ":" + options.port() + " (database " + DATABASE
                + ", data in " + options.dataDirectory() + ")");
        stopped.await();
    }

    private static void createComponentRoles(EmbeddedPostgres postgres, Path passwords) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            for (String role : COMPONENT_ROLES) {
                Path file = passwords.resolve("db-" + role);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String password = Files.readString(file).strip().replace("'", "''");
                boolean exists;
                try (ResultSet found =
                        statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                    exists = found.next();
                }
                statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
            }
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet role = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!role.next()) {
                    statement.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'");
                }
            }
            try (ResultSet db =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!db.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
                }
            }
        }
    }
}
