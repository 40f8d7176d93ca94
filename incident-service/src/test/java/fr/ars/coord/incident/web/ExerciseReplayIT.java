package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A script replayed in an exercise: its facts injected at their time divided by the speed, once each, in the
 * exercise; the review's steps and expectations checked against the script's times and what the trainees recorded.
 */
class ExerciseReplayIT extends IncidentServiceITBase {

    /** Three facts over 3 minutes of script time, 3 seconds at ×60. */
    static final String SHORT_SCRIPT = """
            {"name": "Usurpation de compte, version courte", "regions": ["FR-HDF"],
             "steps": [
               {"at": "PT0S", "incident": "hdf", "report": {"region": "FR-HDF", "title": "Accès frauduleux",
                 "summary": "Compte d'un professionnel usurpé", "awareAt": "-PT30M",
                 "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}},
               {"at": "PT1M", "incident": "hdf", "containment": {"action": "ACCOUNTS_BLOCKED",
                 "description": "Comptes bloqués"}},
               {"at": "PT3M", "incident": "hdf", "assessment": {"exposedData": ["LAST_NAME", "PHONE"],
                 "medicalDataExposed": false, "estimatedPatients": 900}}
             ],
             "expected": [
               {"incident": "hdf", "action": "CERT_SANTE_DECLARATION", "within": "PT2H", "description": "Déclarer"},
               {"incident": "hdf", "action": "CNIL_NOTIFICATION", "within": "PT2M", "description": "Notifier"}
             ]}""";

