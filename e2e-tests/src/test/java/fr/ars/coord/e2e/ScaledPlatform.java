package fr.ars.coord.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The platform as {@code infra/run.sh --instances 2 --gateways 2} starts it, on ports and a data folder of its own
 * (stores emptied first; the Keycloak built for the other e2e platform is reused when there is one): two processes
 * of each service, instance k on its port + 1000*k, and two gateways.
 */
final class ScaledPlatform {

    // below the ephemeral range (32768 and up on Linux): a port there may be taken at any moment by the local end
    // of some outgoing connection, and a listener then fails to start
    static final int POSTGRES_PORT = 26432;
    static final int MONGO_PORT = 29017;
    static final int KEYCLOAK_PORT = 29180;
    static final int KEYCLOAK_MANAGEMENT_PORT = 29190;
    static final int GATEWAY_PORT = 30080;
    static final int CONSOLE_PORT = 30084;
    static final Map<String, Integer> SERVICE_PORTS =
            Map.of("incident-service", 30081, "region-service", 30082, "notification-service", 30083);

    private final Path root =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private final Path data = Path.of("target/platform-scaled").toAbsolutePath();
    private final Path output = data.resolve("run.out");
    private final List<Process> replacements = new CopyOnWriteArrayList<>();
    private Process process;

    Map<String, String> environment() {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("ARS_DATA_DIR", data.toString());
        env.put("POSTGRES_PORT", String.valueOf(POSTGRES_PORT));
        env.put("MONGO_PORT", String.valueOf(MONGO_PORT));
        env.put("KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
        env.put("KEYCLOAK_MANAGEMENT_PORT", String.valueOf(KEYCLOAK_MANAGEMENT_PORT));
        env.put("INCIDENT_SERVICE_PORT", String.valueOf(SERVICE_PORTS.get("incident-service")));
        env.put("REGION_SERVICE_PORT", String.valueOf(SERVICE_PORTS.get("region-service")));
        env.put("NOTIFICATION_SERVICE_PORT", String.valueOf(SERVICE_PORTS.get("notification-service")));
        env.put("GATEWAY_PORT", String.valueOf(GATEWAY_PORT));
        env.put("CONSOLE_PORT", String.valueOf(CONSOLE_PORT));
        env.put("SMTP_PORT", "32525");
        env.put("MAIL_IMAP_PORT", "32143");
        env.put("ARS_GATEWAY_RATE_AUTHENTICATED", "1000000");
        env.put("ARS_GATEWAY_BURST_AUTHENTICATED", "100000");
        env.put("ARS_WEBHOOK_ALLOWED_TARGETS", "127.0.0.1/32");
        env.put("ARS_WEBHOOK_REQUIRE_HTTPS", "false");
        env.put("ARS_ID_SECRET", "e2e-scaled-secret-keying-idempotent-creation-ids-012345");
        env.put("ARS_CONSOLE_SESSION_KEY", "e2e-scaled-console-session-key-sealing-sessions-0123");
        // old awareness: their reminders are not what this test counts
        env.put("ARS_REMINDER_SWEEP_INTERVAL", "PT1H");
        return env;
    }

    void start() {
        try {
            for (String store : new String[] {"postgres", "mongo", "logs", "secrets"}) {
                PlatformProcesses.deleteRecursively(data.resolve(store));
            }
            Files.createDirectories(data);
            Path builtKeycloak = Path.of(System.getProperty("platform.data", "target/platform"))
                    .toAbsolutePath()
                    .resolve("keycloak");
            if (Files.isDirectory(builtKeycloak) && !Files.isDirectory(data.resolve("keycloak"))) {
                copyRecursively(builtKeycloak, data.resolve("keycloak"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = PlatformProcesses.runSh(
                root, output, environment(), Duration.ofMinutes(10), "--instances", "2", "--gateways", "2");
    }

    static int port(String service, int instance) {
        return SERVICE_PORTS.get(service) + 1000 * instance;
    }

    String gatewayUrl(int gateway) {
        return "http://localhost:" + (GATEWAY_PORT + 1000 * gateway);
    }

    String tokenUrl() {
        return "http://localhost:" + KEYCLOAK_PORT + "/realms/ars/protocol/openid-connect/token";
    }

    /** Kills instance {@code instance} of {@code service} with SIGKILL; returns its pid once it is gone. */
    long kill(String service, int instance) {
        String jar = service + "-0.1.0-SNAPSHOT.jar";
        String port = "--server.port=" + port(service, instance);
        List<ProcessHandle> victims = Stream.concat(
                        process.descendants(), replacements.stream().map(Process::toHandle))
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains(jar) && c.contains(port))
                        .orElse(false))
                .toList();
        if (victims.size() != 1) {
            throw new IllegalStateException(victims.size() + " processes are " + service + " on " + port);
        }
        victims.get(0).destroyForcibly();
        victims.get(0).onExit().join();
        return victims.get(0).pid();
    }

    /** Starts instance {@code instance} of {@code service} again, as run.sh did; returns once it is healthy. */
    void restart(String service, int instance) throws IOException, InterruptedException {
        Map<String, String> env = new java.util.LinkedHashMap<>(environment());
        env.put("KEYCLOAK_ISSUER", "http://localhost:" + KEYCLOAK_PORT + "/realms/ars");
        env.putAll(PlatformProcesses.databaseAccount(data, service));
        replacements.add(PlatformProcesses.startService(
                root,
                service,
                port(service, instance),
                env,
                data.resolve("logs/" + service + "-" + instance + ".log"),
                "--server.port=" + port(service, instance)));
    }

    /** The claims on the segments of the named processors: one "processor segment owner" string each. */
    List<String> claims(List<String> processors) throws java.sql.SQLException {
        List<String> claims = new ArrayList<>();
        try (java.sql.Connection c = connection();
                java.sql.PreparedStatement query = c.prepareStatement("SELECT processorname, segment, owner FROM"
                        + " tokenentry WHERE processorname = ANY (?) ORDER BY processorname, segment")) {
            query.setArray(1, c.createArrayOf("varchar", processors.toArray()));
            try (java.sql.ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    claims.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3));
                }
            }
        }
        return claims;
    }

    long number(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = connection();
                java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static java.sql.Connection connection() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/ars", "ars", "ars");
    }

    /** SIGTERM to run.sh and to the instances restarted here. */
    void stop() {
        PlatformProcesses.stop(process, replacements, Duration.ofSeconds(120));
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
