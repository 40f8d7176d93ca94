package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.JsonFields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The platform as infra/run.sh starts it (separate processes, real PostgreSQL, real Keycloak with the realm
 * imported from infra/keycloak), called through the gateway with real tokens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class PlatformIT {

    private static RunningPlatform platform;
    private static Keycloak keycloak;
    private static ApiClient api;
    private static ApiClient national;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
        keycloak = new Keycloak(platform.tokenUrl());
        api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());
        national = api;
    }

    @Test
    @Order(1)
    void keycloakTokensCarryRolesRegionOrgAndTheApiAudience() {
        JsonNode hdf = Keycloak.claims(keycloak.password("ars-hdf"));
        assertThat(hdf.get("iss").asText())
                .isEqualTo("http://localhost:" + RunningPlatform.KEYCLOAK_PORT + "/realms/ars");
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
            assertThat(keycloak.password(user, Keycloak.DEMO_PASSWORD)
                            .get("httpStatus")
                            .asInt())
                    .as(user)
                    .isEqualTo(200);
        }
        JsonNode publisher =
                Keycloak.claims(keycloak.clientCredentials("communique-publisher", "dev-publisher-secret"));
        assertThat(publisher.at("/realm_access/roles").toString()).contains("communique-publisher");
    }

    @Test
    @Order(2)
    void wrongPasswordIsRefusedByKeycloak() {
        JsonNode refused = keycloak.password("lockout-probe", "not-the-password");
        // RFC 6749 section 5.2: invalid_grant is a 400 (Keycloak answered 401 up to 26.5)
        assertThat(refused.get("httpStatus").asInt()).isEqualTo(400);
        assertThat(refused.get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @Order(3)
    void regionalStaffRecordTheirRegionsIncidentWithRealTokens() {
        String arsHdf = keycloak.password("ars-hdf");
        Response created = api.post("/api/incidents", arsHdf, """
                {"region": "FR-HDF", "title": "Usurpation de compte", "summary": "Compte professionnel usurpé",
                 "awareAt": "2025-11-21T17:30:00Z", "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""", "Idempotency-Key", "e2e-" + UUID.randomUUID());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();

        assertThat(api.post(
                                "/api/incidents/" + id + "/containment-actions",
                                keycloak.password("esante-hdf"),
                                "{\"action\": \"ACCOUNTS_BLOCKED\"}")
                        .status())
                .isEqualTo(201);
        // another region's incident answers as one that does not exist
        assertThat(api.get("/api/incidents/" + id, keycloak.password("ars-nor")).status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/incidents/" + id + "/containment-actions",
                                keycloak.password("esante-nor"),
                                "{\"action\": \"OTHER\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/incidents/" + id, keycloak.password("comms-hdf"))
                        .status())
                .isEqualTo(403);
        String publisher = keycloak.clientCredentials("communique-publisher", "dev-publisher-secret");
        assertThat(api.get("/api/incidents/" + id, publisher).status()).isEqualTo(403);

        // the facts recorded by people; the platform may have recorded reminders of late obligations between them
        List<JsonNode> history = new java.util.ArrayList<>();
        api.get("/api/incidents/" + id + "/history", keycloak.password("national"))
                .json()
                .forEach(e -> {
                    if (!e.get("type").asText().equals("ObligationReminderRecordedEvent")) {
                        history.add(e);
                    }
                });
        assertThat(history.get(0).at("/recordedBy/username").asText()).isEqualTo("ars-hdf");
        assertThat(history.get(1).at("/recordedBy/username").asText()).isEqualTo("esante-hdf");
        assertThat(history.get(1).at("/recordedBy/org").asText()).isEqualTo("GRADES");
        assertThat(history.get(1).at("/recordedBy/region").asText()).isEqualTo("FR-HDF");
        assertThat(api.get("/api/incidents/" + id, keycloak.password("auditor")).status())
                .isEqualTo(200);
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
            assertThat(view.at("/latestAssessment/medicalDataExposed").asBoolean())
                    .isFalse();
            assertThat(view.at("/latestAssessment/exposedData").toString())
                    .isEqualTo("[\"LAST_NAME\",\"FIRST_NAME\",\"AGE\",\"PHONE\",\"EMAIL\"]");
            assertThat(view.get("containmentActions")).hasSize(2);
            // every obligation that applies is met: CERT Santé, the CNIL and the three NIS2 stages; the closure has
            // not started (not resolved) and the identity data exposed is no high risk for the patients
            java.util.Map<String, String> statuses = new java.util.TreeMap<>();
            view.get("regulatoryClocks")
                    .forEach(c ->
                            statuses.put(c.get("code").asText(), c.get("status").asText()));
            assertThat(statuses)
                    .containsEntry("CERT_SANTE_DECLARATION", "MET")
                    .containsEntry("CNIL_NOTIFICATION", "MET")
                    .containsEntry("NIS2_EARLY_WARNING", "MET")
                    .containsEntry("NIS2_NOTIFICATION", "MET")
                    .containsEntry("NIS2_FINAL_REPORT", "MET")
                    .containsEntry("CERT_SANTE_CLOSURE", "NOT_APPLICABLE")
                    .containsEntry("PATIENT_INFORMATION", "NOT_APPLICABLE")
                    // NIS2 is in force for Normandie's agency (the demo records the incident significant), not for
                    // Hauts-de-France's: no decision is owed there
                    .containsEntry(
                            "NIS2_SIGNIFICANCE",
                            view.at("/region").asText().equals("FR-NOR") ? "MET" : "NOT_APPLICABLE");
            java.util.List<String> recorded = new java.util.ArrayList<>();
            api.get("/api/incidents/" + id + "/history", national)
                    .json()
                    .forEach(e -> recorded.add(e.get("type").asText()));
            // the facts of the scenario (with the CNIL decision, and the significance decision where NIS2 is in
            // force); reminders the platform recorded of late obligations may come between them
            assertThat(recorded)
                    .filteredOn(type -> !type.equals("ObligationReminderRecordedEvent"))
                    .hasSize(view.at("/region").asText().equals("FR-NOR") ? 14 : 13);
            // the ENISA class, and the art. 34 step: the patients told by the region's published communiqué
            assertThat(view.at("/classification/taxonomyClass").asText())
                    .isEqualTo("intrusions/unprivileged-account-compromise");
            assertThat(view.at("/patientInformation/channel").asText()).isEqualTo("PUBLIC_COMMUNICATION");
            assertThat(view.at("/patientInformation/communiqueId").asText()).isNotBlank();
        }
        JsonNode hdf = api.get("/api/incidents/" + first.get(0), national).json();
        JsonNode nor = api.get("/api/incidents/" + first.get(1), national).json();
        assertThat(hdf.get("region").asText()).isEqualTo("FR-HDF");
        assertThat(nor.get("region").asText()).isEqualTo("FR-NOR");
        assertThat(hdf.at("/latestAssessment/estimatedPatients").asLong())
                .isNotEqualTo(nor.at("/latestAssessment/estimatedPatients").asLong());
    }

    @Test
    @Order(5)
    void incidentsRecordedThroughIncidentServiceAppearInRegionServicesNationalView() {
        String ars = keycloak.password("ars-nor");
        Response created = api.post("/api/incidents", ars, """
                {"region": "FR-NOR", "title": "Hameçonnage ciblé", "summary": "Messages frauduleux",
                 "awareAt": "2025-11-24T08:00:00Z", "attackVector": "PHISHING", "operationalImpact": "DEGRADED"}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(api.post("/api/incidents/" + id + "/assessments", ars, """
                {"exposedData": ["EMAIL", "SOCIAL_SECURITY_NUMBER"], "medicalDataExposed": false,
                 "estimatedPatients": 321}""").status())
                .isEqualTo(201);

        String coordinator = keycloak.password("national");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode nor = regionDetail(
                    national.get("/api/national/impact", coordinator).json(), "FR-NOR");
            assertThat(nor).isNotNull();
            assertThat(nor.get("incidentIds").toString()).contains(id);
            assertThat(nor.get("exposedData").toString()).contains("SOCIAL_SECURITY_NUMBER");
            assertThat(nor.get("worstOperationalImpact").asText()).isEqualTo("DEGRADED");
        });
        JsonNode seenByHdf = national.get("/api/national/impact", keycloak.password("ars-hdf"))
                .json();
        assertThat(JsonFields.ofEach(seenByHdf.get("regions"), "code")).containsOnly("FR-HDF");
        assertThat(seenByHdf.toString()).doesNotContain(id);
        // totals over Hauts-de-France alone: national totals would give Normandie's figures by difference
        assertThat(seenByHdf.at("/totals/regionsAffected").asInt()).isEqualTo(1);
        assertThat(seenByHdf.at("/totals/estimatedPatients").asLong())
                .isEqualTo(regionDetail(seenByHdf, "FR-HDF")
                        .get("estimatedPatients")
                        .asLong());
        assertThat(national.get("/api/regions/FR-NOR", keycloak.password("esante-hdf"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    @Order(6)
    void demoOpensANationalCampaignLinkingBothRegionsIncidents() throws Exception {
        String out = demo();
        List<String> incidents = lines(out, ": incident ");
        List<String> campaigns = lines(out, "national campaign ");
        assertThat(campaigns).as(out).hasSize(1);
        JsonNode campaign = national.get("/api/national/campaigns/" + campaigns.get(0), keycloak.password("national"))
                .json();
        assertThat(campaign.get("incidents").findValuesAsString("incidentId"))
                .containsExactlyInAnyOrderElementsOf(incidents);
        assertThat(campaign.at("/incidents/0/linkedBy/username").asText()).isEqualTo("national");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode now = national.get("/api/national/campaigns/" + campaigns.get(0), keycloak.password("national"))
                    .json();
            assertThat(now.at("/impact/totals/regionsAffected").asInt()).isEqualTo(2);
            assertThat(now.at("/impact/totals/estimatedPatients").asLong()).isEqualTo(19500);
        });
    }

    private static JsonNode regionDetail(JsonNode impact, String code) {
        for (JsonNode region : impact.get("regions")) {
            if (region.get("code").asText().equals(code)) {
                return region;
            }
        }
        return null;
    }

    private static List<String> runDemo() throws Exception {
        return lines(demo(), ": incident ");
    }

    private static String demo() throws Exception {
        return platform.demo();
    }

    /** The last word of each line containing {@code marker}: the ids the demo prints. */
    private static List<String> lines(String out, String marker) {
        List<String> ids = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.contains(marker)) {
                ids.add(line.substring(line.lastIndexOf(' ') + 1).strip());
            }
        }
        return ids;
    }
}
