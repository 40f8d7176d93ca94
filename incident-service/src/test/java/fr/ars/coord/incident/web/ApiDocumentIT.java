package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiDocuments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API document is the one committed under docs/openapi (an API change shows in review), and names the
 * configured public address whatever the request says its host is.
 */
class ApiDocumentIT extends IncidentServiceITBase {

    @Test
    void theLiveDocumentIsTheCommittedOne() {
        ApiDocuments.assertLiveIsCommitted("http://localhost:" + port, "incident-service");
    }

    @Test
    void theServerComesFromConfigurationNotFromTheRequest() throws Exception {
        HttpResponse<String> document = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .header("X-Forwarded-Host", "evil.example")
                                .header("X-Forwarded-Proto", "https")
                                .header("Forwarded", "host=evil.example")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode servers =
                JsonMapper.builder().build().readTree(document.body()).get("servers");
        assertThat(servers).hasSize(1);
        assertThat(servers.get(0).get("url").asString()).isEqualTo("http://localhost:8080");
        assertThat(document.body()).doesNotContain("evil.example");
    }
}
