package fr.ars.coord.platform.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check fails on what the committed documents do not say, and only on that. */
class ApiContractTest {

    private static final ApiContract CONTRACT = ApiContract.committed();
    private static final URI REGIONS = URI.create("http://localhost:8080/api/regions");
    private static final URI INCIDENTS = URI.create("http://localhost:8080/api/incidents");
    private static final String HDF = """
            [{"code": "FR-HDF", "name": "Hauts-de-France", "arsName": "ARS Hauts-de-France",
              "gradesName": "Sant&eacute; Num&eacute;rique Hauts-de-France"}]""";
    private static final String REPORT = """
            {"region": "FR-HDF", "title": "Usurpation", "summary": "Compte usurpé", "awareAt": "2025-11-21T17:30:00Z",
             "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""";
    private static final String PROBLEM = """
            {"type": "https://ars.sante.fr/problems/bad-request", "title": "Bad Request", "status": 400,
             "detail": "title: must not be blank", "errors": [{"field": "title", "reason": "must not be blank"}]}""";

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static final HttpHeaders AUTHORIZED = headers("Authorization", "Bearer x");
    private static final HttpHeaders JSON_REQUEST =
            headers("Authorization", "Bearer x", "Content-Type", "application/json");

    private static void get(URI uri, int status, HttpHeaders answerHeaders, String body) {
        CONTRACT.check("GET", uri, AUTHORIZED, null, status, answerHeaders, body);
    }

    private static void report(String request, int status, HttpHeaders answerHeaders, String body) {
        CONTRACT.check(
                "POST", INCIDENTS, JSON_REQUEST, request.getBytes(StandardCharsets.UTF_8), status, answerHeaders, body);
    }

    @Test
    void aDocumentedAnswerPasses() {
        assertThatCode(() -> get(REGIONS, 200, headers("Content-Type", "application/json"), HDF))
                .doesNotThrowAnyException();
        assertThatCode(() -> report(
                        REPORT,
                        201,
                        headers(
                                "Content-Type",
                                "application/json",
                                "Location",
                                "/api/incidents/5b0f1c9e",
                                "Idempotent-Replayed",
                                "true"),
                        "{\"id\": \"5b0f1c9e\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedStatusFieldTypeOrHeaderFails() {
        assertThatThrownBy(() -> get(REGIONS, 418, headers("Content-Type", "application/json"), "[]"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> get(
                        REGIONS,
                        200,
                        headers("Content-Type", "application/json"),
                        HDF.replace("\"code\"", "\"secret\": \"x\", \"code\"")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("additionalProperties");
        assertThatThrownBy(() ->
                        get(REGIONS, 200, headers("Content-Type", "application/json"), HDF.replace("\"FR-HDF\"", "42")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("type");
        assertThatThrownBy(
                        () -> get(REGIONS, 200, headers("Content-Type", "application/json", "Retry-After", "5"), HDF))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Retry-After");
        assertThatThrownBy(() -> report(REPORT, 400, headers("Content-Type", "application/json"), PROBLEM))
                .as("an error in JSON where the document says problem+json")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anInvalidRequestIsAContradictionOnlyWhenAccepted() {
        String untitled = REPORT.replace("\"Usurpation\"", "\"\"").replace("\"region\": \"FR-HDF\", ", "");
        assertThatCode(() -> report(untitled, 400, headers("Content-Type", "application/problem+json"), PROBLEM))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> report(
                        untitled,
                        201,
                        headers("Content-Type", "application/json", "Location", "/api/incidents/1"),
                        "{\"id\": \"1\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("validation.request");
    }

    @Test
    void aPathNoDocumentHasPassesOnlyWhenTheServiceSaysItIsNotThere() {
        URI unknown = URI.create("http://localhost:8080/api/nothing-here");
        assertThatCode(() -> get(unknown, 404, headers("Content-Type", "application/problem+json"), "{}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> get(unknown, 200, headers("Content-Type", "application/json"), "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No API document");
    }
}
