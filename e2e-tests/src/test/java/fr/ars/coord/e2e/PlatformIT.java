package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The platform as infra/run.sh starts it (separate processes, real PostgreSQL, real Keycloak with the realm
 * imported from infra/keycloak), called with real tokens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static RunningPlatform platform;
    private static Keycloak keycloak;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
        keycloak = new Keycloak(platform.tokenUrl());
        api = new ApiClient(platform.incidentServiceUrl());
    }

    @Test
    @Order(1)
    void keycloakTokensCarryRolesRegionOrgAndTheApiAudience() {
        JsonNode hdf = Keycloak.claims(keycloak.password("ars-hdf"));
        assertThat(hdf.get("iss").asText()).isEqualTo("http://localhost:" + RunningPlatform.KEYCLOAK_PORT + "/realms/ars");
        assertThat(hdf.get("region").asText()).isEqualTo("FR-HDF");
        assertThat(hdf.get("org").asText()).isEqualTo("ARS");
        assertThat(hdf.get("preferred_username").asText()).isEqualTo("ars-hdf");
        assertThat(hdf.at("/realm_access/roles").toString()).contains("ars-staff");
        assertThat(hdf.get("aud").toString()).contains("ars-api");
        assertThat(hdf.get("exp").asLong() - hdf.get("iat").asLong()).isLessThanOrEqualTo(300);

        JsonNode esante = Keycloak.claims(keycloak.password("esante-nor"));
        assertThat(esante.get("org").asText()).isEqualTo("GRADES");
        assertThat(esante.get("region").asText()).isEqualTo("FR-NOR");
        assertThat(esante.at("/realm_access/roles").toString()).contains("esante-staff");

        JsonNode national = Keycloak.claims(keycloak.password("national"));
        assertThat(national.get("org").asText()).isEqualTo("NATIONAL");
        assertThat(national.at("/realm_access/roles").toString()).contains("national-coordinator");

        for (String user : List.of("ars-nor", "esante-hdf", "comms-hdf", "comms-nor", "auditor")) {
            assertThat(keycloak.password(user, Keycloak.DEMO_PASSWORD).get("httpStatus").asInt()).as(user).isEqualTo(200);
        }
        JsonNode publisher = Keycloak.claims(keycloak.clientCredentials("communique-publisher", "dev-publisher-secret"));
        assertThat(publisher.at("/realm_access/roles").toString()).contains("communique-publisher");
    }

    @Test
    @Order(2)
    void wrongPasswordIsRefusedByKeycloak() {
        JsonNode refused = keycloak.password("lockout-probe", "not-the-password");
        assertThat(refused.get("httpStatus").asInt()).isEqualTo(401);
        assertThat(refused.get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @Order(3)
    void regionalStaffRecordTheirRegionsIncidentWithRealTokens() {
        String arsHdf = keycloak.password("ars-hdf");
        Response created = api.post("/api/incidents", arsHdf, """
                {"region": "FR-HDF", "title": "Usurpation de compte", "summary": "Compte professionnel usurpé",
                 "awareAt": "2025-11-21T17:30:00Z", "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""",
                "Idempotency-Key", "e2e-" + UUID.randomUUID());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();

        assertThat(api.post("/api/incidents/" + id + "/containment-actions", keycloak.password("esante-hdf"),
                "{\"action\": \"ACCOUNTS_BLOCKED\"}").status()).isEqualTo(201);
        assertThat(api.get("/api/incidents/" + id, keycloak.password("ars-nor")).status()).isEqualTo(403);
        assertThat(api.post("/api/incidents/" + id + "/containment-actions", keycloak.password("esante-nor"),
                "{\"action\": \"OTHER\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/incidents/" + id, keycloak.password("comms-hdf")).status()).isEqualTo(403);
        String publisher = keycloak.clientCredentials("communique-publisher", "dev-publisher-secret");
        assertThat(api.get("/api/incidents/" + id, publisher).status()).isEqualTo(403);

        JsonNode history = api.get("/api/incidents/" + id + "/history", keycloak.password("national")).json();
        assertThat(history.get(0).at("/recordedBy/username").asText()).isEqualTo("ars-hdf");
        assertThat(history.get(1).at("/recordedBy/username").asText()).isEqualTo("esante-hdf");
        assertThat(history.get(1).at("/recordedBy/org").asText()).isEqualTo("GRADES");
        assertThat(history.get(1).at("/recordedBy/region").asText()).isEqualTo("FR-HDF");
        assertThat(api.get("/api/incidents/" + id, keycloak.password("auditor")).status()).isEqualTo(200);
        assertThat(api.get("/api/incidents", null).status()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void demoScenarioRecordsTheReferenceCaseOnceEvenWhenRunTwice() throws Exception {
        List<String> first = runDemo();
        List<String> second = runDemo();
        assertThat(first).hasSize(2).isEqualTo(second);

        String national = keycloak.password("national");
        for (String id : first) {
            JsonNode view = api.get("/api/incidents/" + id, national).json();
            assertThat(view.get("attackVector").asText()).isEqualTo("ACCOUNT_USURPATION");
            assertThat(view.get("operationalImpact").asText()).isEqualTo("NONE");
            assertThat(view.at("/latestAssessment/medicalDataExposed").asBoolean()).isFalse();
            assertThat(view.at("/latestAssessment/exposedData").toString())
                    .isEqualTo("[\"LAST_NAME\",\"FIRST_NAME\",\"AGE\",\"PHONE\",\"EMAIL\"]");
            assertThat(view.get("containmentActions")).hasSize(2);
            assertThat(view.get("regulatoryClocks").findValuesAsText("status")).containsOnly("MET");
            assertThat(api.get("/api/incidents/" + id + "/history", national).json()).hasSize(7);
        }
        JsonNode hdf = api.get("/api/incidents/" + first.get(0), national).json();
        JsonNode nor = api.get("/api/incidents/" + first.get(1), national).json();
        assertThat(hdf.get("region").asText()).isEqualTo("FR-HDF");
        assertThat(nor.get("region").asText()).isEqualTo("FR-NOR");
        assertThat(hdf.at("/latestAssessment/estimatedPatients").asLong())
                .isNotEqualTo(nor.at("/latestAssessment/estimatedPatients").asLong());
    }

    @AfterAll
    static void stopsEveryProcessOnSigterm() throws IOException {
        assertThat(platform.stop()).as("run.sh stopped within 90 s").isTrue();
        for (int port : List.of(RunningPlatform.POSTGRES_PORT, RunningPlatform.MONGO_PORT, RunningPlatform.KEYCLOAK_PORT,
                RunningPlatform.KEYCLOAK_MANAGEMENT_PORT, RunningPlatform.INCIDENT_SERVICE_PORT)) {
            assertThat(RunningPlatform.listening(port)).as("port %d closed after stop", port).isFalse();
        }
        assertThat(platform.output()).contains("stopped");
    }

    private static List<String> runDemo() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(platform.root().resolve("infra/demo.sh").toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(platform.environment());
        Process demo = builder.start();
        String out = new String(demo.getInputStream().readAllBytes());
        assertThat(demo.waitFor()).as(out).isZero();
        List<String> ids = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.contains(": incident ")) {
                ids.add(line.substring(line.lastIndexOf(' ') + 1).strip());
            }
        }
        return ids;
    }
}
