package fr.ars.coord.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform started exactly as a newcomer starts it, {@code infra/run.sh}, on ports of its own and a data
 * folder under target/ (stores emptied first), once per test JVM. Stopped with SIGTERM, as Ctrl-C would.
 */
final class RunningPlatform {

    static final int POSTGRES_PORT = Integer.getInteger("e2e.postgres.port", 25432);
    static final int MONGO_PORT = Integer.getInteger("e2e.mongo.port", 28017);
    static final int KEYCLOAK_PORT = Integer.getInteger("e2e.keycloak.port", 28180);
    static final int KEYCLOAK_MANAGEMENT_PORT = Integer.getInteger("e2e.keycloak.management.port", 28190);
    static final int INCIDENT_SERVICE_PORT = Integer.getInteger("e2e.incident.port", 28081);
    static final int REGION_SERVICE_PORT = Integer.getInteger("e2e.region.port", 28082);
    static final int NOTIFICATION_SERVICE_PORT = Integer.getInteger("e2e.notification.port", 28083);
    static final int GATEWAY_PORT = Integer.getInteger("e2e.gateway.port", 28080);
    static final int CONSOLE_PORT = Integer.getInteger("e2e.console.port", 28084);
    static final int SMTP_PORT = Integer.getInteger("e2e.smtp.port", 22525);
    static final int IMAP_PORT = Integer.getInteger("e2e.imap.port", 22143);
    static final int[] PORTS = {
        POSTGRES_PORT,
        MONGO_PORT,
        KEYCLOAK_PORT,
        KEYCLOAK_MANAGEMENT_PORT,
        INCIDENT_SERVICE_PORT,
        REGION_SERVICE_PORT,
        NOTIFICATION_SERVICE_PORT,
        GATEWAY_PORT,
        CONSOLE_PORT,
        SMTP_PORT,
        IMAP_PORT
    };

    private static RunningPlatform instance;

    private final Path root =
            Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private final Path data =
            Path.of(System.getProperty("platform.data", "target/platform")).toAbsolutePath();
    private final Path output = data.resolve("run.out");
    private Process process;
    private final java.util.List<Process> replacements = new java.util.concurrent.CopyOnWriteArrayList<>();

