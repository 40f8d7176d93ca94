package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Retries, concurrent writers and conditional writes: nothing acknowledged is lost or recorded twice. */
class IncidentConcurrencyIT extends IncidentServiceITBase {

    @Test
    void retryingACreationWithTheSameKeyReturnsTheSameIncident() {
        String key = "create-" + System.nanoTime();
        String body = reportBody(HDF, "retry");
        long before = storedEvents();
        Response first = api.post("/api/incidents", TestTokens.arsStaff(HDF), body, "Idempotency-Key", key);
        Response retry = api.post("/api/incidents", TestTokens.arsStaff(HDF), body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asText())
                .isEqualTo(first.json().get("id").asText());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void sameKeyWithADifferentBodyIsRefused() {
        String key = "create-" + System.nanoTime();
        api.post("/api/incidents", TestTokens.arsStaff(HDF), reportBody(HDF, "first"), "Idempotency-Key", key);
        long before = storedEvents();
        Response reuse =
                api.post("/api/incidents", TestTokens.arsStaff(HDF), reportBody(HDF, "second"), "Idempotency-Key", key);
        assertThat(reuse.status()).isEqualTo(422);
        assertThat(reuse.isProblem()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void sameKeyFromTwoPeopleCreatesTwoIncidents() {
        String key = "shared-" + System.nanoTime();
        String body = reportBody(HDF, "same");
        Response ars = api.post("/api/incidents", TestTokens.arsStaff(HDF), body, "Idempotency-Key", key);
        Response esante = api.post("/api/incidents", TestTokens.esanteStaff(HDF), body, "Idempotency-Key", key);
        assertThat(ars.json().get("id").asText())
                .isNotEqualTo(esante.json().get("id").asText());
    }

    @Test
    void retryingAChangeWithTheSameKeyRecordsItOnce() {
        String id = report(NOR);
        String body = identityAssessment(7500);
        Response first = api.post(
                "/api/incidents/" + id + "/assessments", TestTokens.arsStaff(NOR), body, "Idempotency-Key", "assess-1");
        Response retry = api.post(
                "/api/incidents/" + id + "/assessments", TestTokens.arsStaff(NOR), body, "Idempotency-Key", "assess-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("version").asLong())
                .isEqualTo(first.json().get("version").asLong());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        JsonNode history = api.get("/api/incidents/" + id + "/history", TestTokens.arsStaff(NOR))
                .json();
        assertThat(IncidentLifecycleIT.texts(history, "type"))
                .containsExactly("IncidentReportedEvent", "IncidentAssessedEvent", "IncidentStatusChangedEvent");
    }

    @Test
    void concurrentWritersOnOneIncidentLoseNothing() throws Exception {
        String id = report(HDF);
        int writers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String description = "mesure " + i;
                String token = i % 2 == 0 ? TestTokens.arsStaff(HDF) : TestTokens.esanteStaff(HDF);
                calls.add(() -> api.post(
                        "/api/incidents/" + id + "/containment-actions",
                        token,
                        "{\"action\": \"OTHER\", \"description\": \"" + description + "\"}"));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            List<Response> acknowledged =
                    responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(responses)
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(201, 409));

            JsonNode view =
                    api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF)).json();
            Set<String> recorded = new HashSet<>();
            view.get("containmentActions")
                    .forEach(a -> recorded.add(a.get("description").asText()));
            assertThat(recorded).hasSize(acknowledged.size());
            assertThat(view.get("version").asLong()).isEqualTo(acknowledged.size());
            Set<Long> versions = new HashSet<>();
            acknowledged.forEach(r -> versions.add(r.json().get("version").asLong()));
            assertThat(versions)
                    .as("each acknowledged write has its own version")
                    .hasSize(acknowledged.size());
            assertThat(acknowledged.size())
                    .as("serialized by the aggregate lock, none need refusing")
                    .isEqualTo(writers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writeConditionalOnAStaleVersionIsAConflict() {
        String id = report(HDF);
        String etag = api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF)).header("ETag");
        assertThat(api.post(
                                "/api/incidents/" + id + "/containment-actions",
                                TestTokens.arsStaff(HDF),
                                "{\"action\": \"ACCOUNTS_BLOCKED\"}",
                                "If-Match",
                                etag)
                        .status())
                .isEqualTo(201);
        long before = storedEvents();
        Response stale = api.post(
                "/api/incidents/" + id + "/containment-actions",
                TestTokens.esanteStaff(HDF),
                "{\"action\": \"SYSTEMS_ISOLATED\"}",
                "If-Match",
                etag);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.isProblem()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);
    }
}
