package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An incident's view and its {@code asOf} views start from snapshots of the view (taken here every 3 events) and
 * give exactly what a fold of the whole stream gives; snapshots are derived data, so without them, or with ones of
 * an older form, the answers are the same.
 */
class IncidentViewSnapshotsIT extends IncidentServiceITBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void viewsFromSnapshotsEqualViewsFoldedFromTheFirstEvent() throws InterruptedException {
        String token = TestTokens.arsStaff(HDF);
        String id = report(HDF);
        List<Instant> instants = new ArrayList<>();
        List<String> writes = List.of(
                "/assessments",
                "/containment-actions",
                "/containment-actions",
                "/authority-notifications",
                "/containment-actions",
                "/assessments",
                "/containment-actions",
                "/containment-actions",
                "/containment-actions",
                "/authority-notifications",
                "/containment-actions",
                "/containment-actions",
                "/containment-actions",
                "/containment-actions");
        for (int i = 0; i < writes.size(); i++) {
            Thread.sleep(3);
            instants.add(Instant.now());
            Thread.sleep(3);
            Response written = api.post("/api/incidents/" + id + writes.get(i), token, body(writes.get(i), i));
            assertThat(written.status()).as(written.toString()).isIn(200, 201);
            // reading now and then takes the snapshots, as regular readers would
            if (i % 2 == 1) {
                assertThat(api.get("/api/incidents/" + id, token).status()).isEqualTo(200);
            }
        }
        instants.add(Instant.now());
        assertThat(snapshotsOf(id)).as("snapshots taken").isGreaterThanOrEqualTo(3);

        Map<Instant, JsonNode> fromSnapshots = asOfViews(id, token, instants);
        JsonNode currentFromSnapshot =
                timeless(api.get("/api/incidents/" + id, token).json());

        jdbc.update("DELETE FROM incident_view_snapshot WHERE incident_id = ?", id);
        Map<Instant, JsonNode> folded = asOfViews(id, token, instants);
        JsonNode currentFolded = timeless(api.get("/api/incidents/" + id, token).json());

