package fr.ars.coord.incident;

import static fr.ars.coord.platform.testing.LegacyStore.timeless;
import static fr.ars.coord.platform.testing.LegacyStore.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.LegacyStore;
import fr.ars.coord.platform.testing.TestJwtDecoderConfiguration;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * An upgrade keeps every incident: incident-service started on the event store of the Spring Boot 3.5 release
 * answers what that release answered (views, histories with who recorded each fact, the list rebuilt by
 * replay), and recognises the retries of requests that release recorded under an {@code Idempotency-Key}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestJwtDecoderConfiguration.class)
class LegacyStoreIT {

    @DynamicPropertySource
    static void legacyStore(DynamicPropertyRegistry registry) {
        LegacyStore.register(registry, "incident_legacy", "incident-service-legacy", Set.of());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.checkedAgainst("http://localhost:" + port, ApiContract.committed());
    }

    @Test
    void everyIncidentAndItsHistoryReadsAsTheReleaseShowedThem() {
        List<String> ids = view("incidents").findValuesAsString("id");
        assertThat(ids).hasSize(4);
        for (String id : ids) {
            // fields and obligations added since that release are a compatible extension
            assertThat(LegacyStore.asReleased(
                            api.get("/api/incidents/" + id, TestTokens.national())
                                    .json(),
                            view("incident-" + id),
                            Set.of("regulatoryClocks")))
                    .as("incident %s", id)
                    .isEqualTo(timeless(view("incident-" + id)));
            assertThat(api.get("/api/incidents/" + id + "/history", TestTokens.national())
                            .json())
                    .as("history of %s", id)
                    .isEqualTo(view("history-" + id));
        }
    }

    @Test
    void anIncidentClosedBeforeWaiversExistedIsClosedWithNothingWaived() {
        String closed = null;
        for (var incident : view("incidents")) {
            if ("CLOSED".equals(incident.get("status").asString())) {
                closed = incident.get("id").asString();
            }
        }
        assertThat(closed).as("the release's store holds a closed incident").isNotNull();
        var now = api.get("/api/incidents/" + closed, TestTokens.national()).json();
        assertThat(now.get("status").asString()).isEqualTo("CLOSED");
        assertThat(now.get("waivers")).isEmpty();
        assertThat(now.get("regulatoryClocks").findValuesAsString("status")).doesNotContain("WAIVED");
        var history = api.get("/api/incidents/" + closed + "/history", TestTokens.national())
                .json();
        var closure = history.get(history.size() - 1);
        assertThat(closure.at("/payload/to").asString()).isEqualTo("CLOSED");
        assertThat(closure.get("payload").has("waivers")).isFalse();
    }

    @Test
    void theIncidentListIsRebuiltAsTheReleaseShowedIt() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                api.get("/api/incidents", TestTokens.national()).json())
                        .isEqualTo(view("incidents")));
    }

    @Test
    void retriesOfRequestsTheReleaseRecordedAreRecognised() {
        LegacyStore.Event reported = LegacyStore.event("IncidentReportedEvent", "demo-2025-hdf-incident");
        String incidentId = reported.payload().get("incidentId").asString();
        String hdf = reported.recorderToken("ars-staff");
        long events = storedEvents();

        ObjectNode report = (ObjectNode) reported.payload().deepCopy();
        report.remove("incidentId");
        ApiClient.Response again =
                api.post("/api/incidents", hdf, report.toString(), "Idempotency-Key", "demo-2025-hdf-incident");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asString()).isEqualTo(incidentId);

        ObjectNode assessment = (ObjectNode) LegacyStore.event("IncidentAssessedEvent", "demo-2025-hdf-assessment")
                .payload()
                .deepCopy();
        assessment.remove(List.of("incidentId", "region"));
        ApiClient.Response assessedAgain = api.post(
                "/api/incidents/" + incidentId + "/assessments",
                hdf,
                assessment.toString(),
                "Idempotency-Key",
                "demo-2025-hdf-assessment");
        assertThat(assessedAgain.status()).as(assessedAgain.toString()).isEqualTo(201);
        assertThat(assessedAgain.header("Idempotent-Replayed")).isEqualTo("true");

        // the same key with another request is still refused
        assessment.put("estimatedPatients", 12001);
        assertThat(api.post(
                                "/api/incidents/" + incidentId + "/assessments",
                                hdf,
                                assessment.toString(),
                                "Idempotency-Key",
                                "demo-2025-hdf-assessment")
                        .status())
                .isEqualTo(422);
        assertThat(storedEvents()).isEqualTo(events);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
