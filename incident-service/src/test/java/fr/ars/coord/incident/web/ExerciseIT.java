package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Exercises over the real service: who starts them, where their incidents may be recorded, that they never mix with
 * the real incidents, and that ending one freezes it even against facts recorded at the same moment.
 */
class ExerciseIT extends IncidentServiceITBase {

    private String start(String regions, int minutes) {
        Response started =
                api.post("/api/exercises", TestTokens.national(), """
                {"name": "Exercice %s", "scenario": "Usurpation d'un compte de professionnel de santé",
                 "regions": %s, "durationMinutes": %d}""".formatted(UUID.randomUUID(), regions, minutes));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.json().get("id").asString();
        assertThat(started.header("Location")).endsWith("/api/exercises/" + id);
        return id;
    }

    private Response reportIn(String exerciseId, String region, Instant awareAt) {
        return api.post("/api/incidents", TestTokens.arsStaff(region), """
                {"region": "%s", "title": "Incident d'exercice", "summary": "Compte d'un professionnel usurpé",
                 "awareAt": "%s", "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE",
                 "exerciseId": "%s"}""".formatted(region, awareAt, exerciseId));
    }

    private static List<String> fields(Response refused) {
        return refused.json().get("errors").findValuesAsString("field");
    }

    @Test
    void anExercisesIncidentIsMarkedEventByEventAndNeverListedWithTheRealOnes() throws Exception {
        String exercise = start("[\"FR-HDF\"]", 60);
        Response reported = reportIn(exercise, HDF, Instant.parse("2025-11-21T17:30:00Z"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        String drill = reported.json().get("id").asString();
        assertThat(api.post(
                                "/api/incidents/" + drill + "/assessments",
                                TestTokens.arsStaff(HDF),
                                identityAssessment(40))
                        .status())
                .isEqualTo(201);
        String real = report(HDF);

        List<String> tags = jdbc.queryForList(
                "SELECT convert_from(metadata, 'UTF8')::json ->> 'exercise' FROM domainevententry"
                        + " WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class,
                drill);
        assertThat(tags).hasSizeGreaterThanOrEqualTo(2).containsOnly(exercise);
        assertThat(jdbc.queryForList(
                        "SELECT convert_from(metadata, 'UTF8')::json ->> 'exercise' FROM domainevententry"
                                + " WHERE aggregateidentifier = ?",
                        String.class,
                        real))
                .containsOnlyNulls();

        JsonNode view =
                api.get("/api/incidents/" + drill, TestTokens.arsStaff(HDF)).json();
        assertThat(view.get("exerciseId").asString()).isEqualTo(exercise);
        assertThat(api.get("/api/incidents/" + real, TestTokens.arsStaff(HDF))
                        .json()
                        .has("exerciseId"))
                .as("a real incident's answer is as before exercises existed")
                .isFalse();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode listed = api.get("/api/incidents?exercise=" + exercise, TestTokens.arsStaff(HDF))
                    .json();
            assertThat(listed.findValuesAsString("id")).containsExactly(drill);
            assertThat(api.get("/api/incidents", TestTokens.arsStaff(HDF))
                            .json()
                            .findValuesAsString("id"))
                    .contains(real)
                    .doesNotContain(drill);
        });
        assertThat(api.get("/api/incidents", TestTokens.national()).json().findValuesAsString("id"))
                .doesNotContain(drill);

        JsonNode read =
                api.get("/api/exercises/" + exercise, TestTokens.arsStaff(HDF)).json();
        assertThat(read.get("label").asString()).isEqualTo("EXERCICE");
        assertThat(read.get("status").asString()).isEqualTo("RUNNING");
        assertThat(read.get("regions").get(0).asString()).isEqualTo(HDF);
        assertThat(read.get("incidents").findValuesAsString("id")).containsExactly(drill);
        assertThat(read.get("incidents").get(0).get("exerciseId").asString()).isEqualTo(exercise);

        // its documents say EXERCICE: the regulator report (title, and across each page of the PDF), the review
        JsonNode report = api.get(
                        "/api/incidents/" + drill + "/reports/cert-sante-declaration", TestTokens.arsStaff(HDF))
                .json();
        assertThat(report.get("title").asString()).startsWith("EXERCICE — ");
        assertThat(report.get("exerciseId").asString()).isEqualTo(exercise);
        assertThat(api.get("/api/incidents/" + real + "/reports/cert-sante-declaration", TestTokens.arsStaff(HDF))
                        .json()
                        .get("title")
                        .asString())
                .doesNotContain("EXERCICE");
        assertThat(api.get("/api/incidents/" + drill + "/review", TestTokens.arsStaff(HDF))
                        .json()
                        .get("exerciseId")
                        .asString())
                .isEqualTo(exercise);
        String reportText = pdfText("/api/incidents/" + drill + "/reports/cert-sante-declaration");
        assertThat(reportText).contains("EXERCICE—Déclaration");
        long pages = reportText.split("Page\\d+/").length - 1;
        assertThat(pages).isGreaterThanOrEqualTo(1);
        assertThat(reportText.split("EXERCICE", -1).length - 1)
                .as("the title, and the mark across each page")
                .isEqualTo(1 + pages);
        assertThat(pdfText("/api/incidents/" + drill + "/review")).contains("EXERCICE—Revue");
        assertThat(pdfText("/api/incidents/" + real + "/review")).doesNotContain("EXERCICE");
    }