        assertThat(currentFromSnapshot).isEqualTo(currentFolded);
        // the report, each write, and the move to ASSESSING with the first assessment
        assertThat(currentFolded.get("version").asLong()).isEqualTo(writes.size() + 1);
        assertThat(currentFolded.get("containmentActions")).hasSize(10);
        assertThat(fromSnapshots).isEqualTo(folded);
        // each instant shows one more write than the one before
        assertThat(folded.values().stream()
                        .map(v -> v.get("containmentActions").size()
                                + v.get("authorityNotifications").size()
                                + v.get("assessmentCount").asInt())
                        .toList())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    }

    @Test
    void snapshotsOfAnotherFormAreIgnored() {
        String token = TestTokens.arsStaff(HDF);
        String id = incidentWithFourActions(token);
        JsonNode expected = timeless(api.get("/api/incidents/" + id, token).json());
        jdbc.update("DELETE FROM incident_view_snapshot WHERE incident_id = ?", id);
        // a row an older release would have written, unreadable as today's view
        jdbc.update(
                "INSERT INTO incident_view_snapshot (incident_id, sequence_number, recorded_until_iso,"
                        + " recorded_until, format, view) VALUES (?, 4, ?, now(), 0, '{\"unknown\": true}')",
                id,
                Instant.now().toString());

        assertThat(timeless(api.get("/api/incidents/" + id, token).json())).isEqualTo(expected);
        assertThat(timeless(api.get("/api/incidents/" + id + "?asOf=" + Instant.now(), token)
                                .json())
                        .without("asOfView"))
                .isEqualTo(((ObjectNode) expected.deepCopy()).without("asOfView"));
    }

    @Test
    void anUnreadableSnapshotIsNoSnapshotAndAnInstantBeforeAnyRecordIsNotFound() {
        String token = TestTokens.arsStaff(HDF);
        String id = incidentWithFourActions(token);
        JsonNode expected = timeless(api.get("/api/incidents/" + id, token).json());
        assertThat(snapshotsOf(id)).isPositive();
        jdbc.update("UPDATE incident_view_snapshot SET view = '{\"id\": [' WHERE incident_id = ?", id);

        Response view = api.get("/api/incidents/" + id, token);
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        assertThat(timeless(view.json())).isEqualTo(expected);
        assertThat(api.get("/api/incidents/" + id + "?asOf=" + Instant.now(), token)
                        .status())
                .isEqualTo(200);
        for (String longAgo : List.of("0001-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "1969-12-31T23:59:59Z")) {
            Response then = api.get("/api/incidents/" + id + "?asOf=" + longAgo, token);
            assertThat(then.status()).as(longAgo + " " + then).isIn(400, 404);
            assertThat(then.isProblem()).isTrue();
        }
    }

    @Test
    void snapshotsWrittenBeforeWaiversExistedStillServeAndAClosureWithWaiversIsTheSameFromSnapshots()
            throws InterruptedException {
        String token = TestTokens.arsStaff(HDF);
        String id = incidentWithFourActions(token);
        assertThat(api.get("/api/incidents/" + id, token).status()).isEqualTo(200);
        assertThat(snapshotsOf(id)).isPositive();
        // the rows as the release before waivers wrote them: no waivers, no waiverReason on the clocks
        for (Map<String, Object> row : jdbc.queryForList(
                "SELECT sequence_number, view FROM incident_view_snapshot" + " WHERE incident_id = ?", id)) {
            ObjectNode stored = (ObjectNode) JSON.readTree(row.get("view").toString());
            ObjectNode view = (ObjectNode) stored.get("view");
            assertThat(view.has("waivers")).isTrue();
            view.remove("waivers");
            view.get("regulatoryClocks").forEach(clock -> ((ObjectNode) clock).remove("waiverReason"));
            jdbc.update(
                    "UPDATE incident_view_snapshot SET view = ? WHERE incident_id = ? AND sequence_number = ?",
                    stored.toString(),
                    id,
                    row.get("sequence_number"));
        }
        for (String status : List.of("ASSESSING", "CONTAINED", "RESOLVED")) {
            assertThat(api.post("/api/incidents/" + id + "/status", token, "{\"status\": \"" + status + "\"}")
                            .status())
                    .isEqualTo(200);
        }
        Thread.sleep(5);
        Instant resolved = Instant.now();
        Thread.sleep(5);
        Response closed = closeWaivingWhatIsUnmet(id, token, "Exercice");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        // read twice: the second read may start from a snapshot taken after the closure
        api.get("/api/incidents/" + id, token);
        JsonNode fromSnapshots = timeless(api.get("/api/incidents/" + id, token).json());
        JsonNode resolvedFromSnapshots =
                api.get("/api/incidents/" + id + "?asOf=" + resolved, token).json();

        jdbc.update("DELETE FROM incident_view_snapshot WHERE incident_id = ?", id);
        JsonNode folded = timeless(api.get("/api/incidents/" + id, token).json());
        assertThat(fromSnapshots).isEqualTo(folded);
        assertThat(api.get("/api/incidents/" + id + "?asOf=" + resolved, token).json())
                .isEqualTo(resolvedFromSnapshots);
        assertThat(folded.get("waivers")).isNotEmpty();
        assertThat(folded.get("regulatoryClocks").findValuesAsString("status"))
                .contains("WAIVED")
                .doesNotContain("PENDING", "DUE_SOON", "OVERDUE");
        assertThat(resolvedFromSnapshots.get("waivers")).isEmpty();
        assertThat(resolvedFromSnapshots.get("regulatoryClocks").findValuesAsString("status"))
                .doesNotContain("WAIVED");
    }

    /** A new incident of the region with four containment actions: five events, a snapshot taken on its first read. */
    private String incidentWithFourActions(String token) {
        String id = report(HDF);
        for (int i = 0; i < 4; i++) {
            api.post("/api/incidents/" + id + "/containment-actions", token, body("/containment-actions", i));
        }
        return id;
    }

    private Map<Instant, JsonNode> asOfViews(String id, String token, List<Instant> instants) {
        Map<Instant, JsonNode> views = new LinkedHashMap<>();
        for (Instant instant : instants) {
            Response view = api.get("/api/incidents/" + id + "?asOf=" + instant, token);
            assertThat(view.status()).as(view.toString()).isEqualTo(200);
            views.put(instant, view.json());
        }
        return views;
    }

    private long snapshotsOf(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM incident_view_snapshot WHERE incident_id = ?", Long.class, id);
    }

    /** The view without what depends on the instant it is read at. */
    private static ObjectNode timeless(JsonNode view) {
        ObjectNode copy = (ObjectNode) view.deepCopy();
        copy.remove("evaluatedAt");
        return copy;
    }

    private static String body(String write, int i) {
        return switch (write) {
            case "/assessments" -> identityAssessment(1000L * (i + 1));
            case "/authority-notifications" -> """
                    {"authority": "%s", "notifiedAt": "2025-11-22T09:00:00Z", "reference": "REF-%d"}""".formatted(i < 5 ? "CERT_SANTE" : "CNIL", i);
            default -> """
                    {"action": "%s", "description": "mesure %d"}""".formatted(i % 2 == 0 ? "ACCOUNTS_BLOCKED" : "SECURITY_REINFORCED", i);
        };
    }
}
