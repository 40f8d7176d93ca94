package fr.ars.coord.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the e2e platforms share: starting {@code infra/run.sh}, starting a service again, stopping them all. */
final class PlatformProcesses {

    private PlatformProcesses() {}

    /** Starts {@code infra/run.sh --no-build} with {@code arguments}; returns once it printed "platform running". */
    static Process runSh(
            Path root, Path output, Map<String, String> environment, Duration within, String... arguments) {
        try {
            List<String> command = new java.util.ArrayList<>(
                    List.of(root.resolve("infra/run.sh").toString(), "--no-build"));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            Instant deadline = Instant.now().plus(within);
            while (!Files.readString(output).contains("platform running")) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("infra/run.sh exited:\n" + Files.readString(output));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("platform not ready in time:\n" + Files.readString(output));
                }
                Thread.sleep(500);
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a service's jar again outside run.sh (which only reports crashes), with the platform's environment and
     * {@code arguments}; returns the process once it answers its health check on {@code port}.
     */
    static Process startService(
            Path root, String service, int port, Map<String, String> environment, Path log, String... arguments)
            throws IOException, InterruptedException {
        Path jar = root.resolve(service + "/target/" + service + "-0.1.0-SNAPSHOT.jar");
        List<String> command = new java.util.ArrayList<>(List.of(
                "java",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Daxoniq.update-checker.disabled=true",
                "-jar",
                jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        // a restart beside a scaled platform under load on two cores has taken up to 3 min 52 s: 8 min to come back
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        // the console's paths are under /console, as the gateway routes them
        String health = service.equals("console") ? "/console/actuator/health" : "/actuator/health";
        while (!RunningPlatform.healthy(port, health)) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                // not left running behind the failed test, taking the CPU from the next ones
                process.destroyForcibly();
                throw new IllegalStateException(service + " did not come back");
            }
            Thread.sleep(500);
        }
        return process;
    }

    /**
     * The database account a component started again connects with, as infra/run.sh gives it: its own role, with the
     * password run.sh kept in the data folder (and, for a service, the schema's owner for the migrations).
     */
    static Map<String, String> databaseAccount(Path data, String service) throws IOException {
        String role = switch (service) {
            case "incident-service" -> "ars_incident";
            case "region-service" -> "ars_region";
            case "notification-service" -> "ars_notification";
            case "console" -> "ars_console";
            case "gateway" -> "ars_gateway";
            default -> throw new IllegalArgumentException("no database role for " + service);
        };
        Map<String, String> account = new java.util.LinkedHashMap<>();
        account.put("ARS_DB_USER", role);
        account.put(
                "ARS_DB_PASSWORD",
                Files.readString(data.resolve("secrets/db-" + role)).strip());
        if (service.endsWith("-service")) {
            account.put("ARS_DB_MIGRATION_USER", "ars");
            account.put("ARS_DB_MIGRATION_PASSWORD", "ars");
        }
        return account;
    }

    /** SIGTERM to the services started again, then to run.sh, which stops what it started; true if all did in time. */
    static boolean stop(Process runSh, List<Process> replacements, Duration within) {
        for (Process replacement : replacements) {
            replacement.destroy();
            try {
                replacement.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (runSh == null || !runSh.isAlive()) {
            return true;
        }
        runSh.destroy();
        try {
            return runSh.waitFor(within.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
