package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may read and change which region's incidents, with tokens shaped like Keycloak's. */
class IncidentAccessIT extends IncidentServiceITBase {

    private static final String CONTAINMENT = "{\"action\": \"ACCOUNTS_BLOCKED\"}";

    @Test
    void anotherRegionsIncidentAnswersExactlyAsAnUnknownOne() {
        String hdf = report(HDF);
        String unknown = UUID.randomUUID().toString();
        for (String suffix : List.of("", "/history", "?asOf=" + Instant.now())) {
            Response other = api.get("/api/incidents/" + hdf + suffix, TestTokens.arsStaff(NOR));
            Response none = api.get("/api/incidents/" + unknown + suffix, TestTokens.arsStaff(NOR));
            assertThat(other.status()).as(suffix).isEqualTo(404);
            assertThat(other.isProblem()).isTrue();
            assertThat(withoutInstance(other)).isEqualTo(withoutInstance(none));
            assertThat(api.get("/api/incidents/" + hdf + suffix, TestTokens.esanteStaff(NOR))
                            .status())
                    .isEqualTo(404);
        }
    }

    private static tools.jackson.databind.JsonNode withoutInstance(Response response) {
        tools.jackson.databind.node.ObjectNode problem = (tools.jackson.databind.node.ObjectNode) response.json();
        problem.remove("instance");
        return problem;
    }

