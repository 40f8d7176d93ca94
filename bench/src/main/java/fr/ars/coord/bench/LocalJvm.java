package fr.ars.coord.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A JVM of the platform running on this machine, found by a fragment of its command line. */
final class LocalJvm {

    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    private final long pid;

    private LocalJvm(long pid) {
        this.pid = pid;
    }

    /** The JVM running the jar of one of the platform's services (or the gateway), if any. */
    static LocalJvm ofService(String service) throws IOException {
        return find(service + "-0.1.0-SNAPSHOT.jar");
    }

    /** The first java process whose command line contains {@code fragment}, if any. */
    static LocalJvm find(String fragment) throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String commandLine =
                            Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                    boolean java = commandLine.startsWith("java") || commandLine.contains("/bin/java");
                    if (java && commandLine.contains(fragment)) {
                        return new LocalJvm(Long.parseLong(dir.getFileName().toString()));
                    }
                } catch (IOException processEnded) {
                    // gone meanwhile
                }
            }
        }
        return null;
    }

    /** Resident memory, in megabytes. */
    Double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return null;
    }

    /**
     * CPU time it has used so far, user and system, in milliseconds ({@code /proc/<pid>/stat}, whose clock ticks are
     * hundredths of a second on Linux).
     */
    long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /**
     * How many methods its just-in-time compilers have compiled so far ({@code sun.ci.totalCompiles}), read with
     * {@code jcmd}; empty when the benchmark runs on a runtime without it or may not attach.
     */
    OptionalLong compilations() {
        Long total = counters().get("sun.ci.totalCompiles");
        return total == null ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /**
     * Its collections so far, young and full (the serial collector's two generations, G1's young and full), and the
     * time they took; empty when the counters cannot be read.
     */
    java.util.Optional<Collections> collections() {
        Map<String, Long> counters = counters();
        Long frequency = counters.get("sun.os.hrt.frequency");
        if (frequency == null || !counters.containsKey("sun.gc.collector.1.invocations")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Collections(
                counters.get("sun.gc.collector.0.invocations"),
                counters.get("sun.gc.collector.0.time") * 1000.0 / frequency,
                counters.get("sun.gc.collector.1.invocations"),
                counters.get("sun.gc.collector.1.time") * 1000.0 / frequency));
    }

    /** Collections counted from the JVM's start: young ones, full ones, and their milliseconds. */
    record Collections(long young, double youngMillis, long full, double fullMillis) {

        Collections since(Collections before) {
            return new Collections(
                    young - before.young,
                    youngMillis - before.youngMillis,
                    full - before.full,
                    fullMillis - before.fullMillis);
        }
    }

    /** Its performance counters with a whole number for a value, read with {@code jcmd PerfCounter.print}. */
    private Map<String, Long> counters() {
        if (!Files.isExecutable(JCMD)) {
            return Map.of();
        }
        try {
            Process jcmd = new ProcessBuilder(JCMD.toString(), Long.toString(pid), "PerfCounter.print")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(20, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                return Map.of();
            }
            Map<String, Long> counters = new java.util.HashMap<>();
            out.lines().filter(line -> line.matches("[A-Za-z0-9_.]+=-?\\d+")).forEach(line -> {
                int equals = line.indexOf('=');
                counters.put(line.substring(0, equals), Long.parseLong(line.substring(equals + 1)));
            });
            return counters;
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
