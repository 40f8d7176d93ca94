package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Faults under load, through the gateway: nothing acknowledged is lost, nothing is recorded twice, outages
 * answer fast 503s, and the platform recovers by itself. Each fault prints one report line.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private final ApiClient api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());

    private String report(String token, String region) {
        Response created = api.post("/api/incidents", token, """
                {"region": "%s", "title": "Panne provoquée", "summary": "essai de résistance",
                 "awareAt": "2025-11-26T08:00:00Z", "attackVector": "VULNERABILITY_EXPLOIT", "operationalImpact": "NONE"}""".formatted(region));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    @Order(1)
    void killingIncidentServiceLosesNoAcknowledgedCommandAndRetriesDoNotDuplicate() throws Exception {
        String token = keycloak.password("esante-hdf");
        String incident = report(token, "FR-HDF");
        int commands = 60;
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < commands; i++) {
                String body = "{\"action\": \"OTHER\", \"description\": \"mesure " + i + "\"}";
                Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
                while (true) {
                    int status;
                    try {
                        status = api.post(
                                        "/api/incidents/" + incident + "/containment-actions",
                                        token,
                                        body,
                                        "Idempotency-Key",
                                        "fault-" + incident + "-" + i)
                                .status();
                    } catch (RuntimeException connectionLost) {
                        status = 0;
                    }
                    if (status == 201) {
                        acknowledged.incrementAndGet();
                        break;
                    }
                    assertThat(status)
                            .as("only outages while the service is down")
                            .isIn(0, 502, 503, 504);
                    assertThat(Instant.now()).isBefore(deadline);
                    retries.incrementAndGet();
                    sleep(200);
                }
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= 15);
        platform.kill("incident-service");
        platform.restart("incident-service", RunningPlatform.INCIDENT_SERVICE_PORT);
        client.get();

        JsonNode history =
                api.get("/api/incidents/" + incident + "/history", token).json();
        Map<String, Integer> found = new HashMap<>();
        history.forEach(e -> {
            if (e.get("type").asText().equals("ContainmentActionRecordedEvent")) {
                found.merge(e.at("/payload/description").asText(), 1, Integer::sum);
            }
        });
        long duplicates = found.values().stream().filter(n -> n > 1).count();
        System.out.printf(
                "fault: kill -9 incident-service under load | commands sent: %d (%d retries) | acknowledged: %d"
                        + " | found: %d | duplicates: %d%n",
                commands, retries.get(), acknowledged.get(), found.size(), duplicates);
        assertThat(acknowledged.get()).isEqualTo(commands);
        assertThat(found).hasSize(commands);
        assertThat(duplicates).isZero();
    }

    @Test
    @Order(2)
    void regionServiceDownDoesNotStopRecordingAndItsViewCatchesUp() throws Exception {
        String national = keycloak.password("national");
        platform.kill("region-service");
        long start = System.nanoTime();
        Response down = api.get("/api/national/impact", national);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.isProblem()).isTrue();

        String token = keycloak.password("ars-nor");
        String incident = report(token, "FR-NOR");
        platform.restart("region-service", RunningPlatform.REGION_SERVICE_PORT);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/api/national/impact", national).body().contains(incident));
        System.out.printf(
                "fault: region-service down | commands sent: 1 | acknowledged: 1 | found in national view"
                        + " after restart: 1 | duplicates: 0 | 503 while down answered in %d ms%n",
                millis);
    }

    @Test
    @Order(3)
    void postgresRestartGivesFast503sThenRecoversWithoutHelp() throws Exception {
        String token = keycloak.password("ars-hdf");
        String national = keycloak.password("national");
        platform.stopStore("postgres");
        long start = System.nanoTime();
        Response during = api.post("/api/incidents", token, """
                {"region": "FR-HDF", "title": "Pendant la panne", "summary": "base arrêtée",
                 "awareAt": "2025-11-26T08:00:00Z", "attackVector": "OTHER", "operationalImpact": "NONE"}""");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(during.status()).as(during.toString()).isEqualTo(503);
        assertThat(during.isProblem()).isTrue();
        assertThat(millis).as("no hanging request").isLessThan(15_000);

        platform.startStore("postgres", RunningPlatform.POSTGRES_PORT);
        String[] recovered = new String[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Response after = api.post("/api/incidents", token, """
                    {"region": "FR-HDF", "title": "Après la panne", "summary": "base relancée",
                     "awareAt": "2025-11-26T08:00:00Z", "attackVector": "OTHER", "operationalImpact": "NONE"}""");
                    if (after.status() == 201) {
                        recovered[0] = after.json().get("id").asText();
                        return true;
                    }
                    return false;
                });
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/national/impact", national).body().contains(recovered[0]));
        System.out.printf(
                "fault: PostgreSQL restart | commands during outage: 1 | answered 503 in %d ms | recorded"
                        + " after restart: 1 | found in national view: 1 | duplicates: 0%n",
                millis);
        assertThat(List.of(recovered)).doesNotContainNull();
    }

    @Test
    @Order(4)
    void mongoDownAnswers503sAndEveryReadModelAndProcessCatchesUpOnceItIsBack() throws Exception {
        String token = keycloak.password("ars-nor");
        String national = keycloak.password("national");
        String comms = keycloak.password("comms-nor");
        platform.stopStore("mongo");
        long start = System.nanoTime();
        Response list = api.get("/api/incidents", token);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(list.status()).as(list.toString()).isEqualTo(503);
        assertThat(list.isProblem()).isTrue();
        assertThat(millis).as("no hanging request").isLessThan(15_000);

        // commands only need the event store; the read models and the communiqué drafting need MongoDB
        String incident = report(token, "FR-NOR");
        Response assessed = api.post(
                "/api/incidents/" + incident + "/assessments",
                token,
                "{\"exposedData\": [\"LAST_NAME\", \"EMAIL\"], \"medicalDataExposed\": false, \"estimatedPatients\": 42}");
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(201);
        long assessment = platform.number("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = '"
                + incident + "' AND payloadtype LIKE '%.IncidentAssessedEvent'");
        sleep(8_000); // longer than the read models' 3 s server selection: their handlers fail meanwhile
        platform.startStore("mongo", RunningPlatform.MONGO_PORT);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(api.get("/api/incidents", token).body()).contains(incident);
                    assertThat(api.get("/api/national/impact", national).body()).contains(incident);
                    JsonNode drafts = api.get("/api/communiques?region=FR-NOR&status=DRAFT", comms)
                            .json();
                    assertThat(drafts.findValues("factsPosition"))
                            .as("a draft built from facts including the assessment")
                            .anyMatch(p -> p.asLong() >= assessment);
                });
        System.out.printf(
                "fault: MongoDB down | commands sent: 2 | acknowledged: 2 | found after restart in incident"
                        + " list, national view and the regional draft: 1 | duplicates: 0 | 503 while down answered in %d ms%n",
                millis);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
