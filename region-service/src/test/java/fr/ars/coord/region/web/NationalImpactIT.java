package fr.ars.coord.region.web;

import static fr.ars.coord.region.impact.IncidentStories.assessed;
import static fr.ars.coord.region.impact.IncidentStories.contained;
import static fr.ars.coord.region.impact.IncidentStories.reported;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.contracts.incident.ContainmentAction;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.JsonFields;
import fr.ars.coord.platform.testing.TestTokens;
import fr.ars.coord.region.RegionServiceITBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class NationalImpactIT extends RegionServiceITBase {

    @Autowired
    EventProcessingConfiguration processing;

    private JsonNode impact(String token) {
        Response response = api.get("/api/national/impact", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode region(JsonNode impact, String code) {
        for (JsonNode region : impact.get("regions")) {
            if (region.get("code").asText().equals(code)) {
                return region;
            }
        }
        return null;
    }

    private static List<String> ids(JsonNode region) {
        List<String> ids = new ArrayList<>();
        if (region != null) {
            region.get("incidentIds").forEach(i -> ids.add(i.asText()));
        }
        return ids;
    }

    @Test
    void lists18RegionsWithTheirAgencies() {
        JsonNode regions =
                api.get("/api/regions", TestTokens.arsStaff("FR-HDF")).json();
        assertThat(regions).hasSize(18);
        assertThat(regions.findValuesAsString("code")).contains("FR-HDF", "FR-NOR", "FR-20R", "FR-976");
        JsonNode nor = api.get("/api/regions/FR-NOR", TestTokens.national()).json();
        assertThat(nor.get("name").asText()).isEqualTo("Normandie");
        assertThat(nor.get("arsName").asText()).isEqualTo("ARS Normandie");
        assertThat(nor.get("gradesName").asText()).isEqualTo("Normand'e-Santé");
        assertThat(api.get("/api/regions/FR-XXX", TestTokens.national()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/regions", null).status()).isEqualTo(401);
    }

    @Test
    void incidentsOfSeveralRegionsAppearInTheNationalPicture() {
        String hdf = newId();
        String nor = newId();
        record(
                0,
                reported(hdf, "FR-HDF"),
                contained(hdf, "FR-HDF", ContainmentAction.ACCOUNTS_BLOCKED),
                assessed(hdf, "FR-HDF", 12000));
        record(0, reported(nor, "FR-NOR"), assessed(nor, "FR-NOR", 7500));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode impact = impact(TestTokens.national());
            assertThat(ids(region(impact, "FR-HDF"))).contains(hdf);
            assertThat(ids(region(impact, "FR-NOR"))).contains(nor);
        });
        JsonNode impact = impact(TestTokens.auditor());
        JsonNode hdfRegion = region(impact, "FR-HDF");
        assertThat(hdfRegion.get("containmentActions").toString()).contains("ACCOUNTS_BLOCKED");
        assertThat(hdfRegion.get("exposedData").toString())
                .contains("LAST_NAME")
                .contains("EMAIL");
        assertThat(hdfRegion.get("medicalDataExposed").asBoolean()).isFalse();
        assertThat(impact.at("/totals/regionsAffected").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(impact.at("/totals/estimatedPatients").asLong()).isGreaterThanOrEqualTo(19500);
        assertThat(impact.get("position").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void regionalStaffSeeNationalTotalsButOnlyTheirOwnRegionsDetail() {
        String bre = newId();
        String pdl = newId();
        record(0, reported(bre, "FR-BRE"), assessed(bre, "FR-BRE", 100));
        record(0, reported(pdl, "FR-PDL"), assessed(pdl, "FR-PDL", 200));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() ->
                        ids(region(impact(TestTokens.national()), "FR-PDL")).contains(pdl));

        for (String token : List.of(
                TestTokens.arsStaff("FR-BRE"),
                TestTokens.esanteStaff("FR-BRE"),
                TestTokens.token("comms-bre", "ARS", "FR-BRE", "communication-officer"))) {
            JsonNode seen = impact(token);
            assertThat(JsonFields.ofEach(seen.get("regions"), "code")).containsExactly("FR-BRE");
            assertThat(seen.get("regionDetailRestricted").asBoolean()).isTrue();
            // totals over their own region only: national totals minus their own would be the other regions'
            assertThat(seen.at("/totals/regionsAffected").asInt()).isEqualTo(1);
            assertThat(seen.at("/totals/estimatedPatients").asLong())
                    .isEqualTo(region(seen, "FR-BRE").get("estimatedPatients").asLong());
            assertThat(seen.at("/totals/incidents").asInt())
                    .isEqualTo(region(seen, "FR-BRE").get("incidentIds").size());
            assertThat(seen.toString()).doesNotContain(pdl);
        }
        // a region without any incident learns nothing of the others
        JsonNode quiet = impact(TestTokens.arsStaff("FR-973"));
        assertThat(quiet.get("regions")).isEmpty();
        assertThat(quiet.at("/totals/regionsAffected").asInt()).isZero();
        assertThat(quiet.at("/totals/estimatedPatients").asLong()).isZero();
        assertThat(api.get("/api/regions/FR-PDL", TestTokens.arsStaff("FR-BRE")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/regions/FR-BRE", TestTokens.arsStaff("FR-BRE"))
                        .json()
                        .at("/impact/incidentIds")
                        .toString())
                .contains(bre);
        assertThat(api.get("/api/national/impact", TestTokens.token("svc", null, null, "communique-publisher"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/national/impact", null).status()).isEqualTo(401);
    }

    @Test
    void aRegionsWholeListsArePagedForThoseWhoMaySeeItsDetail() {
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = newId();
            recorded.add(id);
            record(
                    0,
                    fr.ars.coord.region.impact.IncidentStories.reportedUnderNis2(
                            id, "FR-NAQ", fr.ars.coord.region.impact.IncidentStories.AWARE));
            record(1, fr.ars.coord.region.impact.IncidentStories.significant(id, "FR-NAQ"));
        }
        recorded.sort(null);
        String national = TestTokens.national();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/regions/FR-NAQ/incident-ids", national)
                                .json()
                                .get("total")
                                .asInt()
                        == 3);

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            JsonNode found = api.get("/api/regions/FR-NAQ/incident-ids?page=" + page + "&size=2", national)
                    .json();
            assertThat(found.get("total").asInt()).isEqualTo(3);
            assertThat(found.get("size").asInt()).isEqualTo(2);
            found.get("incidentIds").forEach(id -> paged.add(id.asText()));
        }
        assertThat(paged).containsExactlyElementsOf(recorded);
        // reported long ago, nothing notified, nothing assessed: the CERT Santé declaration and the two NIS2 stages
        // of each are overdue, the soonest due first
        JsonNode clocks = api.get("/api/regions/FR-NAQ/overdue-clocks?size=4", TestTokens.arsStaff("FR-NAQ"))
                .json();
        assertThat(clocks.get("total").asInt()).isEqualTo(9);
        assertThat(clocks.get("overdueClocks")).hasSize(4);
        assertThat(clocks.get("overdueClocks").get(0).get("authority").asText()).isEqualTo("CERT_SANTE");
        JsonNode region = region(impact(national), "FR-NAQ");
        assertThat(region.get("overdueClockCount").asInt()).isEqualTo(9);
        assertThat(region.get("overdueClocks").get(0))
                .isEqualTo(clocks.get("overdueClocks").get(0));
        assertThat(impact(national).get("listedPerRegion").asInt()).isEqualTo(200);

        // another region's staff learn nothing of it; bad paging is refused naming the parameter
        assertThat(api.get("/api/regions/FR-NAQ/incident-ids", TestTokens.arsStaff("FR-HDF"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/regions/FR-NAQ/overdue-clocks", TestTokens.arsStaff("FR-HDF"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/regions/FR-XXX/incident-ids", national).status())
                .isEqualTo(404);
        assertThat(api.get("/api/regions/FR-NAQ/incident-ids", null).status()).isEqualTo(401);
        for (String bad : List.of("page=-1", "size=0", "size=1001", "page=deux", "page=2147483647&size=2")) {
            Response refused = api.get("/api/regions/FR-NAQ/overdue-clocks?" + bad, national);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains(bad.startsWith("size") ? "\"size\"" : "\"page\"");
        }
    }

    @Test
    void oneCallerCannotKeepTheServiceFoldingTheHistory() {
        String caller = TestTokens.arsStaff("FR-GES");
        String asOf = "/api/national/impact?asOf=" + Instant.now().minusSeconds(60);
        int served = 0;
        ApiClient.Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            ApiClient.Response response = api.get(asOf, caller);
            if (response.status() == 429) {
                refused = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
                served++;
            }
        }
        assertThat(served).isEqualTo(10); // the burst of ars.national.as-of-burst
        assertThat(refused).isNotNull();
        assertThat(refused.isProblem()).isTrue();
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        // one allowance for every picture folded from history: the list of obligations as of then is refused too
        assertThat(api.get("/api/national/obligations?asOf=" + Instant.now().minusSeconds(60), caller)
                        .status())
                .isEqualTo(429);
        // another caller, and the current picture, are not held back
        assertThat(api.get(asOf, TestTokens.arsStaff("FR-OCC")).status()).isEqualTo(200);
        assertThat(api.get("/api/national/impact", caller).status()).isEqualTo(200);
    }

    @Test
    void asOfShowsWhatWasKnownAtThatInstant() throws InterruptedException {
        String id = newId();
        record(0, reported(id, "FR-CVL"), assessed(id, "FR-CVL", 300));
        Thread.sleep(30);
        Instant between = Instant.now();
        Thread.sleep(30);
        record(2, assessed(id, "FR-CVL", 4500));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> region(impact(TestTokens.national()), "FR-CVL")
                                .get("estimatedPatients")
                                .asLong()
                        >= 4500);

        JsonNode then = api.get("/api/national/impact?asOf=" + between, TestTokens.national())
                .json();
        assertThat(then.get("asOfView").asBoolean()).isTrue();
        assertThat(then.get("evaluatedAt").asText()).isEqualTo(between.toString());
        JsonNode cvlThen = region(then, "FR-CVL");
        assertThat(ids(cvlThen)).contains(id);
        assertThat(cvlThen.get("estimatedPatients").asLong()).isEqualTo(300);
        assertThat(then.get("position").asLong())
                .isLessThan(impact(TestTokens.national()).get("position").asLong());

        JsonNode restricted = api.get("/api/national/impact?asOf=" + between, TestTokens.arsStaff("FR-HDF"))
                .json();
        assertThat(restricted.toString()).doesNotContain(id);
        assertThat(api.get("/api/national/impact?asOf=" + Instant.now().plusSeconds(3600), TestTokens.national())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/national/impact?asOf=hier", TestTokens.national())
                        .status())
                .isEqualTo(400);
        // before anything was recorded: an empty picture, or a clear refusal, never an error of the store
        JsonNode longAgo = api.get("/api/national/impact?asOf=0001-01-01T00:00:00Z", TestTokens.national())
                .json();
        assertThat(longAgo.get("regions")).isEmpty();
        Response beforeYearOne = api.get("/api/national/impact?asOf=-5000-01-01T00:00:00Z", TestTokens.national());
        assertThat(beforeYearOne.status()).isEqualTo(400);
        assertThat(beforeYearOne.body()).contains("\"asOf\"");
    }

    @Test
    void resettingTheProjectionAndReplayingGivesTheSamePicture() {
        String id = newId();
        record(0, reported(id, "FR-OCC"), assessed(id, "FR-OCC", 42));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() ->
                        ids(region(impact(TestTokens.national()), "FR-OCC")).contains(id));
        JsonNode before = impact(TestTokens.national());

        StreamingEventProcessor processor = processing
                .eventProcessor("national-impact", StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(impact(TestTokens.national()).get("regions"))
                .as("reset empties the read model")
                .isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode after = impact(TestTokens.national());
            assertThat(after.get("regions")).isEqualTo(before.get("regions"));
            assertThat(after.get("totals")).isEqualTo(before.get("totals"));
            assertThat(after.get("position")).isEqualTo(before.get("position"));
        });
    }
}
