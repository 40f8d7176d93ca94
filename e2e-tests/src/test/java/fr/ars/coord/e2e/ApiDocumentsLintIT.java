package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ApiDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The committed API documents pass Redocly CLI's recommended rules with every warning counted as an error
 * ({@code docs/openapi/redocly.yaml}): 0 errors, 0 warnings. Redocly runs from {@code docs/openapi/node_modules},
 * installed from the committed lock file when missing; the lint itself needs no network.
 */
class ApiDocumentsLintIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCommittedDocumentsHaveNoErrorAndNoWarning() throws Exception {
        Path docs = ApiDocuments.committed("incident-service").getParent();
        Path redocly = docs.resolve("node_modules/.bin/redocly");
        if (!Files.isExecutable(redocly)) {
            Run install = run(docs, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
            assertThat(install.exit())
                    .as("npm ci in %s: %s", docs, install.output())
                    .isZero();
        }
        Run lint = run(docs, List.of(redocly.toString(), "lint", "--format=json"), 300);
        String output = lint.output();
        // one report per document on standard output, the progress on standard error
        int reports = 0;
        try (var iterator = JSON.readerFor(JsonNode.class).<JsonNode>readValues(lint.report())) {
            while (iterator.hasNext()) {
                JsonNode report = iterator.next();
                reports++;
                assertThat(report.at("/totals/errors").asInt(-1)).as(output).isZero();
                assertThat(report.at("/totals/warnings").asInt(-1)).as(output).isZero();
            }
        }
        assertThat(reports).as(output).isEqualTo(3);
        assertThat(lint.exit()).as(output).isZero();
    }

    private record Run(int exit, String report, String output) {}

    private static Run run(Path folder, List<String> command, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("redocly", ".out");
        Path log = Files.createTempFile("redocly", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(out.toFile())
                .redirectError(log.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_UPDATE_NOTIFIER", "1");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String report = Files.readString(out, StandardCharsets.UTF_8);
        return new Run(process.exitValue(), report, report + Files.readString(log, StandardCharsets.UTF_8));
    }
}
