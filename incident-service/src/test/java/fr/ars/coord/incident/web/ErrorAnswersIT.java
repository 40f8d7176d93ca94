package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Client mistakes get the platform's own problem+json with the right 4xx, never a framework page or a 5xx. */
class ErrorAnswersIT extends IncidentServiceITBase {

    @Test
    void theErrorPageAskedForDirectlyIsNoResource() {
        Response error = api.get("/error", TestTokens.arsStaff(HDF));
        assertOurProblem(error, 404);
        assertThat(error.body()).doesNotContain("999");
    }

    @Test
    void aTrailingSlashIsAnUnknownPathNotAStaticResource() {
        Response slash = api.get("/api/incidents/", TestTokens.arsStaff(HDF));
        assertOurProblem(slash, 404);
        assertThat(slash.body()).doesNotContain("static");
    }

    @Test
    void refusedMethodsMediaTypesAndRepresentationsHaveThePlatformsType() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port + "/api/incidents";
        String token = "Bearer " + TestTokens.arsStaff(HDF);
        assertOurProblem(
                send(
                        http,
                        HttpRequest.newBuilder(URI.create(base))
                                .header("Authorization", token)
                                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                                .header("Content-Type", "application/json")),
                405);
        assertOurProblem(
                send(
                        http,
                        HttpRequest.newBuilder(URI.create(base))
                                .header("Authorization", token)
                                .header("Accept", "text/csv")
                                .GET()),
                406);
        assertOurProblem(
                send(
                        http,
                        HttpRequest.newBuilder(URI.create(base))
                                .header("Authorization", token)
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("x"))),
                415);
    }

    private static Response send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers(),
                response.body());
    }

    private static void assertOurProblem(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("type").asString()).startsWith("https://ars.sante.fr/problems/");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }
}
