package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.ApiDocuments;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API documentation as a regional API client's developer meets it through the gateway: the three documents
 * (the committed ones, naming this platform's gateway and Keycloak), Swagger UI signing in with Keycloak by the
 * authorization code flow with PKCE, and "Try it out" calling the API with the signed-in user's token.
 */
class ApiDocumentationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private final ApiClient plain = new ApiClient(platform.gatewayUrl());

    @Test
    void theGatewayServesTheCommittedDocumentsNamingThisPlatform() throws Exception {
        for (String service : ApiContract.SERVICES) {
            Response served = plain.get("/api-docs/" + service, null);
            assertThat(served.status()).as(service).isEqualTo(200);
            // the committed documents name a default installation: the gateway on 8080, Keycloak on 8180
            String committed = Files.readString(ApiDocuments.committed(service))
                    .replace("http://localhost:8080", platform.gatewayUrl())
                    .replace(
                            "http://localhost:8180/realms/ars",
                            "http://localhost:" + RunningPlatform.KEYCLOAK_PORT + "/realms/ars");
            assertThat(JSON.readTree(served.body())).as(service).isEqualTo(JSON.readTree(committed));
            JsonNode flows = JSON.readTree(served.body()).at("/components/securitySchemes/keycloak/flows");
            assertThat(flows.at("/authorizationCode/authorizationUrl").asString())
                    .isEqualTo("http://localhost:" + RunningPlatform.KEYCLOAK_PORT
                            + "/realms/ars/protocol/openid-connect/auth");
            assertThat(flows.at("/clientCredentials/tokenUrl").asString()).isEqualTo(platform.tokenUrl());
        }
    }

    @Test
    void swaggerUiSignsInWithKeycloakUsingPkceAndTriesTheApiWithThatToken() {
        Response page = plain.get("/swagger-ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        JsonNode config =
                JSON.readTree(plain.get("/v3/api-docs/swagger-config", null).body());
        assertThat(config.findValuesAsString("url"))
                .contains("/api-docs/incident-service", "/api-docs/region-service", "/api-docs/notification-service");
        String initializer =
                plain.get("/swagger-ui/swagger-initializer.js", null).body();
        assertThat(initializer).contains("ars-api-docs").contains("usePkceWithAuthorizationCodeGrant");

        String redirect = platform.gatewayUrl() + "/swagger-ui/oauth2-redirect.html";
        assertThat(plain.get("/swagger-ui/oauth2-redirect.html", null).status()).isEqualTo(200);
        JsonNode withoutVerifier = keycloak.authorizationCode("ars-api-docs", redirect, "ars-hdf", false);
        assertThat(withoutVerifier.get("access_token"))
                .as("the code alone, without its PKCE verifier")
                .isNull();
        JsonNode signedIn = keycloak.authorizationCode("ars-api-docs", redirect, "ars-hdf", true);
        String token = signedIn.path("access_token").asString();
        assertThat(token).as(signedIn.toString()).isNotEmpty();
        assertThat(Keycloak.claims(token).path("region").asString()).isEqualTo("FR-HDF");

        // "Try it out": the API through the gateway, with the signed-in user's token and all its rules
        ApiClient tryItOut = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());
        assertThat(tryItOut.get("/api/incidents?region=FR-HDF", token).status()).isEqualTo(200);
        assertThat(tryItOut.get("/api/incidents?region=FR-NOR", token).status()).isEqualTo(403);
    }
}