    private String start(String regions) {
        Response started = api.post(
                "/api/exercises",
                TestTokens.national(),
                "{\"name\": \"Rejeu " + UUID.randomUUID() + "\", \"regions\": " + regions
                        + ", \"durationMinutes\": 60}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("id").asString();
    }

    private Response replay(String exercise, String body) {
        return api.post("/api/exercises/" + exercise + "/replay", TestTokens.national(), body);
    }

    static String incidentId(String exercise, String ref) {
        return UUID.nameUUIDFromBytes(("exercise|" + exercise + "|" + ref).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Test
    void aScriptsFactsAreInjectedAtItsPaceOnceEachAndTheReviewComparesWhatTheTraineesDid() throws Exception {
        String exercise = start("[\"FR-HDF\"]");
        Response started = replay(exercise, "{\"document\": " + SHORT_SCRIPT + ", \"speed\": 60}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        Instant t0 = Instant.parse(started.json().get("startedAt").asString());
        assertThat(started.json().get("steps").asInt()).isEqualTo(3);
        assertThat(replay(exercise, "{\"document\": " + SHORT_SCRIPT + ", \"speed\": 10}")
                        .status())
                .as("one script per exercise")
                .isEqualTo(409);

        String incident = incidentId(exercise, "hdf");
        JsonNode review = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/exercises/" + exercise + "/review", TestTokens.national())
                                .json(),
                        r -> r.at("/replay/steps").size() == 3
                                && r.at("/replay/steps").findValues("injectedAt").stream()
                                        .noneMatch(JsonNode::isNull));
        JsonNode steps = review.at("/replay/steps");
        long[] scriptSeconds = {0, 60, 180};
        for (int i = 0; i < 3; i++) {
            JsonNode step = steps.get(i);
            assertThat(step.get("scriptSeconds").asLong()).isEqualTo(scriptSeconds[i]);
            assertThat(Instant.parse(step.get("dueAt").asString())).isEqualTo(t0.plusSeconds(scriptSeconds[i] / 60));
            assertThat(step.get("lateBySeconds").asLong()).isBetween(0L, 5L);
            assertThat(step.get("incidentId").asString()).isEqualTo(incident);
            assertThat(step.get("outcome").asString()).startsWith("enregistré");
        }
        assertThat(steps.findValuesAsString("kind")).containsExactly("REPORT", "CONTAINMENT", "ASSESSMENT");

        JsonNode view =
                api.get("/api/incidents/" + incident, TestTokens.arsStaff(HDF)).json();
        assertThat(view.get("exerciseId").asString()).isEqualTo(exercise);
        assertThat(Instant.parse(view.get("awareAt").asString()))
                .as("30 minutes before the start, at the replay's pace")
                .isEqualTo(t0.minusSeconds(30));
        assertThat(view.get("reportedBy").get("username").asString()).isEqualTo("exercise-script");
        assertThat(view.at("/latestAssessment/estimatedPatients").asLong()).isEqualTo(900);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, incident))
                .as("report, containment, assessment and its status change: each once")
                .isEqualTo(4);

        JsonNode expected = review.get("expected");
        assertThat(expected.findValuesAsString("action"))
                .containsExactly("CERT_SANTE_DECLARATION", "CNIL_NOTIFICATION");
        assertThat(Instant.parse(expected.get(0).get("expectedBy").asString())).isEqualTo(t0.plusSeconds(120));
        assertThat(Instant.parse(expected.get(1).get("expectedBy").asString())).isEqualTo(t0.plusSeconds(2));

        // a trainee declares to CERT Santé: on time; the CNIL notification, due 2 s after the start, was not made
        Response declared = api.post(
                "/api/incidents/" + incident + "/authority-notifications",
                TestTokens.arsStaff(HDF),
                "{\"authority\": \"CERT_SANTE\", \"notifiedAt\": \""
                        + Instant.now().minusSeconds(1) + "\", \"reference\": \"CS-EX\"}");
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        JsonNode after = api.get("/api/exercises/" + exercise + "/review", TestTokens.arsStaff(HDF))
                .json();
        JsonNode declaration = after.get("expected").get(0);
        assertThat(declaration.get("status").asString()).isEqualTo("ON_TIME");
        Instant recorded = Instant.parse(
                after.at("/incidents/0/notifications/0/recordedAt").asString());
        assertThat(Instant.parse(declaration.get("doneAt").asString())).isEqualTo(recorded);
        assertThat(declaration.get("marginSeconds").asLong())
                .isEqualTo(Duration.between(recorded, t0.plusSeconds(120)).toSeconds());
        assertThat(after.get("expected").get(1).get("status").asString()).isEqualTo("NOT_DONE");
        assertThat(after.get("incidents").findValuesAsString("incidentId")).containsExactly(incident);

        // the same review as a PDF: marked EXERCICE in its title and across each page, each expectation's state
        String[] pdf = pdfPagesAndText("/api/exercises/" + exercise + "/review", TestTokens.national())
                .split("\\|", 2);
        assertThat(pdf[1])
                .contains("EXERCICE—Revued'exercice")
                .contains("TLP:AMBER")
                .contains("Faitsinjectés")
                .contains("Signalement")
                .contains("àtemps")
                .contains("nonfait");
        assertThat(pdf[1].split("EXERCICE", -1).length - 1)
                .as("once per page, and in the title")
                .isGreaterThanOrEqualTo(Integer.parseInt(pdf[0]) + 1);

        // the exercise's review is no other region's
        assertThat(api.get("/api/exercises/" + exercise + "/review", TestTokens.arsStaff(NOR))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aScriptWrittenFromRecordedIncidentsKeepsTheirPaceAndPlays() {
        String hdf = report(HDF);
        String nor = report(NOR);
        assertThat(api.post(
                                "/api/incidents/" + hdf + "/containment-actions",
                                TestTokens.arsStaff(HDF),
                                "{\"action\": \"ACCOUNTS_BLOCKED\", \"description\": \"Comptes bloqués\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/incidents/" + hdf + "/assessments",
                                TestTokens.arsStaff(HDF),
                                identityAssessment(1200))
                        .status())
                .isEqualTo(201);

        Response written = api.post(
                "/api/exercise-scripts",
                TestTokens.national(),
                "{\"name\": \"Crise rejouée\", \"incidents\": [\"" + hdf + "\", \"" + nor + "\"]}");
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        JsonNode script = written.json();
        assertThat(script.get("regions").toString()).isEqualTo("[\"FR-HDF\",\"FR-NOR\"]");
        JsonNode steps = script.get("steps");
        assertThat(steps.findValuesAsString("incident"))
                .containsExactly("fr-hdf-1", "fr-nor-1", "fr-hdf-1", "fr-hdf-1");
        // each step at its recorded time from the first record: the stored timestamps' differences
        List<Instant> recorded = jdbc
                .queryForList(
                        "SELECT timestamp FROM domainevententry WHERE aggregateidentifier IN (?, ?)"
                                + " AND payloadtype IN (?, ?, ?) ORDER BY globalindex",
                        String.class,
                        hdf,
                        nor,
                        "fr.ars.coord.contracts.incident.IncidentReportedEvent",
                        "fr.ars.coord.contracts.incident.ContainmentActionRecordedEvent",
                        "fr.ars.coord.contracts.incident.IncidentAssessedEvent")
                .stream()
                .map(Instant::parse)
                .toList();
        assertThat(recorded).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(Duration.parse(steps.get(i).get("at").asString()))
                    .isEqualTo(Duration.between(recorded.get(0), recorded.get(i)));
        }
        assertThat(Duration.parse(steps.get(0).at("/report/awareAt").asString()))
                .as("awareness as recorded, long before the report")
                .isEqualTo(Duration.between(recorded.get(0), Instant.parse("2025-11-21T17:30:00Z")));
        assertThat(steps.get(2).at("/containment/action").asString()).isEqualTo("ACCOUNTS_BLOCKED");
        assertThat(steps.get(3).at("/assessment/estimatedPatients").asLong()).isEqualTo(1200);
        // the declaration to CERT Santé, due by its legal clock: already overdue then, so at once in the replay
        JsonNode declaration = null;
        for (JsonNode e : script.get("expected")) {
            if (e.get("incident").asString().equals("fr-hdf-1")
                    && e.get("action").asString().equals("CERT_SANTE_DECLARATION")) {
                declaration = e;
            }
        }
        assertThat(declaration).isNotNull();
        assertThat(Duration.parse(declaration.get("within").asString())).isZero();

        // it plays: replayed in an exercise over both regions
        String exercise = start("[\"FR-HDF\", \"FR-NOR\"]");
        Response replayed = replay(exercise, "{\"document\": " + script + ", \"speed\": 60}");
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(201);
        assertThat(replayed.json().get("steps").asInt()).isEqualTo(4);

        // an incident the caller may not read is unknown to them; one named twice is refused
        Response elsewhere = api.post(
                "/api/exercise-scripts",
                TestTokens.arsStaff(NOR),
                "{\"name\": \"x\", \"incidents\": [\"" + nor + "\", \"" + hdf + "\", \"" + nor + "\"]}");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body())
                .contains("incidents[1]")
                .contains("incidents[2]")
                .doesNotContain("incidents[0]");
        assertThat(api.post("/api/exercise-scripts", TestTokens.national(), "{\"name\": \"x\", \"incidents\": []}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aReplayIsRefusedWhenItCannotBePlayedHere() {
        String exercise = start("[\"FR-NOR\"]");
        List<String[]> refusals = List.of(
                new String[] {"{\"script\": \"reference-case\", \"speed\": 0}", "speed"},
                new String[] {"{\"script\": \"reference-case\", \"speed\": 61}", "speed"},
                new String[] {"{\"speed\": 60}", "script"},
                new String[] {
                    "{\"script\": \"reference-case\", \"document\": " + SHORT_SCRIPT + ", \"speed\": 60}", "script"
                },
                new String[] {"{\"script\": \"inconnu\", \"speed\": 60}", "script"},
                new String[] {"{\"script\": \"reference-case\", \"speed\": 60}", "script"},
                new String[] {"{\"document\": " + SHORT_SCRIPT + ", \"speed\": 60}", "document"},
                new String[] {
                    "{\"document\": "
                            + SHORT_SCRIPT.replace(
                                    "\"PT0S\", \"incident\": \"hdf\"", "\"PT0S\", \"incident\": \"autre\"")
                            + ", \"speed\": 60}",
                    "document"
                },
                new String[] {"{\"document\": {\"name\": \"vide\", \"steps\": []}, \"speed\": 60}", "document"});
        long before = storedEvents();
        for (String[] refusal : refusals) {
            Response refused = replay(exercise, refusal[0]);
            assertThat(refused.status()).as(refusal[0] + " → " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsString("field"))
                    .as(refusal[0])
                    .containsExactly(refusal[1]);
        }
        assertThat(api.post(
                                "/api/exercises/" + exercise + "/replay",
                                TestTokens.arsStaff(NOR),
                                "{\"script\": \"reference-case\", \"speed\": 60}")
                        .status())
                .isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);

        JsonNode shipped =
                api.get("/api/exercise-scripts", TestTokens.arsStaff(NOR)).json();
        assertThat(shipped.findValuesAsString("script")).containsExactly("ransomware-degraded-care", "reference-case");
        assertThat(api.get("/api/exercise-scripts/reference-case", TestTokens.national())
                        .json()
                        .get("regions")
                        .toString())
                .isEqualTo("[\"FR-HDF\",\"FR-NOR\"]");
        assertThat(api.get("/api/exercise-scripts/inconnu", TestTokens.national())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theStepsDueAfterTheExerciseEndedAreRefusedAndNothingIsRecordedInIt() {
        String exercise = start("[\"FR-HDF\"]");
        // the assessment three minutes of script time after the report: an hour of script time at ×60 is a minute
        String slow = SHORT_SCRIPT.replace("\"PT3M\"", "\"PT1H\"");
        assertThat(replay(exercise, "{\"document\": " + slow + ", \"speed\": 60}")
                        .status())
                .isEqualTo(201);
        String incident = incidentId(exercise, "hdf");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get("/api/incidents/" + incident, TestTokens.arsStaff(HDF))
                                .status()
                        == 200);
        assertThat(api.post("/api/exercises/" + exercise + "/end", TestTokens.national(), "{}")
                        .status())
                .isEqualTo(200);
        long events = jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, incident);
        jdbc.update("UPDATE exercise_step SET due_at = now() WHERE exercise_id = ? AND injected_at IS NULL", exercise);
        JsonNode review = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> api.get("/api/exercises/" + exercise + "/review", TestTokens.national())
                                .json(),
                        r -> r.at("/replay/steps").findValues("injectedAt").stream()
                                .noneMatch(JsonNode::isNull));
        assertThat(review.at("/replay/steps/2/outcome").asString()).startsWith("refusé");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, incident))
                .isEqualTo(events);
    }
}
