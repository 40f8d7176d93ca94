package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Drives every row of docs/authorization-matrix.md through the running gateway with real tokens from the real
 * Keycloak, prints the matrix with the status each row got, and fails on any mismatch.
 */
@Order(2)
class AuthorizationMatrixIT {

    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("report-hdf", report("FR-HDF")),
            Map.entry("report-nor", report("FR-NOR")),
            Map.entry(
                    "exercise", "{\"name\": \"Matrice d'accès\", \"regions\": [\"FR-NOR\"], \"durationMinutes\": 60}"),
            Map.entry("end-exercise", "{\"reason\": \"matrice\"}"),
            Map.entry("containment", "{\"action\": \"SECURITY_REINFORCED\", \"description\": \"matrice\"}"),
            Map.entry(
                    "assessment",
                    "{\"exposedData\": [\"EMAIL\"], \"medicalDataExposed\": false, \"estimatedPatients\": 3}"),
            Map.entry("notification", "{\"authority\": \"CERT_SANTE\", \"notifiedAt\": \"2025-11-21T20:00:00Z\"}"),
            Map.entry("status", "{\"status\": \"ASSESSING\", \"reason\": \"matrice\"}"),
            Map.entry("classification", "{\"taxonomyClass\": \"fraud/phishing\", \"tlp\": \"TLP:AMBER\"}"),
            Map.entry("campaign", "{\"title\": \"Matrice\", \"description\": \"contrôle d'accès\"}"),
            Map.entry(
                    "observable-ars",
                    "{\"type\": \"domain-name\", \"value\": \"matrice-ars.example\", \"role\": \"OTHER\"}"),
            Map.entry("observable-esante", "{\"type\": \"ipv4-addr\", \"value\": \"192.0.2.10\", \"role\": \"OTHER\"}"),
            Map.entry(
                    "misp-event",
                    "{\"Event\": {\"Attribute\": [{\"type\": \"domain\", \"value\": \"matrice-misp.example\"}]}}"));

    record Row(String caller, String method, String path, String body, String target, int expected) {}

    private static String report(String region) {
        return """
                {"region": "%s", "title": "Matrice d'accès", "summary": "contrôle", "awareAt": "2025-11-21T17:30:00Z",
                 "attackVector": "PHISHING", "operationalImpact": "NONE"}""".formatted(region);
    }

    @Test
    void everyRoleSeesAndChangesExactlyWhatTheMatrixSays() throws Exception {
        RunningPlatform platform = RunningPlatform.get();
        Keycloak keycloak = new Keycloak(platform.tokenUrl());
        ApiClient api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());

        Map<String, String> tokens = new HashMap<>();
        for (String user : List.of("ars-hdf", "esante-hdf", "comms-hdf", "national", "auditor")) {
            tokens.put(user, keycloak.password(user));
        }
        tokens.put("communique-publisher", keycloak.clientCredentials("communique-publisher", "dev-publisher-secret"));

        Map<String, String> placeholders = new HashMap<>();
        placeholders.put(
                "{hdf-incident}",
                api.post("/api/incidents", tokens.get("ars-hdf"), report("FR-HDF"))
                        .json()
                        .get("id")
                        .asText());
        placeholders.put(
                "{nor-incident}",
                api.post("/api/incidents", keycloak.password("ars-nor"), report("FR-NOR"))
                        .json()
                        .get("id")
                        .asText());
        placeholders.put(
                "{campaign}",
                api.post("/api/national/campaigns", tokens.get("national"), BODIES.get("campaign"))
                        .json()
                        .get("id")
                        .asText());
        placeholders.put(
                "{nor-exercise}",
                api.post("/api/exercises", tokens.get("national"), BODIES.get("exercise"))
                        .json()
                        .get("id")
                        .asText());
        Map<String, String> bodies = new HashMap<>(BODIES);
        bodies.put("link-nor", "{\"incidentId\": \"" + placeholders.get("{nor-incident}") + "\"}");
        bodies.put(
                "script-nor",
                "{\"name\": \"Matrice\", \"incidents\": [\"" + placeholders.get("{nor-incident}") + "\"]}");

        List<Row> rows = rows(platform.root().resolve("docs/authorization-matrix.md"));
        assertThat(rows).hasSizeGreaterThan(100);
        List<String> failures = new ArrayList<>();
        StringBuilder printed = new StringBuilder(String.format(
                "%n%-21s %-6s %-52s %-8s %8s %6s  %s%n",
                "caller", "method", "path", "target", "expected", "got", "result"));
        for (Row row : rows) {
            String path = row.path();
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                path = path.replace(p.getKey(), p.getValue());
            }
            String token = tokens.get(row.caller());
            Response response = switch (row.method()) {
                case "GET" -> api.get(path, token);
                case "PUT" -> api.put(path, token, bodies.get(row.body()));
                default -> api.post(path, token, bodies.get(row.body()));
            };
            boolean pass = response.status() == row.expected();
            printed.append(String.format(
                    "%-21s %-6s %-52s %-8s %8d %6d  %s%n",
                    row.caller(),
                    row.method(),
                    row.path(),
                    row.target(),
                    row.expected(),
                    response.status(),
                    pass ? "pass" : "FAIL"));
            if (!pass) {
                failures.add(row + " got " + response);
            }
            if (response.status() >= 400) {
                assertThat(response.isProblem()).as("problem+json for %s", row).isTrue();
            }
        }
        System.out.println(printed);
        System.out.printf("authorization matrix: %d rows, %d failures%n", rows.size(), failures.size());
        assertThat(failures).isEmpty();
    }

    static List<Row> rows(Path markdown) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(markdown)) {
            String[] cells = line.split("\\|");
            if (cells.length < 7 || !cells[6].strip().matches("\\d{3}")) {
                continue;
            }
            rows.add(new Row(
                    cells[1].strip(),
                    cells[2].strip(),
                    cells[3].strip(),
                    cells[4].strip(),
                    cells[5].strip(),
                    Integer.parseInt(cells[6].strip())));
        }
        return rows;
    }
}