    @Test
    void citedEventsAreReadByIdInOneCallAnotherRegionsLeftOutAsUnknownOnes() {
        String hdf = report(HDF);
        String nor = report(NOR);
        assertThat(api.post("/api/incidents/" + hdf + "/containment-actions", TestTokens.arsStaff(HDF), CONTAINMENT)
                        .status())
                .isEqualTo(201);
        List<String> hdfEvents = api.get("/api/incidents/" + hdf + "/history", TestTokens.national())
                .json()
                .findValuesAsString("eventId");
        String norEvent = api.get("/api/incidents/" + nor + "/history", TestTokens.national())
                .json()
                .get(0)
                .get("eventId")
                .asText();
        String unknown = UUID.randomUUID().toString();
        String query = "/api/incidents/events?id=" + hdfEvents.get(1) + "&id=" + norEvent + "&id=" + unknown + "&id="
                + hdfEvents.get(0);

        tools.jackson.databind.JsonNode national =
                api.get(query, TestTokens.national()).json();
        assertThat(national.findValuesAsString("eventId"))
                .as("in the order asked, the unknown id left out")
                .containsExactly(hdfEvents.get(1), norEvent, hdfEvents.get(0));
        assertThat(national.get(0).get("incidentId").asText()).isEqualTo(hdf);
        assertThat(national.get(0).get("type").asText()).isEqualTo("ContainmentActionRecordedEvent");
        assertThat(national.get(1).get("incidentId").asText()).isEqualTo(nor);

        // Hauts-de-France's staff: Normandie's event left out, exactly as the unknown one
        tools.jackson.databind.JsonNode regional =
                api.get(query, TestTokens.arsStaff(HDF)).json();
        assertThat(regional.findValuesAsString("eventId")).containsExactly(hdfEvents.get(1), hdfEvents.get(0));
        assertThat(api.get("/api/incidents/events?id=" + norEvent, TestTokens.arsStaff(HDF))
                        .body())
                .isEqualTo(api.get("/api/incidents/events?id=" + unknown, TestTokens.arsStaff(HDF))
                        .body())
                .isEqualTo("[]");

        assertThat(api.get(query, TestTokens.token("comms-hdf", "ARS", HDF, "communication-officer"))
                        .status())
                .isEqualTo(403);
        Response none = api.get("/api/incidents/events", TestTokens.national());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("\"id\"");
        Response malformed = api.get("/api/incidents/events?id=%27%3B%20DROP", TestTokens.national());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"id\"");
        StringBuilder tooMany = new StringBuilder("/api/incidents/events?id=x");
        for (int i = 0; i < 200; i++) {
            tooMany.append("&id=e").append(i);
        }
        assertThat(api.get(tooMany.toString(), TestTokens.national()).status()).isEqualTo(400);
    }

    @Test
    void regionalStaffCannotChangeAnotherRegionsIncident() {
        String hdf = report(HDF);
        long before = storedEvents();
        assertThat(api.post("/api/incidents/" + hdf + "/containment-actions", TestTokens.esanteStaff(NOR), CONTAINMENT)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/incidents/" + hdf + "/assessments", TestTokens.arsStaff(NOR), identityAssessment(5))
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/incidents/" + hdf + "/status",
                                TestTokens.arsStaff(NOR),
                                "{\"status\": \"ASSESSING\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(
                                "/api/incidents/" + hdf + "/authority-notifications",
                                TestTokens.arsStaff(NOR),
                                "{\"authority\": \"CNIL\", \"notifiedAt\": \"2025-11-22T10:00:00Z\"}")
                        .status())
                .isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void regionalStaffCannotReportForAnotherRegion() {
        long before = storedEvents();
        Response response = api.post("/api/incidents", TestTokens.arsStaff(NOR), reportBody(HDF, "usurpation"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void esanteStaffRecordInTheirOwnRegion() {
        String nor = report(NOR);
        assertThat(api.post("/api/incidents/" + nor + "/containment-actions", TestTokens.esanteStaff(NOR), CONTAINMENT)
                        .status())
                .isEqualTo(201);
        Response created = api.post("/api/incidents", TestTokens.esanteStaff(NOR), reportBody(NOR, "vecteur"));
        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void nationalCellAndAuditorsReadEveryRegionButChangeNothing() {
        String hdf = report(HDF);
        String nor = report(NOR);
        for (String token : List.of(TestTokens.national(), TestTokens.auditor())) {
            assertThat(api.get("/api/incidents/" + hdf, token).status()).isEqualTo(200);
            assertThat(api.get("/api/incidents/" + nor + "/history", token).status())
                    .isEqualTo(200);
            assertThat(api.post("/api/incidents/" + hdf + "/containment-actions", token, CONTAINMENT)
                            .status())
                    .isEqualTo(403);
            assertThat(api.post("/api/incidents", token, reportBody(HDF, "national"))
                            .status())
                    .isEqualTo(403);
        }
    }

    @Test
    void otherRolesHaveNoAccessToIncidents() {
        String hdf = report(HDF);
        List<String> tokens = List.of(
                TestTokens.token("comms-hdf", "ARS", HDF, "communication-officer"),
                TestTokens.token("service-account-communique-publisher", null, null, "communique-publisher"),
                TestTokens.token("nobody", "ARS", HDF));
        for (String token : tokens) {
            assertThat(api.get("/api/incidents/" + hdf, token).status()).isEqualTo(403);
            assertThat(api.get("/api/incidents", token).status()).isEqualTo(403);
            assertThat(api.post("/api/incidents", token, reportBody(HDF, "x")).status())
                    .isEqualTo(403);
        }
    }

    @Test
    void staffWithoutRegionClaimCannotWrite() {
        String token = TestTokens.token("ars-lost", "ARS", null, "ars-staff");
        assertThat(api.post("/api/incidents", token, reportBody(HDF, "x")).status())
                .isEqualTo(403);
    }

    @Test
    void missingForgedExpiredOrMisdirectedTokensAre401() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = TestTokens.sign(TestTokens.claims("ars-hdf", "ARS", HDF, "ars-staff")
                .issueTime(Date.from(past.minusSeconds(300)))
                .expirationTime(Date.from(past))
                .build());
        String otherAudience = TestTokens.sign(TestTokens.claims("ars-hdf", "ARS", HDF, "ars-staff")
                .audience("account")
                .build());
        String otherIssuer = TestTokens.sign(new JWTClaimsSet.Builder(
                        TestTokens.claims("ars-hdf", "ARS", HDF, "ars-staff").build())
                .issuer("http://evil/realms/ars")
                .build());
        List<String> refused = List.of(
                expired, otherAudience, otherIssuer, TestTokens.forged("ars-hdf", HDF, "ars-staff"), "not-a-jwt");
        for (String token : refused) {
            Response response = api.get("/api/incidents", token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
        }
        Response none = api.post("/api/incidents", null, reportBody(HDF, "x"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();
    }

    @Test
    void healthIsOpenButApiIsNot() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/api/incidents", null).status()).isEqualTo(401);
    }
}
