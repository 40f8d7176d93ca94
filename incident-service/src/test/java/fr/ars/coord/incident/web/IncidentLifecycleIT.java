package fr.ars.coord.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.contracts.Actor;
import fr.ars.coord.contracts.campaign.CampaignOpenedEvent;
import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.StoredEvents;
import fr.ars.coord.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class IncidentLifecycleIT extends IncidentServiceITBase {

    @Autowired
    EventStore eventStore;

    @Test
    void reportedIncidentIsReadBackWithWhoRecordedIt() {
        Response created = api.post("/api/incidents", TestTokens.arsStaff(HDF), reportBody(HDF, "Accès frauduleux"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/incidents/" + id);

        Response view = api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF));
        assertThat(view.status()).isEqualTo(200);
        JsonNode incident = view.json();
        assertThat(incident.get("region").asText()).isEqualTo(HDF);
        assertThat(incident.get("title").asText()).isEqualTo("Accès frauduleux");
        assertThat(incident.get("status").asText()).isEqualTo("REPORTED");
        assertThat(incident.get("version").asLong()).isZero();
        assertThat(incident.get("attackVector").asText()).isEqualTo("ACCOUNT_USURPATION");
        assertThat(incident.at("/reportedBy/username").asText()).isEqualTo("ars-hdf");
        assertThat(incident.at("/reportedBy/org").asText()).isEqualTo("ARS");
        assertThat(incident.at("/reportedBy/region").asText()).isEqualTo(HDF);
        assertThat(view.header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void aSmallAnswerCarriesItsLengthWhileALargeOneStillStreams() {
        Response created = api.post("/api/incidents", TestTokens.arsStaff(HDF), reportBody(HDF, "Taille connue"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(created.headers().firstValueAsLong("Content-Length"))
                .hasValue(created.body().getBytes(StandardCharsets.UTF_8).length);

        String summary = "€".repeat(3_000); // 9 KB of UTF-8: more than the server's 8 KB response buffer
        Response large = api.post(
                "/api/incidents",
                TestTokens.arsStaff(HDF),
                reportBody(HDF, "Long").replaceFirst("\"summary\": *\"[^\"]*\"", "\"summary\": \"" + summary + "\""));
        assertThat(large.status()).isEqualTo(201);
        Response view = api.get("/api/incidents/" + large.json().get("id").asText(), TestTokens.arsStaff(HDF));
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("summary").asText()).isEqualTo(summary);
        assertThat(view.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(view.headers().firstValue("Content-Length")).isEmpty();
    }

    @Test
    void fullReferenceScenarioIsKeptAsOrderedHistory() {
        String id = report(HDF);
        assertThat(api.post(
                                "/api/incidents/" + id + "/containment-actions",
                                TestTokens.esanteStaff(HDF),
                                "{\"action\": \"ACCOUNTS_BLOCKED\", \"description\": \"Comptes bloqués\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/incidents/" + id + "/containment-actions",
                                TestTokens.esanteStaff(HDF),
                                "{\"action\": \"SECURITY_REINFORCED\"}")
                        .status())
                .isEqualTo(201);
        Response assessed =
                api.post("/api/incidents/" + id + "/assessments", TestTokens.arsStaff(HDF), identityAssessment(12000));
        assertThat(assessed.status()).isEqualTo(201);
        assertThat(assessed.json().get("version").asLong()).isEqualTo(4);
        assertThat(api.post(
                                "/api/incidents/" + id + "/authority-notifications",
                                TestTokens.arsStaff(HDF),
                                "{\"authority\": \"CNIL\", \"notifiedAt\": \"2025-11-23T10:00:00Z\", \"reference\": \"N-1\"}")
                        .status())
                .isEqualTo(201);

        JsonNode view = api.get("/api/incidents/" + id, TestTokens.national()).json();
        assertThat(view.get("status").asText()).isEqualTo("ASSESSING");
        assertThat(view.at("/latestAssessment/estimatedPatients").asLong()).isEqualTo(12000);
        assertThat(view.at("/latestAssessment/medicalDataExposed").asBoolean()).isFalse();
        assertThat(texts(view.at("/latestAssessment/exposedData")))
                .containsExactly("LAST_NAME", "FIRST_NAME", "AGE", "PHONE", "EMAIL");
        assertThat(texts(view.get("containmentActions"), "action"))
                .containsExactly("ACCOUNTS_BLOCKED", "SECURITY_REINFORCED");
        assertThat(view.at("/containmentActions/0/recordedBy/username").asText())
                .isEqualTo("esante-hdf");
        assertThat(view.at("/containmentActions/0/recordedBy/org").asText()).isEqualTo("GRADES");

        JsonNode history = api.get("/api/incidents/" + id + "/history", TestTokens.auditor())
                .json();
        assertThat(texts(history, "type"))
                .containsExactly(
                        "IncidentReportedEvent",
                        "ContainmentActionRecordedEvent",
                        "ContainmentActionRecordedEvent",
                        "IncidentAssessedEvent",
                        "IncidentStatusChangedEvent",
                        "AuthorityNotifiedEvent");
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).get("sequence").asLong()).isEqualTo(i);
            assertThat(history.get(i).at("/recordedBy/sub").asText()).isNotBlank();
            assertThat(history.get(i).get("recordedAt").asText()).isNotBlank();
        }
        assertThat(history.get(4).at("/payload/to").asText()).isEqualTo("ASSESSING");
        assertThat(history.get(3).at("/payload/estimatedPatients").asLong()).isEqualTo(12000);
    }

    @Test
    void everyAssessmentStaysInTheHistoryWhileTheViewShowsTheLatest() {
        String id = report(NOR);
        api.post("/api/incidents/" + id + "/assessments", TestTokens.arsStaff(NOR), identityAssessment(100));
        api.post("/api/incidents/" + id + "/assessments", TestTokens.arsStaff(NOR), identityAssessment(7500));

        JsonNode view =
                api.get("/api/incidents/" + id, TestTokens.arsStaff(NOR)).json();
        assertThat(view.at("/latestAssessment/estimatedPatients").asLong()).isEqualTo(7500);
        assertThat(view.get("assessmentCount").asInt()).isEqualTo(2);
        JsonNode history = api.get("/api/incidents/" + id + "/history", TestTokens.arsStaff(NOR))
                .json();
        assertThat(texts(history, "type").stream().filter("IncidentAssessedEvent"::equals))
                .hasSize(2);
    }

    @Test
    void asOfShowsTheIncidentAsItStoodThen() throws InterruptedException {
        String id = report(HDF);
        Thread.sleep(20);
        Instant beforeAssessment = Instant.now();
        Thread.sleep(20);
        api.post("/api/incidents/" + id + "/assessments", TestTokens.arsStaff(HDF), identityAssessment(12000));

        JsonNode then = api.get("/api/incidents/" + id + "?asOf=" + beforeAssessment, TestTokens.arsStaff(HDF))
                .json();
        assertThat(then.get("status").asText()).isEqualTo("REPORTED");
        assertThat(then.get("latestAssessment").isNull()).isTrue();
        assertThat(then.get("version").asLong()).isZero();
        assertThat(then.get("asOfView").asBoolean()).isTrue();
        assertThat(then.get("evaluatedAt").asText()).isEqualTo(beforeAssessment.toString());

        JsonNode now = api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF)).json();
        assertThat(now.get("status").asText()).isEqualTo("ASSESSING");
        assertThat(now.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void asOfBeforeTheReportIsNotFoundAndFutureAsOfIsRefused() {
        Instant before = Instant.now().minusSeconds(5);
        String id = report(HDF);
        assertThat(api.get("/api/incidents/" + id + "?asOf=" + before, TestTokens.arsStaff(HDF))
                        .status())
                .isEqualTo(404);
        Response future =
                api.get("/api/incidents/" + id + "?asOf=" + Instant.now().plusSeconds(3600), TestTokens.arsStaff(HDF));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("asOf");
        Response malformed = api.get("/api/incidents/" + id + "?asOf=yesterday", TestTokens.arsStaff(HDF));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.body()).contains("asOf");
    }

    @Test
    void statusFollowsTheLifecycleAndRefusesIllegalMoves() {
        String id = report(HDF);
        String token = TestTokens.arsStaff(HDF);
        Response skip =
                api.post("/api/incidents/" + id + "/status", token, "{\"status\": \"CLOSED\", \"reason\": \"x\"}");
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.isProblem()).isTrue();
        assertThat(skip.json().get("detail").asText()).contains("REPORTED").contains("CLOSED");

        api.post("/api/incidents/" + id + "/assessments", token, identityAssessment(10));
        for (String status : List.of("CONTAINED", "RESOLVED")) {
            Response moved = api.post(
                    "/api/incidents/" + id + "/status",
                    token,
                    "{\"status\": \"" + status + "\", \"reason\": \"étape\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        Response closed = closeWaivingWhatIsUnmet(id, token, "Exercice");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        long before = storedEvents();
        Response afterClose =
                api.post("/api/incidents/" + id + "/containment-actions", token, "{\"action\": \"OTHER\"}");
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api.get("/api/incidents/" + id, token).json().get("status").asText())
                .isEqualTo("CLOSED");
    }

    private void notify(String id, String token, String authority, String kind, String at) {
        Response notified = api.post(
                "/api/incidents/" + id + "/authority-notifications",
                token,
                "{\"authority\": \"%s\", \"kind\": \"%s\", \"notifiedAt\": \"%s\"}".formatted(authority, kind, at));
        assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
    }

    private void move(String id, String token, String status) {
        Response moved = api.post("/api/incidents/" + id + "/status", token, "{\"status\": \"" + status + "\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private static Map<String, JsonNode> clocksByCode(JsonNode view) {
        Map<String, JsonNode> clocks = new LinkedHashMap<>();
        view.get("regulatoryClocks")
                .forEach(clock -> clocks.put(clock.get("code").asText(), clock));
        return clocks;
    }

    private static List<String> refusedFields(Response refused) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        return refused.json().get("errors").findValuesAsString("field");
    }

    @Test
    void closingNeedsEveryObligationMetOrWaivedWithItsReasonRecordedWithTheClosure() throws InterruptedException {
        String id = report(HDF);
        String token = TestTokens.arsStaff(HDF);
        significant(id, token);
        // told in time: CERT Santé, the CNIL (personal data exposed), ANSSI's early warning and notification
        notify(id, token, "CERT_SANTE", "DECLARATION", "2025-11-21T20:00:00Z");
        api.post("/api/incidents/" + id + "/assessments", token, identityAssessment(120));
        notify(id, token, "CNIL", "NOTIFICATION", "2025-11-23T10:00:00Z");
        notify(id, token, "ANSSI", "EARLY_WARNING", "2025-11-22T09:00:00Z");
        notify(id, token, "ANSSI", "NOTIFICATION", "2025-11-23T09:00:00Z");
        move(id, token, "CONTAINED");
        // waivers come with a closure only
        assertThat(refusedFields(api.post("/api/incidents/" + id + "/status", token, """
                {"status": "RESOLVED", "waivers": [{"code": "CERT_SANTE_CLOSURE", "reason": "Par téléphone"}]}""")))
                .containsExactly("waivers");
        move(id, token, "RESOLVED");
        // left: the closure notice to CERT Santé (24 h from now) and the NIS2 final report (overdue)
        Thread.sleep(5);
        Instant beforeClosing = Instant.now();
        Thread.sleep(5);
        long recorded = storedEvents();

        Response refused = api.post("/api/incidents/" + id + "/status", token, "{\"status\": \"CLOSED\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(texts(refused.json().get("unmetObligations")))
                .containsExactly("CERT_SANTE_CLOSURE", "NIS2_FINAL_REPORT");
        assertThat(refused.json().get("detail").asText())
                .contains("CERT_SANTE_CLOSURE")
                .contains("NIS2_FINAL_REPORT");
        // one waived is not enough
        Response stillRefused = api.post("/api/incidents/" + id + "/status", token, """
                {"status": "CLOSED", "waivers": [{"code": "NIS2_FINAL_REPORT", "reason": "Remis par l'établissement"}]}""");
        assertThat(stillRefused.status()).isEqualTo(409);
        assertThat(texts(stillRefused.json().get("unmetObligations"))).containsExactly("CERT_SANTE_CLOSURE");
        // a waiver of an obligation met, twice the same, or without a reason
        assertThat(refusedFields(api.post("/api/incidents/" + id + "/status", token, """
                {"status": "CLOSED", "waivers": [{"code": "CERT_SANTE_DECLARATION", "reason": "Déjà fait"},
                 {"code": "CERT_SANTE_CLOSURE", "reason": "Par téléphone"},
                 {"code": "NIS2_FINAL_REPORT", "reason": "Hors plateforme"}]}""")))
                .containsExactly("waivers[0].code");
        assertThat(refusedFields(api.post("/api/incidents/" + id + "/status", token, """
                {"status": "CLOSED", "waivers": [{"code": "CERT_SANTE_CLOSURE", "reason": "Par téléphone"},
                 {"code": "CERT_SANTE_CLOSURE", "reason": "Par téléphone"}]}""")))
                .containsExactly("waivers[1].code");
        assertThat(refusedFields(api.post("/api/incidents/" + id + "/status", token, """
                {"status": "CLOSED", "waivers": [{"code": "CERT_SANTE_CLOSURE"}]}""")))
                .containsExactly("waivers[0].reason");
        assertThat(refusedFields(api.post("/api/incidents/" + id + "/status", token, """
                {"status": "CLOSED", "waivers": [{"code": "CERT_SANTE_CLOSURE", "reason": "Né le 12/03/1961"}]}""")))
                .containsExactly("waivers[0].reason");
        assertThat(storedEvents()).as("nothing recorded").isEqualTo(recorded);

        Response closed = api.post("/api/incidents/" + id + "/status", TestTokens.esanteStaff(HDF), """
                {"status": "CLOSED", "reason": "Incident traité", "waivers": [
                 {"code": "NIS2_FINAL_REPORT", "reason": "Rapport final remis par l'établissement"},
                 {"code": "CERT_SANTE_CLOSURE", "reason": "Clôture déclarée par téléphone"}]}""");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        JsonNode view = api.get("/api/incidents/" + id, token).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        Map<String, JsonNode> clocks = clocksByCode(view);
        assertThat(clocks.get("CERT_SANTE_CLOSURE").get("status").asText()).isEqualTo("WAIVED");
        assertThat(clocks.get("CERT_SANTE_CLOSURE").get("waiverReason").asText())
                .isEqualTo("Clôture déclarée par téléphone");
        assertThat(clocks.get("CERT_SANTE_CLOSURE").get("dueAt").isNull()).isFalse();
        assertThat(clocks.get("NIS2_FINAL_REPORT").get("status").asText()).isEqualTo("WAIVED");
        assertThat(clocks.get("NIS2_FINAL_REPORT").get("dueAt").asText()).isEqualTo("2025-12-23T09:00:00Z");
        assertThat(clocks.get("CERT_SANTE_DECLARATION").get("status").asText()).isEqualTo("MET");
        assertThat(clocks.get("CERT_SANTE_DECLARATION").get("waiverReason").isNull())
                .isTrue();
        assertThat(texts(view.get("waivers"), "code")).containsExactly("NIS2_FINAL_REPORT", "CERT_SANTE_CLOSURE");
        assertThat(view.at("/waivers/0/reason").asText()).isEqualTo("Rapport final remis par l'établissement");
        assertThat(view.at("/waivers/0/recordedBy/username").asText()).isEqualTo("esante-hdf");
        assertThat(view.at("/waivers/0/recordedBy/org").asText()).isEqualTo("GRADES");

        JsonNode history = api.get("/api/incidents/" + id + "/history", TestTokens.auditor())
                .json();
        JsonNode closure = history.get(history.size() - 1);
        assertThat(closure.get("type").asText()).isEqualTo("IncidentStatusChangedEvent");
        assertThat(closure.at("/payload/to").asText()).isEqualTo("CLOSED");
        assertThat(texts(closure.at("/payload/waivers"), "code"))
                .containsExactly("NIS2_FINAL_REPORT", "CERT_SANTE_CLOSURE");
        assertThat(closure.at("/payload/waivers/1/reason").asText()).isEqualTo("Clôture déclarée par téléphone");
        assertThat(closure.at("/recordedBy/username").asText()).isEqualTo("esante-hdf");
        // the other moves record no waivers
        assertThat(history.get(history.size() - 2).at("/payload/to").asText()).isEqualTo("RESOLVED");
        assertThat(history.get(history.size() - 2).get("payload").has("waivers"))
                .isFalse();

        // as it stood before the closure: resolved, the closure notice still to come
        JsonNode then = api.get("/api/incidents/" + id + "?asOf=" + beforeClosing, token)
                .json();
        assertThat(then.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(then.get("waivers")).isEmpty();
        assertThat(clocksByCode(then).get("CERT_SANTE_CLOSURE").get("status").asText())
                .isEqualTo("PENDING");
        assertThat(clocksByCode(then)
                        .get("CERT_SANTE_CLOSURE")
                        .get("waiverReason")
                        .isNull())
                .isTrue();
        assertThat(clocksByCode(then).get("NIS2_FINAL_REPORT").get("status").asText())
                .isEqualTo("OVERDUE");

        // closed: nothing more is recorded, not even what was waived
        Response late =
                api.post("/api/incidents/" + id + "/authority-notifications", token, """
                {"authority": "CERT_SANTE", "kind": "CLOSURE", "notifiedAt": "%s"}""".formatted(Instant.now()));
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void closingWithEveryObligationMetOrNotApplicableNeedsNoWaiver() {
        Instant aware = Instant.now().minus(java.time.Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Response created = api.post("/api/incidents", TestTokens.arsStaff(HDF), """
                {"region": "FR-HDF", "title": "Compte usurpé", "summary": "Accès frauduleux",
                 "awareAt": "%s", "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""".formatted(aware));
        String id = created.json().get("id").asText();
        String token = TestTokens.arsStaff(HDF);
        significant(id, token);
        notify(id, token, "CERT_SANTE", "DECLARATION", aware.plusSeconds(600).toString());
        notify(id, token, "ANSSI", "EARLY_WARNING", aware.plusSeconds(900).toString());
        notify(id, token, "ANSSI", "NOTIFICATION", aware.plusSeconds(1200).toString());
        for (String status : List.of("ASSESSING", "CONTAINED", "RESOLVED")) {
            move(id, token, status);
        }
        // a resolved incident still takes notifications: the closure notice and the final report
        notify(id, token, "CERT_SANTE", "CLOSURE", Instant.now().minusSeconds(1).toString());
        notify(id, token, "ANSSI", "FINAL_REPORT", Instant.now().minusSeconds(1).toString());
        Response closed = api.post(
                "/api/incidents/" + id + "/status", token, "{\"status\": \"CLOSED\", \"reason\": \"Incident traité\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        JsonNode view = api.get("/api/incidents/" + id, token).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("waivers")).isEmpty();
        clocksByCode(view)
                .forEach((code, clock) ->
                        assertThat(clock.get("status").asText()).as(code).isIn("MET", "NOT_APPLICABLE"));
        assertThat(clocksByCode(view).get("CERT_SANTE_CLOSURE").get("status").asText())
                .isEqualTo("MET");
        assertThat(clocksByCode(view).get("NIS2_FINAL_REPORT").get("status").asText())
                .isEqualTo("MET");
    }

    @Test
    void regulatoryClocksRunFromAwarenessAndStopWhenAuthoritiesAreNotified() {
        String id = report(HDF);
        significant(id, TestTokens.arsStaff(HDF));
        JsonNode clocks =
                api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF)).json().get("regulatoryClocks");
        assertThat(clocks.findValuesAsString("code"))
                .containsExactly(
                        "CERT_SANTE_DECLARATION",
                        "CNIL_NOTIFICATION",
                        "CERT_SANTE_CLOSURE",
                        "PATIENT_INFORMATION",
                        "NIS2_EARLY_WARNING",
                        "NIS2_NOTIFICATION",
                        "NIS2_FINAL_REPORT",
                        "NIS2_SIGNIFICANCE",
                        "NIS2_FINAL_REPORT_AFTER_HANDLING",
                        "NIS2_INTERMEDIATE_REPORT");
        assertThat(clocks.get(0).get("authority").asText()).isEqualTo("CERT_SANTE");
        assertThat(clocks.get(0).get("status").asText()).isEqualTo("OVERDUE");
        assertThat(clocks.get(0).get("startedAt").asText()).isEqualTo("2025-11-21T17:30:00Z");
        // the CNIL's obligation applies once an assessment says personal data was exposed
        assertThat(clocks.get(1).get("authority").asText()).isEqualTo("CNIL");
        assertThat(clocks.get(1).get("status").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(clocks.get(1).get("applicable").asBoolean()).isFalse();
        assertThat(clocks.get(4).get("status").asText()).isEqualTo("OVERDUE");

        api.post(
                "/api/incidents/" + id + "/assessments",
                TestTokens.arsStaff(HDF),
                "{\"exposedData\": [\"LAST_NAME\"], \"medicalDataExposed\": false, \"estimatedPatients\": 10}");
        assertThat(api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF))
                        .json()
                        .at("/regulatoryClocks/1/dueAt")
                        .asText())
                .isEqualTo("2025-11-24T17:30:00Z");
        assertThat(api.post(
                                "/api/incidents/" + id + "/authority-notifications",
                                TestTokens.arsStaff(HDF),
                                "{\"authority\": \"CERT_SANTE\", \"notifiedAt\": \"2025-11-21T20:00:00Z\"}")
                        .status())
                .isEqualTo(201);
        Instant beforeTheCnil = Instant.now();
        // late: refused without its reason, naming the field; nothing recorded
        Response unexplained = api.post(
                "/api/incidents/" + id + "/authority-notifications",
                TestTokens.arsStaff(HDF),
                "{\"authority\": \"CNIL\", \"notifiedAt\": \"2025-11-25T09:00:00Z\"}");
        assertThat(unexplained.status()).isEqualTo(400);
        assertThat(unexplained.body()).contains("\"lateReason\"");
        assertThat(api.post(
                                "/api/incidents/" + id + "/authority-notifications",
                                TestTokens.arsStaff(HDF),
                                "{\"authority\": \"CNIL\", \"notifiedAt\": \"2025-11-25T09:00:00Z\", \"lateReason\": \"Périmètre"
                                        + " des données établi le 24 novembre\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/incidents/" + id + "/authority-notifications",
                                TestTokens.arsStaff(HDF),
                                "{\"authority\": \"ANSSI\", \"notifiedAt\": \"2025-11-22T09:00:00Z\"}")
                        .body())
                .contains("\"kind\"");
        clocks =
                api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF)).json().get("regulatoryClocks");
        assertThat(clocks.get(0).get("status").asText()).isEqualTo("MET");
        assertThat(clocks.get(0).get("late").asBoolean()).isFalse();
        assertThat(clocks.get(1).get("status").asText()).isEqualTo("MET");
        assertThat(clocks.get(1).get("late").asBoolean()).isTrue();
        assertThat(clocks.get(1).get("metAt").asText()).isEqualTo("2025-11-25T09:00:00Z");
        assertThat(clocks.get(1).get("lateReason").asText()).startsWith("Périmètre");
        // as it stood before the CNIL was told
        JsonNode then = api.get("/api/incidents/" + id + "?asOf=" + beforeTheCnil, TestTokens.arsStaff(HDF))
                .json();
        assertThat(then.at("/regulatoryClocks/1/status").asText()).isEqualTo("OVERDUE");
        assertThat(then.at("/regulatoryClocks/0/status").asText()).isEqualTo("MET");
    }

    @Test
    void anObligationIsDueSoonInTheLastQuarterOfItsDelay() {
        java.time.Instant aware = java.time.Instant.now().minus(java.time.Duration.ofHours(20));
        Response created = api.post("/api/incidents", TestTokens.arsStaff(HDF), """
                {"region": "FR-HDF", "title": "Compte usurpé", "summary": "Accès frauduleux",
                 "awareAt": "%s", "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""".formatted(aware));
        String id = created.json().get("id").asText();
        significant(id, TestTokens.arsStaff(HDF));
        JsonNode clocks =
                api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF)).json().get("regulatoryClocks");
        assertThat(clocks.get(0).get("status").asText()).isEqualTo("DUE_SOON");
        assertThat(clocks.get(5).get("code").asText()).isEqualTo("NIS2_NOTIFICATION");
        assertThat(clocks.get(5).get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void thePatientsInformationIsRecordedAndMeetsItsObligation() {
        String id = report(HDF);
        String token = TestTokens.arsStaff(HDF);
        api.post(
                "/api/incidents/" + id + "/assessments",
                token,
                "{\"exposedData\": [\"SOCIAL_SECURITY_NUMBER\"],"
                        + " \"medicalDataExposed\": false, \"estimatedPatients\": 300}");
        JsonNode view = api.get("/api/incidents/" + id, token).json();
        assertThat(view.get("highRiskAt").isNull()).isFalse();
        assertThat(view.at("/regulatoryClocks/3/code").asText()).isEqualTo("PATIENT_INFORMATION");
        assertThat(view.at("/regulatoryClocks/3/status").asText()).isIn("PENDING", "DUE_SOON");
        Response noChannel = api.post(
                "/api/incidents/" + id + "/patient-information",
                token,
                "{\"decision\": \"REQUIRED\", \"informedAt\": \""
                        + java.time.Instant.now().minusSeconds(60) + "\"}");
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.body()).contains("\"channel\"");
        Response informed = api.post(
                "/api/incidents/" + id + "/patient-information",
                token,
                "{\"decision\": \"REQUIRED\", \"channel\": \"INDIVIDUAL\", \"patientsInformed\": 300,"
                        + " \"informedAt\": \"" + java.time.Instant.now().minusSeconds(60) + "\"}");
        assertThat(informed.status()).as(informed.body()).isEqualTo(201);
        view = api.get("/api/incidents/" + id, token).json();
        assertThat(view.at("/regulatoryClocks/3/status").asText()).isEqualTo("MET");
        assertThat(view.at("/patientInformation/channel").asText()).isEqualTo("INDIVIDUAL");
        assertThat(view.at("/patientInformation/patientsInformed").asLong()).isEqualTo(300);
        assertThat(api.post(
                                "/api/incidents/" + id + "/patient-information",
                                TestTokens.arsStaff("FR-NOR"),
                                "{\"decision\": \"NOT_REQUIRED\", \"reason\": \"x\"}")
                        .status())
                .isEqualTo(404);
    }

    private String communique(fr.ars.coord.contracts.region.Region region, boolean published) {
        String id = UUID.randomUUID().toString();
        List<Object> events = new ArrayList<>();
        events.add(new fr.ars.coord.contracts.communique.CommuniqueDraftedEvent(
                id,
                fr.ars.coord.contracts.communique.CommuniqueScope.REGIONAL,
                region,
                null,
                null,
                "Communiqué",
                List.of(),
                1,
                "digest",
                false));
        if (published) {
            events.add(new fr.ars.coord.contracts.communique.CommuniqueApprovedEvent(id, "digest"));
            events.add(new fr.ars.coord.contracts.communique.CommuniquePublishedEvent(
                    id, fr.ars.coord.contracts.communique.CommuniqueScope.REGIONAL, region, null, null));
        }
        StoredEvents.append(
                eventStore, "Communique", id, 0, new Actor("s", "comms", "ARS", region.code()), events.toArray());
        return id;
    }

    @Test
    void thePublicCommunicationNamedIsACommuniquePublishedForTheRegion() {
        String id = report(HDF);
        String token = TestTokens.arsStaff(HDF);
        String body = "{\"decision\": \"REQUIRED\", \"channel\": \"PUBLIC_COMMUNICATION\", \"informedAt\": \""
                + Instant.now().minusSeconds(60) + "\", \"communiqueId\": \"%s\"}";
        for (String wrong : List.of(
                communique(fr.ars.coord.contracts.region.Region.NOR, true),
                communique(fr.ars.coord.contracts.region.Region.HDF, false),
                UUID.randomUUID().toString())) {
            Response refused = api.post("/api/incidents/" + id + "/patient-information", token, body.formatted(wrong));
            assertThat(refused.status()).as(wrong).isEqualTo(400);
            assertThat(refused.body()).contains("communiqueId");
        }
        String published = communique(fr.ars.coord.contracts.region.Region.HDF, true);
        // another region's staff learn nothing of the incident, whatever they name
        assertThat(api.post(
                                "/api/incidents/" + id + "/patient-information",
                                TestTokens.arsStaff(NOR),
                                body.formatted(published))
                        .status())
                .isEqualTo(404);
        Response informed = api.post("/api/incidents/" + id + "/patient-information", token, body.formatted(published));
        assertThat(informed.status()).as(informed.toString()).isEqualTo(201);
        assertThat(api.get("/api/incidents/" + id, token)
                        .json()
                        .at("/patientInformation/communiqueId")
                        .asText())
                .isEqualTo(published);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        for (String id : List.of(
                "3f6c2a0e-0000-4000-8000-000000000000",
                "not-an-id",
                "1%27%20OR%201%3D1",
                "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")) {
            Response view = api.get("/api/incidents/" + id, TestTokens.national());
            assertThat(view.status()).as(id).isIn(400, 404);
            assertThat(view.isProblem()).as(id).isTrue();
            assertThat(view.body()).doesNotContain("OR 1=1");
            Response write = api.post(
                    "/api/incidents/" + id + "/containment-actions",
                    TestTokens.arsStaff(HDF),
                    "{\"action\": \"OTHER\"}");
            assertThat(write.status()).as(id).isIn(400, 404);
        }
    }

    @Test
    void idsOfOtherAggregatesInTheSharedStoreAreNotIncidents() {
        String campaignId = UUID.randomUUID().toString();
        StoredEvents.append(
                eventStore,
                "Campaign",
                campaignId,
                0,
                new Actor("s", "national", "NATIONAL", null),
                new CampaignOpenedEvent(campaignId, "Campagne", "une autre sorte d'agrégat"));
        long before = storedEvents();

        Response view = api.get("/api/incidents/" + campaignId, TestTokens.national());
        Response write = api.post(
                "/api/incidents/" + campaignId + "/containment-actions",
                TestTokens.arsStaff(HDF),
                "{\"action\": \"OTHER\"}");

        assertThat(view.status()).isEqualTo(404);
        assertThat(view.isProblem()).isTrue();
        assertThat(write.status()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asText()));
        return values;
    }

    @Test
    void anIncidentIsClassifiedAndLabelledForSharing() {
        String id = report(HDF);
        JsonNode unclassified =
                api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF)).json().get("classification");
        assertThat(unclassified.get("tlp").asText()).as("the default label").isEqualTo("TLP:AMBER");
        assertThat(unclassified.get("taxonomyClass").isNull()).isTrue();
        String body = "{\"taxonomyClass\": \"intrusions/unprivileged-account-compromise\", \"relatedClasses\":"
                + " [\"information-content-security/unauthorised-information-access\"], \"tlp\": \"TLP:AMBER+STRICT\"}";
        Response classified = api.put("/api/incidents/" + id + "/classification", TestTokens.esanteStaff(HDF), body);
        assertThat(classified.status()).as(classified.toString()).isEqualTo(200);
        long version = classified.json().get("version").asLong();
        JsonNode view =
                api.get("/api/incidents/" + id, TestTokens.national()).json().get("classification");
        assertThat(view.get("taxonomyClass").asText()).isEqualTo("intrusions/unprivileged-account-compromise");
        assertThat(view.get("relatedClasses").get(0).asText())
                .isEqualTo("information-content-security/unauthorised-information-access");
        assertThat(view.get("tlp").asText()).isEqualTo("TLP:AMBER+STRICT");
        assertThat(view.at("/recordedBy/username").asText()).isNotBlank();
        // the same classification again records nothing
        assertThat(api.put("/api/incidents/" + id + "/classification", TestTokens.arsStaff(HDF), body)
                        .json()
                        .get("version")
                        .asLong())
                .isEqualTo(version);
        // bad input names the field; another region's staff do not find the incident
        Response badClass = api.put(
                "/api/incidents/" + id + "/classification",
                TestTokens.arsStaff(HDF),
                "{\"taxonomyClass\": \"intrusions/everything\", \"tlp\": \"TLP:AMBER\"}");
        assertThat(badClass.status()).isEqualTo(400);
        assertThat(badClass.body()).contains("taxonomyClass");
        Response badLabel = api.put(
                "/api/incidents/" + id + "/classification",
                TestTokens.arsStaff(HDF),
                "{\"taxonomyClass\": \"fraud/phishing\", \"tlp\": \"TLP:WHITE\"}");
        assertThat(badLabel.status()).isEqualTo(400);
        assertThat(badLabel.body()).contains("tlp");
        Response noLabel = api.put(
                "/api/incidents/" + id + "/classification",
                TestTokens.arsStaff(HDF),
                "{\"taxonomyClass\": \"fraud/phishing\"}");
        assertThat(noLabel.status()).isEqualTo(400);
        assertThat(noLabel.body()).contains("tlp");
        assertThat(api.put("/api/incidents/" + id + "/classification", TestTokens.arsStaff(NOR), body)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/incidents/" + id, TestTokens.national())
                        .json()
                        .get("version")
                        .asLong())
                .as("nothing refused was recorded")
                .isEqualTo(version);
    }
}
