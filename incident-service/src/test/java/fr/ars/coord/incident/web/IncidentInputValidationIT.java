package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Bad input gets a problem+json 400 naming the field, and nothing is recorded. */
class IncidentInputValidationIT extends IncidentServiceITBase {

    private static final String VALID_REPORT = """
            {"region": "FR-HDF", "title": "t", "summary": "s", "awareAt": "2025-11-21T17:30:00Z",
             "attackVector": "PHISHING", "operationalImpact": "NONE"}""";

    static List<Arguments> badReports() {
        return List.of(
                Arguments.of("unknown region", VALID_REPORT.replace("FR-HDF", "FR-XYZ"), "region"),
                Arguments.of("region of wrong type", VALID_REPORT.replace("\"FR-HDF\"", "42"), "region"),
                Arguments.of("missing title", VALID_REPORT.replace("\"title\": \"t\",", ""), "title"),
                Arguments.of("blank summary", VALID_REPORT.replace("\"s\"", "\"   \""), "summary"),
                Arguments.of("huge title", VALID_REPORT.replace("\"t\"", "\"" + "x".repeat(5000) + "\""), "title"),
                Arguments.of("invalid vector", VALID_REPORT.replace("PHISHING", "MAGIC"), "attackVector"),
                Arguments.of("lower-case vector", VALID_REPORT.replace("PHISHING", "phishing"), "attackVector"),
                Arguments.of("numeric impact", VALID_REPORT.replace("\"NONE\"", "1"), "operationalImpact"),
                Arguments.of(
                        "awareAt not a date", VALID_REPORT.replace("2025-11-21T17:30:00Z", "yesterday"), "awareAt"),
                Arguments.of(
                        "awareAt without zone",
                        VALID_REPORT.replace("2025-11-21T17:30:00Z", "2025-11-21T17:30:00"),
                        "awareAt"),
                Arguments.of("awareAt far future", VALID_REPORT.replace("2025-11-21", "2999-01-01"), "awareAt"),
                Arguments.of("awareAt far past", VALID_REPORT.replace("2025-11-21", "1900-01-01"), "awareAt"),
                Arguments.of(
                        "awareAt as epoch number",
                        VALID_REPORT.replace("\"2025-11-21T17:30:00Z\"", "1763746200"),
                        "awareAt"),
                Arguments.of("title as number", VALID_REPORT.replace("\"t\"", "42"), "title"),
                Arguments.of("summary as boolean", VALID_REPORT.replace("\"s\"", "true"), "summary"),
                Arguments.of("empty enum", VALID_REPORT.replace("\"PHISHING\"", "\"\""), "attackVector"),
                Arguments.of("duplicate key", VALID_REPORT.replace("{", "{\"title\": \"a\","), "title"),
                Arguments.of("extra field", VALID_REPORT.replace("{", "{\"patientName\": \"Dupont\","), "patientName"),
                Arguments.of("malformed JSON", "{\"region\": ", "body"),
                Arguments.of("trailing garbage", VALID_REPORT + "}", "body"),
                Arguments.of("array instead of object", "[]", "body"),
                Arguments.of("empty body", "", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void badReportIsRefusedNamingTheField(String label, String body, String field) {
        long before = storedEvents();
        Response response = api.post("/api/incidents", TestTokens.arsStaff(HDF), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(fields(response.json())).as(response.body()).contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    static List<Arguments> badAssessments() {
        String valid = identityAssessment(10);
        return List.of(
                Arguments.of("unknown data item", valid.replace("\"AGE\"", "\"BLOOD_TYPE\""), "exposedData[2]"),
                Arguments.of("null data item", valid.replace("\"AGE\"", "null"), "exposedData[2]"),
                Arguments.of(
                        "negative patients",
                        valid.replace("\"estimatedPatients\": 10", "\"estimatedPatients\": -1"),
                        "estimatedPatients"),
                Arguments.of(
                        "patients as text",
                        valid.replace("\"estimatedPatients\": 10", "\"estimatedPatients\": \"ten\""),
                        "estimatedPatients"),
                Arguments.of(
                        "patients as numeric string",
                        valid.replace("\"estimatedPatients\": 10", "\"estimatedPatients\": \"10\""),
                        "estimatedPatients"),
                Arguments.of(
                        "patients fractional",
                        valid.replace("\"estimatedPatients\": 10", "\"estimatedPatients\": 10.5"),
                        "estimatedPatients"),
                Arguments.of(
                        "medical flag missing",
                        valid.replace("\"medicalDataExposed\": false,", ""),
                        "medicalDataExposed"),
                Arguments.of(
                        "medical flag as string",
                        valid.replace("\"medicalDataExposed\": false", "\"medicalDataExposed\": \"no\""),
                        "medicalDataExposed"),
                Arguments.of(
                        "medical records but flag false",
                        valid.replace("\"EMAIL\"", "\"MEDICAL_RECORD\""),
                        "medicalDataExposed"),
                Arguments.of(
                        "too many systems", valid.replace("[\"portail régional\"]", systems(51)), "affectedSystems"),
                Arguments.of(
                        "exposedData not an array",
                        valid.replace(
                                "[\"LAST_NAME\", \"FIRST_NAME\", \"AGE\", \"PHONE\", \"EMAIL\"]", "\"LAST_NAME\""),
                        "exposedData"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAssessments")
    void badAssessmentIsRefusedNamingTheField(String label, String body, String field) {
        String id = report(HDF);
        long before = storedEvents();
        Response response = api.post("/api/incidents/" + id + "/assessments", TestTokens.arsStaff(HDF), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(fields(response.json())).as(response.body()).contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void badEnumsInOtherCommandsNameTheField() {
        String id = report(HDF);
        String token = TestTokens.arsStaff(HDF);
        assertThat(fields(api.post("/api/incidents/" + id + "/containment-actions", token, "{\"action\": \"PRAY\"}")
                        .json()))
                .contains("action");
        assertThat(fields(api.post(
                                "/api/incidents/" + id + "/authority-notifications",
                                token,
                                "{\"authority\": \"FBI\", \"notifiedAt\": \"2025-11-22T10:00:00Z\"}")
                        .json()))
                .contains("authority");
        assertThat(fields(api.post(
                                "/api/incidents/" + id + "/authority-notifications", token, "{\"authority\": \"CNIL\"}")
                        .json()))
                .contains("notifiedAt");
        assertThat(fields(api.post("/api/incidents/" + id + "/status", token, "{\"status\": \"DONE\"}")
                        .json()))
                .contains("status");
    }

    @Test
    void invalidUtf8AndWrongMediaTypeAreClientErrors() {
        byte[] invalidUtf8 = "{\"region\": \"FR-HDF\", \"title\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        Response response = api.post("/api/incidents", TestTokens.arsStaff(HDF), invalidUtf8, "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        Response text = api.post("/api/incidents", TestTokens.arsStaff(HDF), "x".getBytes(), "text/plain");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.isProblem()).isTrue();
    }

    @Test
    void malformedIdempotencyKeyAndIfMatchAreRefused() {
        String id = report(HDF);
        Response key =
                api.post("/api/incidents", TestTokens.arsStaff(HDF), VALID_REPORT, "Idempotency-Key", "x".repeat(300));
        assertThat(key.status()).isEqualTo(400);
        assertThat(fields(key.json())).contains("Idempotency-Key");
        Response ifMatch = api.post(
                "/api/incidents/" + id + "/containment-actions",
                TestTokens.arsStaff(HDF),
                "{\"action\": \"OTHER\"}",
                "If-Match",
                "yesterday");
        assertThat(ifMatch.status()).isEqualTo(400);
        assertThat(fields(ifMatch.json())).contains("If-Match");
    }

    @Test
    void listFiltersAreValidated() {
        assertThat(api.get("/api/incidents?region=XX", TestTokens.national()).status())
                .isEqualTo(400);
        Response status = api.get("/api/incidents?status=SOLVED", TestTokens.national());
        assertThat(status.status()).isEqualTo(400);
        assertThat(fields(status.json())).contains("status");
    }

    private static String systems(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("\"s" + i + "\"");
        }
        return "[" + String.join(",", names) + "]";
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