    static synchronized RunningPlatform get() {
        if (instance == null) {
            instance = new RunningPlatform();
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "platform-stop"));
        }
        return instance;
    }

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ARS_DATA_DIR", data.toString());
        env.put("POSTGRES_PORT", String.valueOf(POSTGRES_PORT));
        env.put("MONGO_PORT", String.valueOf(MONGO_PORT));
        env.put("KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
        env.put("KEYCLOAK_MANAGEMENT_PORT", String.valueOf(KEYCLOAK_MANAGEMENT_PORT));
        env.put("INCIDENT_SERVICE_PORT", String.valueOf(INCIDENT_SERVICE_PORT));
        env.put("REGION_SERVICE_PORT", String.valueOf(REGION_SERVICE_PORT));
        env.put("NOTIFICATION_SERVICE_PORT", String.valueOf(NOTIFICATION_SERVICE_PORT));
        env.put("GATEWAY_PORT", String.valueOf(GATEWAY_PORT));
        env.put("CONSOLE_PORT", String.valueOf(CONSOLE_PORT));
        env.put("SMTP_PORT", String.valueOf(SMTP_PORT));
        env.put("MAIL_IMAP_PORT", String.valueOf(IMAP_PORT));
        // as infra/run.sh sets it, also for the services the fault tests restart themselves: the links in the feed,
        // the webhooks and the mails name the gateway the tests call
        env.put("ARS_PUBLIC_BASE_URL", "http://localhost:" + GATEWAY_PORT);
        // thousands of requests from a handful of test users: the rate limit itself is covered by GatewayIT
        env.put("ARS_GATEWAY_RATE_AUTHENTICATED", "1000000");
        env.put("ARS_GATEWAY_BURST_AUTHENTICATED", "100000");
        // the tests' webhook receivers listen on this machine; the bad-input campaign's subscriber is a name
        env.put("ARS_WEBHOOK_ALLOWED_TARGETS", "127.0.0.1/32,abonne.example");
        // as infra/run.sh sets for development, also for the processes the fault tests restart themselves
        env.put("ARS_WEBHOOK_REQUIRE_HTTPS", "false");
        // obligations become due soon and overdue during the run: reminders within seconds, not half a minute
        env.put("ARS_REMINDER_SWEEP_INTERVAL", "PT2S");
        // NIS2 in force for every entity of Normandie and for the e-health group of Hauts-de-France only
        env.put("ARS_NIS2_ENTITIES", "FR-NOR:*,FR-HDF:GRADES");
        // services restarted by the fault tests must key ids as infra/run.sh's processes did
        env.put("ARS_ID_SECRET", "e2e-secret-keying-idempotent-creation-ids-0123456789");
        // ...and a console started again must open the sessions the first one sealed
        env.put("ARS_CONSOLE_SESSION_KEY", "e2e-console-session-key-sealing-sessions-at-rest-0123");
        return env;
    }

    private void start() {
        try {
            // every run starts from empty stores; the Keycloak installation is kept to save its build
            for (String store : new String[] {"postgres", "mongo", "logs"}) {
                PlatformProcesses.deleteRecursively(data.resolve(store));
            }
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = PlatformProcesses.runSh(root, output, environment(), Duration.ofMinutes(8));
    }

    /** Runs infra/demo.sh against this platform and returns what it printed; it must end without error. */
    String demo() throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(root.resolve("infra/demo.sh").toString()).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process demo = builder.start();
        demo.getOutputStream().close();
        String out = new String(demo.getInputStream().readAllBytes());
        org.assertj.core.api.Assertions.assertThat(demo.waitFor()).as(out).isZero();
        return out;
    }

    /** Kills a service started by run.sh with SIGKILL, as a crash would; returns once it is gone. */
    void kill(String service) throws InterruptedException {
        String jar = service + "-0.1.0-SNAPSHOT.jar";
        java.util.List<ProcessHandle> victims = java.util.stream.Stream.concat(
                        process.descendants(), replacements.stream().map(Process::toHandle))
                .filter(p -> p.info().commandLine().map(c -> c.contains(jar)).orElse(false))
                .toList();
        if (victims.isEmpty()) {
            throw new IllegalStateException(service + " is not running");
        }
        for (ProcessHandle victim : victims) {
            victim.destroyForcibly();
            victim.onExit().join();
        }
    }

    /** Stops an embedded store ("postgres" or "mongo") cleanly (SIGTERM), as an operator restarting it would. */
    void stopStore(String store) {
        String command = "infra-stores.jar " + store + " ";
        java.util.stream.Stream.concat(
                        process.descendants(), replacements.stream().map(Process::toHandle))
                .filter(p ->
                        p.info().commandLine().map(c -> c.contains(command)).orElse(false))
                .toList()
                .forEach(p -> {
                    p.destroy();
                    p.onExit().join();
                });
    }

    /** Starts an embedded store again on its port and data folder; returns once it accepts connections. */
    void startStore(String store, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "java",
                        "-Xmx160m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        root.resolve("infra/target/infra-stores.jar").toString(),
                        store,
                        "--port",
                        String.valueOf(port),
                        "--data",
                        data.resolve(store).toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        data.resolve("logs/" + store + ".log").toFile()));
        replacements.add(builder.start());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!listening(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(store + " did not come back");
            }
            Thread.sleep(300);
        }
    }

    /** Starts a service again outside run.sh (which only reports crashes), on the same ports and stores. */
    void restart(String service, int port) throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(environment());
        env.put("KEYCLOAK_ISSUER", "http://localhost:" + KEYCLOAK_PORT + "/realms/ars");
        env.putAll(PlatformProcesses.databaseAccount(data, service));
        replacements.add(
                PlatformProcesses.startService(root, service, port, env, data.resolve("logs/" + service + ".log")));
    }

    static boolean healthy(int port) {
        return healthy(port, "/actuator/health");
    }

    static boolean healthy(int port, String path) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGTERM to run.sh, which stops every process it started; true if it finished in time. */
    synchronized boolean stop() {
        return PlatformProcesses.stop(process, replacements, Duration.ofSeconds(90));
    }

    /** One number (a count, an index) straight from the platform's PostgreSQL. */
    long number(String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/ars", "ars", "ars");
                java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Path root() {
        return root;
    }

    /** The platform's data folder (stores, logs, the secrets infra/run.sh made). */
    Path dataDirectory() {
        return data;
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    /** The single entry every API client uses. */
    String gatewayUrl() {
        return "http://localhost:" + GATEWAY_PORT;
    }

    String tokenUrl() {
        return "http://localhost:" + KEYCLOAK_PORT + "/realms/ars/protocol/openid-connect/token";
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