    /** The text of a PDF the incident-service answers, without white space (lines wrap where the page is narrow). */
    private String pdfText(String path) throws java.io.IOException {
        fr.ars.coord.platform.testing.ApiClient.BinaryResponse pdf =
                api.getBytes(path, TestTokens.arsStaff(HDF), "Accept", "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper()
                    .getText(document)
                    .replaceAll("\\s+", "");
        }
    }

    @Test
    void onlyTheNationalCellStartsOneAndAnIncidentGoesOnlyIntoARunningExerciseOverItsRegion() {
        assertThat(api.post(
                                "/api/exercises",
                                TestTokens.arsStaff(HDF),
                                "{\"name\": \"Exercice\", \"durationMinutes\": 30}")
                        .status())
                .isEqualTo(403);
        Response unknownRegion = api.post(
                "/api/exercises",
                TestTokens.national(),
                "{\"name\": \"Exercice\", \"regions\": [\"FR-XXX\"], \"durationMinutes\": 30}");
        assertThat(unknownRegion.status()).isEqualTo(400);
        assertThat(fields(unknownRegion)).containsExactly("regions");
        Response tooLong = api.post(
                "/api/exercises", TestTokens.national(), "{\"name\": \"Exercice\", \"durationMinutes\": 20000}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("durationMinutes");

        String exercise = start("[\"FR-HDF\"]", 60);
        long before = storedEvents();
        Response elsewhere = reportIn(exercise, NOR, Instant.parse("2025-11-21T17:30:00Z"));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(400);
        assertThat(fields(elsewhere)).containsExactly("exerciseId");
        Response unknown = reportIn(UUID.randomUUID().toString(), HDF, Instant.parse("2025-11-21T17:30:00Z"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("exerciseId");
        assertThat(storedEvents()).as("nothing recorded").isEqualTo(before);

        // another region's staff do not see it: as an unknown one
        assertThat(api.get("/api/exercises/" + exercise, TestTokens.arsStaff(NOR))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/exercises", TestTokens.arsStaff(NOR)).json().findValuesAsString("id"))
                .doesNotContain(exercise);
        assertThat(api.get("/api/exercises", TestTokens.arsStaff(HDF)).json().findValuesAsString("id"))
                .contains(exercise);
        // a national exercise covers every region
        String national = start("[]", 60);
        assertThat(reportIn(national, NOR, Instant.parse("2025-11-21T17:30:00Z"))
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/exercises/" + national, TestTokens.arsStaff(NOR))
                        .json()
                        .get("national")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void endingAnExerciseFreezesItEvenAgainstFactsRecordedAtTheSameMoment() throws Exception {
        String exercise = start("[\"FR-HDF\"]", 60);
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response reported = reportIn(exercise, HDF, Instant.parse("2025-11-21T17:30:00Z"));
            assertThat(reported.status()).isEqualTo(201);
            incidents.add(reported.json().get("id").asString());
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> recorded = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                String id = incidents.get(i % incidents.size());
                recorded.add(pool.submit(() -> {
                    go.await();
                    return api.post(
                                    "/api/incidents/" + id + "/containment-actions",
                                    TestTokens.arsStaff(HDF),
                                    "{\"action\": \"ACCOUNTS_BLOCKED\", \"description\": \"Compte bloqué\"}")
                            .status();
                }));
            }
            go.countDown();
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 40));
            Response ended = api.post(
                    "/api/exercises/" + exercise + "/end", TestTokens.national(), "{\"reason\": \"Fin du scénario\"}");
            assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
            assertThat(ended.json().get("status").asString()).isEqualTo("ENDED");
            for (Future<Integer> status : recorded) {
                assertThat(status.get()).isIn(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }

        Long endedAt = jdbc.queryForObject(
                "SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?"
                        + " AND payloadtype = 'fr.ars.coord.contracts.exercise.ExerciseEndedEvent'",
                Long.class,
                exercise);
        Long lastFact = jdbc.queryForObject(
                "SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier IN (?, ?, ?)",
                Long.class,
                incidents.toArray());
        assertThat(lastFact)
                .as("no fact of the exercise recorded after its end")
                .isLessThan(endedAt);

        long before = storedEvents();
        Response late = api.post(
                "/api/incidents/" + incidents.get(0) + "/containment-actions",
                TestTokens.arsStaff(HDF),
                "{\"action\": \"SYSTEMS_ISOLATED\", \"description\": \"Serveur isolé\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.isProblem()).isTrue();
        assertThat(reportIn(exercise, HDF, Instant.parse("2025-11-21T17:30:00Z"))
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/exercises/" + exercise + "/end", TestTokens.national(), "{}")
                        .status())
                .as("ended once")
                .isEqualTo(409);
        assertThat(api.post("/api/exercises/" + exercise + "/end", TestTokens.arsStaff(HDF), "{}")
                        .status())
                .isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
        // its record stays, for the review
        assertThat(api.get("/api/incidents/" + incidents.get(0) + "/review", TestTokens.arsStaff(HDF))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theFiguresAcrossIncidentsNeverCountAnExercisesIncident() {
        Instant day = Instant.parse("2023-01-01T00:00:00Z")
                .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(360)));
        String exercise = start("[\"FR-NOR\"]", 60);
        Response drill = reportIn(exercise, NOR, day.plus(Duration.ofHours(1)));
        assertThat(drill.status()).isEqualTo(201);
        String real = api.post(
                        "/api/incidents",
                        TestTokens.arsStaff(NOR),
                        reportBody(NOR, "Incident réel")
                                .replace(
                                        "2025-11-21T17:30:00Z",
                                        day.plus(Duration.ofHours(2)).toString()))
                .json()
                .get("id")
                .asString();
        String period = "/api/reviews/regions?region=FR-NOR&from=" + day + "&to=" + day.plus(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(period, TestTokens.national())
                                .json()
                                .at("/regions/0/incidents")
                                .asInt()
                        >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(api.get(period, TestTokens.national())
                            .json()
                            .at("/regions/0/incidents")
                            .asInt())
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM review_incident WHERE incident_id = ?",
                            Long.class,
                            drill.json().get("id").asString()))
                    .isZero();
        });
        assertThat(real).isNotBlank();
    }
}
