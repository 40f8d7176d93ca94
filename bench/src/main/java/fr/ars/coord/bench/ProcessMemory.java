package fr.ars.coord.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Resident memory of a local process, found by a fragment of its command line. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static Double rssMegabytes(String commandLineFragment) throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String commandLine = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
                    if (commandLine.contains(commandLineFragment) && commandLine.startsWith("java")
                            || commandLine.contains(commandLineFragment) && commandLine.contains("/bin/java")) {
                        for (String line : Files.readAllLines(dir.resolve("status"))) {
                            if (line.startsWith("VmRSS:")) {
                                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                            }
                        }
                    }
                } catch (IOException processEnded) {
                    // gone meanwhile
                }
            }
        }
        return null;
    }
}
