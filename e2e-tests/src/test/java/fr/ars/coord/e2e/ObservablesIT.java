package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Observables through the gateway with the realm's own users: the same value recorded by two regions becomes a
 * sighting the national cell sees with its incidents, a count for each region, a campaign suggestion with its
 * reason; one region's export as a MISP event is imported by the other, which records only what it lacked.
 */
@Order(5)
class ObservablesIT {

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private final ApiClient api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());

    @Test
    void aValueTwoRegionsRecordedIsSeenNationallyCountedRegionallySuggestedAndSharedAsMisp() {
        String hdfToken = keycloak.password("ars-hdf");
        String norToken = keycloak.password("ars-nor");
        String national = keycloak.password("national");
        String hdf = report(hdfToken, "FR-HDF");
        String nor = report(norToken, "FR-NOR");
        String domain = "e2e-" + Long.toString(System.nanoTime(), 36) + ".example";
        String address = "198.51.100." + (1 + System.nanoTime() % 250);

        Response defanged = record(hdfToken, hdf, "domain-name", domain.replace(".", "[.]"), "PHISHING_SENDER");
        assertThat(defanged.json().get("value").asText())
                .as("recorded in its canonical form")
                .isEqualTo(domain);
        record(hdfToken, hdf, "ipv4-addr", address, "INTRUSION_SOURCE");
        record(norToken, nor, "domain-name", domain.toUpperCase(), "PHISHING_SENDER");

        JsonNode shared =
                await().atMost(Duration.ofSeconds(20)).until(() -> sharedValue(national, domain), v -> v != null);
        assertThat(textValues(shared.get("regions"))).containsExactlyInAnyOrder("FR-HDF", "FR-NOR");
        assertThat(shared.get("sightings").findValuesAsString("incidentId")).containsExactlyInAnyOrder(hdf, nor);

        JsonNode mine = null;
        for (JsonNode o : api.get("/api/regions/FR-NOR/observables", norToken).json()) {
            if (o.get("value").asText().equals(domain)) {
                mine = o;
            }
        }
        assertThat(mine).as("Normandie's own observable").isNotNull();
        assertThat(mine.get("otherRegions").asInt()).isEqualTo(1);
        assertThat(mine.get("namedOtherRegions"))
                .as("an AMBER value does not name the region")
                .isEmpty();
        assertThat(api.get("/api/regions/FR-NOR/observables", norToken).body())
                .as("nothing of the other region's incident")
                .doesNotContain(hdf);
        assertThat(api.get("/api/national/observables", norToken).status()).isEqualTo(403);

        await().atMost(Duration.ofSeconds(20)).until(() -> suggestedTogether(national, hdf, nor, domain));

        JsonNode event = api.get("/api/regions/FR-HDF/incidents/" + hdf + "/misp", hdfToken)
                .json();
        assertThat(event.at("/Event/Attribute").findValuesAsString("value")).containsExactlyInAnyOrder(domain, address);
        Response imported = api.post("/api/incidents/" + nor + "/observables/import", norToken, event.toString());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("recorded"))
                .as("the address Normandie lacked")
                .hasSize(1);
        assertThat(imported.json().get("alreadyRecorded"))
                .as("the domain it had")
                .hasSize(1);
        assertThat(api.get("/api/incidents/" + nor + "/observables.txt?type=ipv4-addr", norToken)
                        .body()
                        .lines())
                .containsExactly(address);
        assertThat(api.post("/api/incidents/" + hdf + "/observables/import", norToken, event.toString())
                        .status())
                .as("another region's incident")
                .isIn(403, 404);
    }

    private String report(String token, String region) {
        Response created = api.post("/api/incidents", token, """
                {"region": "%s", "title": "Hameçonnage après usurpation", "summary": "SMS et courriels frauduleux",
                 "awareAt": "2025-11-25T09:00:00Z", "attackVector": "PHISHING", "operationalImpact": "NONE"}""".formatted(region));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Response record(String token, String incident, String type, String value, String role) {
        Response recorded =
                api.post("/api/incidents/" + incident + "/observables", token, """
                {"type": "%s", "value": "%s", "role": "%s", "tlp": "TLP:AMBER", "confidence": 80}""".formatted(type, value, role));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        return recorded;
    }

    private JsonNode sharedValue(String token, String value) {
        for (JsonNode o :
                api.get("/api/national/observables?minRegions=2", token).json()) {
            if (o.get("value").asText().equals(value)) {
                return o;
            }
        }
        return null;
    }

    private boolean suggestedTogether(String token, String first, String second, String value) {
        for (JsonNode s : api.get("/api/national/campaigns/suggestions", token).json()) {
            List<String> ids = textValues(s.get("incidentIds"));
            if (s.get("basis").asText().equals("SHARED_OBSERVABLES")
                    && ids.contains(first)
                    && ids.contains(second)
                    && s.get("sharedObservables").toString().contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
