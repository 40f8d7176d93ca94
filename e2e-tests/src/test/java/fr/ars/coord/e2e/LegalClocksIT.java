package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The legal clocks as the texts say them, through the gateway on the platform as {@code infra/run.sh} starts it
 * (NIS2 in force here for every entity of Normandie and for the e-health group of Hauts-de-France only): NIS2 clocks
 * wait for the significance decision, the CNIL decision ends or starts its own clock and every breach stays in the
 * register, a supplementary notification follows the initial one, the NIS2 progress and final reports. The
 * incident's view and the national cell's list (another service) give the same open obligations.
 */
class LegalClocksIT {

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private final ApiClient api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());

    private String report(String user, String region, Instant aware) {
        Response created = api.post("/api/incidents", keycloak.password(user), """
                {"region": "%s", "title": "Usurpation de compte", "summary": "Compte usurpé", "awareAt": "%s",
                 "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "DEGRADED"}""".formatted(region, aware));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode view(String id, String user) {
        Response read = api.get("/api/incidents/" + id, keycloak.password(user));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.json();
    }

    private static JsonNode clock(JsonNode view, String code) {
        for (JsonNode clock : view.get("regulatoryClocks")) {
            if (clock.get("code").asText().equals(code)) {
                return clock;
            }
        }
        throw new AssertionError("no clock " + code);
    }

    private static String status(JsonNode view, String code) {
        return clock(view, code).get("status").asText();
    }

    /** The open obligations of the incident in the national cell's list: code to due time. */
    private Map<String, String> nationalList(String id, String region) {
        Map<String, String> open = new TreeMap<>();
        api.get("/api/national/obligations?region=" + region + "&size=1000", keycloak.password("national"))
                .json()
                .get("obligations")
                .forEach(o -> {
                    if (o.get("incidentId").asText().equals(id)) {
                        open.put(
                                o.get("code").asText(),
                                Instant.parse(o.get("dueAt").asText()).toString());
                    }
                });
        return open;
    }

    /** The obligations still to meet in the incident's own view: code to due time. */
    private static Map<String, String> stillToMeet(JsonNode view) {
        Map<String, String> open = new TreeMap<>();
        view.get("regulatoryClocks").forEach(c -> {
            String s = c.get("status").asText();
            if (s.equals("PENDING") || s.equals("DUE_SOON") || s.equals("OVERDUE")) {
                open.put(
                        c.get("code").asText(),
                        Instant.parse(c.get("dueAt").asText()).toString());
            }
        });
        return open;
    }

    private Response post(String id, String path, String user, String body) {
        return api.post("/api/incidents/" + id + path, keycloak.password(user), body);
    }

    @Test
    void nis2ClocksWaitForTheSignificanceDecisionAndOnlyWhereNis2IsInForce() {
        Instant aware = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        // the agency of Hauts-de-France: NIS2 is not in force for it, no decision is owed
        String agency = report("ars-hdf", "FR-HDF", aware);
        JsonNode agencyView = view(agency, "ars-hdf");
        assertThat(agencyView.get("entity").asText()).isEqualTo("ARS");
        assertThat(agencyView.get("nis2Applies").asBoolean()).isFalse();
        assertThat(agencyView.at("/obligationTerms/nis2InForce").asBoolean()).isFalse();
        assertThat(agencyView.at("/obligationTerms/rules").asText()).isEqualTo("2026-12");
        assertThat(status(agencyView, "NIS2_SIGNIFICANCE")).isEqualTo("NOT_APPLICABLE");
        Response refused = post(
                agency,
                "/nis2-significance",
                "ars-hdf",
                "{\"significance\": \"SIGNIFICANT\", \"criteria\": [\"FINANCIAL_LOSS\"]}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);

        // its e-health group: under NIS2, the decision is owed within 24 hours, the reporting clocks wait for it
        String grades = report("esante-hdf", "FR-HDF", aware);
        JsonNode before = view(grades, "esante-hdf");
        assertThat(before.get("entity").asText()).isEqualTo("GRADES");
        assertThat(before.get("nis2Applies").asBoolean()).isTrue();
        assertThat(status(before, "NIS2_SIGNIFICANCE")).isEqualTo("PENDING");
        assertThat(clock(before, "NIS2_SIGNIFICANCE").get("dueAt").asText())
                .isEqualTo(aware.plus(Duration.ofHours(24)).toString());
        assertThat(status(before, "NIS2_EARLY_WARNING")).isEqualTo("NOT_APPLICABLE");
        assertThat(status(before, "NIS2_NOTIFICATION")).isEqualTo("NOT_APPLICABLE");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(nationalList(grades, "FR-HDF"))
                        .isEqualTo(stillToMeet(view(grades, "esante-hdf")))
                        .containsKey("NIS2_SIGNIFICANCE")
                        .doesNotContainKey("NIS2_EARLY_WARNING"));

        Response noCriterion = post(grades, "/nis2-significance", "esante-hdf", "{\"significance\": \"SIGNIFICANT\"}");
        assertThat(noCriterion.status()).isEqualTo(400);
        assertThat(noCriterion.body()).contains("criteria");
        Response noReason = post(grades, "/nis2-significance", "esante-hdf", "{\"significance\": \"NOT_SIGNIFICANT\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        Response decided = post(
                grades,
                "/nis2-significance",
                "esante-hdf",
                "{\"significance\": \"SIGNIFICANT\", \"criteria\": [\"SEVERE_OPERATIONAL_DISRUPTION\"]}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);

        JsonNode after = view(grades, "esante-hdf");
        assertThat(status(after, "NIS2_SIGNIFICANCE")).isEqualTo("MET");
        assertThat(clock(after, "NIS2_SIGNIFICANCE").get("metBy").asText()).isNotBlank();
        assertThat(after.at("/nis2Significance/criteria/0").asText()).isEqualTo("SEVERE_OPERATIONAL_DISRUPTION");
        assertThat(after.at("/nis2Significance/recordedBy/username").asText()).isEqualTo("esante-hdf");
        // from awareness, not from the decision
        assertThat(clock(after, "NIS2_EARLY_WARNING").get("startedAt").asText()).isEqualTo(aware.toString());
        assertThat(status(after, "NIS2_EARLY_WARNING")).isEqualTo("PENDING");
        assertThat(status(after, "NIS2_NOTIFICATION")).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(nationalList(grades, "FR-HDF"))
                        .isEqualTo(stillToMeet(view(grades, "esante-hdf")))
                        .containsKeys("NIS2_EARLY_WARNING", "NIS2_NOTIFICATION")
                        .doesNotContainKey("NIS2_SIGNIFICANCE"));

        // an incident notification within 24 hours meets the early warning too; the report cites the event
        Response notified =
                post(grades, "/authority-notifications", "esante-hdf", """
                {"authority": "ANSSI", "kind": "NOTIFICATION", "notifiedAt": "%s", "reference": "ANSSI-N-1"}""".formatted(aware.plus(Duration.ofHours(1))));
        assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
        JsonNode met = view(grades, "esante-hdf");
        assertThat(status(met, "NIS2_EARLY_WARNING")).isEqualTo("MET");
        assertThat(status(met, "NIS2_NOTIFICATION")).isEqualTo("MET");
        String notificationEvent = clock(met, "NIS2_NOTIFICATION").get("metBy").asText();
        assertThat(clock(met, "NIS2_EARLY_WARNING").get("metBy").asText()).isEqualTo(notificationEvent);
        JsonNode report = api.get(
                        "/api/incidents/" + grades + "/reports/nis2-notification", keycloak.password("esante-hdf"))
                .json();
        assertThat(report.toString()).contains(notificationEvent).contains("Transmis le");
        assertThat(report.at("/obligation/dueAt").asText())
                .isEqualTo(clock(met, "NIS2_NOTIFICATION").get("dueAt").asText());
    }

    @Test
    void cnilNotRequiredEndsTheClockAndTheBreachStaysInTheRegister() {
        Instant aware = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        String id = report("ars-nor", "FR-NOR", aware);
        Response assessed = post(id, "/assessments", "ars-nor", """
                {"exposedData": ["LAST_NAME", "EMAIL"], "medicalDataExposed": false, "estimatedPatients": 40}""");
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(201);
        assertThat(status(view(id, "ars-nor"), "CNIL_NOTIFICATION")).isEqualTo("PENDING");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(nationalList(id, "FR-NOR")).containsKey("CNIL_NOTIFICATION"));

        Response noReason = post(id, "/cnil-decision", "ars-nor", "{\"decision\": \"NOT_REQUIRED\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        Response tooEarly = post(id, "/cnil-decision", "ars-nor", """
                {"decision": "NOTIFY", "breachAwareAt": "%s"}""".formatted(aware.minusSeconds(60)));
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.body()).contains("breachAwareAt");

        // the breach's own awareness moves the 72 hours
        Instant breachAware = aware.plus(Duration.ofHours(3));
        assertThat(post(id, "/cnil-decision", "ars-nor", """
                {"decision": "NOTIFY", "breachAwareAt": "%s"}""".formatted(breachAware))
                        .status())
                .isEqualTo(201);
        assertThat(clock(view(id, "ars-nor"), "CNIL_NOTIFICATION").get("dueAt").asText())
                .isEqualTo(breachAware.plus(Duration.ofHours(72)).toString());

        Response notRequired = post(id, "/cnil-decision", "ars-nor", """
                {"decision": "NOT_REQUIRED", "reason": "Adresses chiffrées, clé non compromise."}""");
        assertThat(notRequired.status()).as(notRequired.toString()).isEqualTo(201);
        JsonNode view = view(id, "ars-nor");
        assertThat(status(view, "CNIL_NOTIFICATION")).isEqualTo("NOT_APPLICABLE");
        assertThat(view.at("/cnilDecision/decision").asText()).isEqualTo("NOT_REQUIRED");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(nationalList(id, "FR-NOR"))
                        .isEqualTo(stillToMeet(view(id, "ars-nor")))
                        .doesNotContainKey("CNIL_NOTIFICATION"));

        // not notified, still in the register: as JSON and as CSV, the region's own, the national cell's
        JsonNode entry = null;
        for (JsonNode e : api.get("/api/incidents/breach-register", keycloak.password("ars-nor"))
                .json()) {
            if (e.get("incidentId").asText().equals(id)) {
                entry = e;
            }
        }
        assertThat(entry).as("the breach in Normandie's register").isNotNull();
        assertThat(entry.get("cnilDecision").asText()).isEqualTo("NOT_REQUIRED");
        assertThat(entry.get("cnilDecisionReason").asText()).isEqualTo("Adresses chiffrées, clé non compromise.");
        assertThat(entry.get("estimatedPatients").asLong()).isEqualTo(40);
        assertThat(entry.get("cnilClock").asText()).isEqualTo("NOT_APPLICABLE");
        Response csv = api.get("/api/incidents/breach-register?format=csv", keycloak.password("ars-nor"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("incidentId,region,title")
                .contains(id + ",FR-NOR,")
                .contains("\"Adresses chiffrées, clé non compromise.\"")
                .doesNotContain("\n" + id + ",FR-HDF");
        assertThat(api.get("/api/incidents/breach-register?region=FR-NOR", keycloak.password("national"))
                        .body())
                .contains(id);
        // another region's staff never see it
        assertThat(api.get("/api/incidents/breach-register", keycloak.password("ars-hdf"))
                        .body())
                .doesNotContain(id);
        assertThat(api.get("/api/incidents/breach-register?region=FR-NOR", keycloak.password("ars-hdf"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/incidents/breach-register?format=xml", keycloak.password("ars-nor"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aSupplementaryNotificationFollowsTheInitialOneAndDoesNotMeetIt() {
        Instant aware = Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS);
        String id = report("ars-nor", "FR-NOR", aware);
        assertThat(post(id, "/assessments", "ars-nor", """
                {"exposedData": ["LAST_NAME"], "medicalDataExposed": false, "estimatedPatients": 5}""").status()).isEqualTo(201);
        Response first =
                post(id, "/authority-notifications", "ars-nor", """
                {"authority": "CNIL", "kind": "SUPPLEMENTARY", "notifiedAt": "%s", "reference": "C-2"}""".formatted(aware.plus(Duration.ofHours(1))));
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.body()).contains("kind");
        assertThat(post(id, "/authority-notifications", "ars-nor", """
                {"authority": "CNIL", "kind": "NOTIFICATION", "notifiedAt": "%s", "reference": "CNIL-1"}""".formatted(aware.plus(Duration.ofHours(2))))
                        .status())
                .isEqualTo(201);
        assertThat(post(id, "/authority-notifications", "ars-nor", """
                {"authority": "CNIL", "kind": "SUPPLEMENTARY", "notifiedAt": "%s", "reference": "CNIL-1-C"}""".formatted(aware.plus(Duration.ofHours(6))))
                        .status())
                .isEqualTo(201);
        JsonNode view = view(id, "ars-nor");
        JsonNode cnil = clock(view, "CNIL_NOTIFICATION");
        assertThat(cnil.get("status").asText()).isEqualTo("MET");
        assertThat(cnil.get("metAt").asText())
                .isEqualTo(aware.plus(Duration.ofHours(2)).toString());
        String initialEvent = null;
        for (JsonNode n : view.get("authorityNotifications")) {
            if (n.get("reference").asText().equals("CNIL-1")) {
                initialEvent = n.get("eventId").asText();
            }
        }
        assertThat(cnil.get("metBy").asText()).isEqualTo(initialEvent);
        // the register is a read model: it shows the notifications within moments
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode e : api.get("/api/incidents/breach-register", keycloak.password("ars-nor"))
                    .json()) {
                if (e.get("incidentId").asText().equals(id)
                        && e.get("cnilSupplementaryNotifiedAt").size() == 1) {
                    found[0] = e;
                }
            }
            return found[0] != null;
        });
        JsonNode entry = found[0];
        assertThat(entry.get("cnilReference").asText()).isEqualTo("CNIL-1");
        assertThat(entry.get("cnilSupplementaryNotifiedAt")).hasSize(1);
        // a progress report is NIS2's
        Response progressToCnil =
                post(id, "/authority-notifications", "ars-nor", """
                {"authority": "CNIL", "kind": "PROGRESS_REPORT", "notifiedAt": "%s"}""".formatted(aware.plus(Duration.ofHours(7))));
        assertThat(progressToCnil.status()).isEqualTo(400);
        assertThat(progressToCnil.body()).contains("kind");
    }

    @Test
    void anIncidentOngoingAtOneMonthGivesAProgressReportThenTheFinalReportAfterItIsHandled() {
        Instant aware = Instant.now().minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        String id = report("esante-nor", "FR-NOR", aware);
        assertThat(post(
                                id,
                                "/nis2-significance",
                                "esante-nor",
                                "{\"significance\": \"SIGNIFICANT\", \"criteria\": [\"SEVERE_OPERATIONAL_DISRUPTION\"]}")
                        .status())
                .isEqualTo(201);
        for (String[] n : new String[][] {
            {"CERT_SANTE", "DECLARATION", "2"}, {"ANSSI", "EARLY_WARNING", "3"}, {"ANSSI", "NOTIFICATION", "30"}
        }) {
            Response notified = post(id, "/authority-notifications", "esante-nor", """
                    {"authority": "%s", "kind": "%s", "notifiedAt": "%s"}""".formatted(
                            n[0], n[1], aware.plus(Duration.ofHours(Long.parseLong(n[2])))));
            assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
        }
        assertThat(post(id, "/assessments", "esante-nor", """
                {"exposedData": [], "medicalDataExposed": false, "estimatedPatients": 0}""").status()).isEqualTo(201);
        assertThat(status(view(id, "esante-nor"), "NIS2_FINAL_REPORT")).isEqualTo("PENDING");

        // ANSSI asks for an intermediate report: its own clock
        Instant asked = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Response request = post(id, "/nis2-intermediate-report-requests", "esante-nor", """
                {"requestedAt": "%s", "dueAt": "%s", "reference": "ANSSI-DEM-7"}""".formatted(
                        asked, asked.plus(Duration.ofDays(2))));
        assertThat(request.status()).as(request.toString()).isEqualTo(201);
        assertThat(status(view(id, "esante-nor"), "NIS2_INTERMEDIATE_REPORT")).isEqualTo("PENDING");
        assertThat(post(id, "/authority-notifications", "esante-nor", """
                {"authority": "ANSSI", "kind": "INTERMEDIATE_REPORT", "notifiedAt": "%s"}""".formatted(
                                        Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)))
                        .status())
                .isEqualTo(201);
        assertThat(status(view(id, "esante-nor"), "NIS2_INTERMEDIATE_REPORT")).isEqualTo("MET");

        // still ongoing: a progress report meets the one-month report; the final one waits for the resolution
        assertThat(post(id, "/authority-notifications", "esante-nor", """
                {"authority": "ANSSI", "kind": "PROGRESS_REPORT", "notifiedAt": "%s"}""".formatted(
                                        Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS)))
                        .status())
                .isEqualTo(201);
        JsonNode progressed = view(id, "esante-nor");
        assertThat(status(progressed, "NIS2_FINAL_REPORT")).isEqualTo("MET");
        assertThat(status(progressed, "NIS2_FINAL_REPORT_AFTER_HANDLING")).isEqualTo("NOT_APPLICABLE");
        for (String to : new String[] {"CONTAINED", "RESOLVED"}) {
            Response moved = post(id, "/status", "esante-nor", "{\"status\": \"" + to + "\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        JsonNode resolved = view(id, "esante-nor");
        JsonNode afterHandling = clock(resolved, "NIS2_FINAL_REPORT_AFTER_HANDLING");
        assertThat(afterHandling.get("status").asText()).isEqualTo("PENDING");
        assertThat(afterHandling.get("startedAt").asText())
                .isEqualTo(resolved.get("resolvedAt").asText());
        Response refused = post(id, "/status", "esante-nor", "{\"status\": \"CLOSED\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("unmetObligations").toString())
                .contains("NIS2_FINAL_REPORT_AFTER_HANDLING")
                .contains("CERT_SANTE_CLOSURE");

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(post(id, "/authority-notifications", "esante-nor", """
                {"authority": "ANSSI", "kind": "FINAL_REPORT", "notifiedAt": "%s"}""".formatted(now))
                        .status())
                .isEqualTo(201);
        assertThat(post(id, "/authority-notifications", "esante-nor", """
                {"authority": "CERT_SANTE", "kind": "CLOSURE", "notifiedAt": "%s"}""".formatted(now))
                        .status())
                .isEqualTo(201);
        assertThat(status(view(id, "esante-nor"), "NIS2_FINAL_REPORT_AFTER_HANDLING"))
                .isEqualTo("MET");
        Response closed = post(id, "/status", "esante-nor", "{\"status\": \"CLOSED\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    }

    /**
     * Random histories of incidents (assessments, decisions, notifications, status changes at random instants),
     * then for each incident at one instant: its own view, the national cell's list (another service), each
     * regulator's report and the reminder sweep agree on every clock. The seed is printed to replay a failure.
     */
    @Test
    void randomHistoriesGiveTheSameClocksToTheViewTheNationalListTheReportsAndTheReminders() {
        long seed = System.nanoTime();
        System.out.println("LegalClocksIT random histories, seed " + seed);
        Random random = new Random(seed);
        List<String[]> incidents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean normandie = random.nextBoolean();
            String user = normandie ? "ars-nor" : "ars-hdf";
            String region = normandie ? "FR-NOR" : "FR-HDF";
            Instant aware = Instant.now()
                    .minus(Duration.ofMinutes(30 + random.nextInt(120 * 60)))
                    .truncatedTo(ChronoUnit.SECONDS);
            String id = report(user, region, aware);
            incidents.add(new String[] {id, user, region});
            randomHistory(random, id, user, normandie, aware);
        }
        for (String[] incident : incidents) {
            String id = incident[0];
            String user = incident[1];
            String context = "incident " + id + " (seed " + seed + ")";
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(nationalListWithStatus(id, incident[2]))
                            .as(context)
                            .isEqualTo(stillToMeetWithStatus(view(id, user))));
            JsonNode view = view(id, user);
            for (String slug : new String[] {
                "cert-sante-declaration",
                "cnil-notification",
                "nis2-early-warning",
                "nis2-notification",
                "nis2-final-report"
            }) {
                Response report = api.get("/api/incidents/" + id + "/reports/" + slug, keycloak.password(user));
                assertThat(report.status())
                        .as(context + " " + slug + ": " + report)
                        .isEqualTo(200);
                JsonNode obligation = report.json().get("obligation");
                JsonNode own = clock(view, obligation.get("code").asText());
                for (String field : new String[] {"status", "startedAt", "dueAt", "metAt", "metBy", "late"}) {
                    assertThat(instantOrText(obligation.path(field)))
                            .as(context + " " + slug + " " + field)
                            .isEqualTo(instantOrText(own.path(field)));
                }
            }
            // the sweep reminds of every clock due soon or overdue, at the stage the view gives it
            TreeSet<String> expected = new TreeSet<>();
            view.get("regulatoryClocks").forEach(c -> {
                String status = c.get("status").asText();
                if (status.equals("DUE_SOON") || status.equals("OVERDUE")) {
                    expected.add(c.get("code").asText() + "/" + status);
                }
            });
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                TreeSet<String> reminded = new TreeSet<>();
                view(id, user)
                        .get("reminders")
                        .forEach(r -> reminded.add(
                                r.get("code").asText() + "/" + r.get("stage").asText()));
                assertThat(reminded).as(context).containsAll(expected);
            });
        }
    }

    /** Some of the facts an agency records, in random order of kinds and at random instants after awareness. */
    private void randomHistory(Random random, String id, String user, boolean nis2, Instant aware) {
        long sinceAware = Duration.between(aware, Instant.now()).toSeconds() - 60;
        java.util.function.Supplier<Instant> after = () -> aware.plusSeconds((long) (random.nextDouble() * sinceAware));
        if (random.nextInt(4) > 0) {
            String[] data = {"LAST_NAME", "EMAIL", "SOCIAL_SECURITY_NUMBER"};
            String exposed = random.nextInt(4) == 0 ? "" : "\"" + data[random.nextInt(data.length)] + "\"";
            created(post(id, "/assessments", user, """
                    {"exposedData": [%s], "medicalDataExposed": %s, "estimatedPatients": %d, "highRisk": %s}""".formatted(
                            exposed, random.nextInt(5) == 0, random.nextInt(5000), random.nextInt(4) == 0)));
        }
        if (random.nextBoolean()) {
            created(post(
                    id,
                    "/cnil-decision",
                    user,
                    random.nextBoolean()
                            ? "{\"decision\": \"NOTIFY\", \"breachAwareAt\": \"%s\"}".formatted(after.get())
                            : "{\"decision\": \"NOT_REQUIRED\", \"reason\": \"Données chiffrées\"}"));
        }
        if (nis2 && random.nextBoolean()) {
            created(post(
                    id,
                    "/nis2-significance",
                    user,
                    random.nextBoolean()
                            ? "{\"significance\": \"SIGNIFICANT\", \"criteria\": [\"FINANCIAL_LOSS\"]}"
                            : "{\"significance\": \"NOT_SIGNIFICANT\", \"reason\": \"Aucun effet sur les soins\"}"));
        }
        String[][] notifications = {
            {"CERT_SANTE", "DECLARATION"},
            {"CNIL", "NOTIFICATION"},
            {"ANSSI", "EARLY_WARNING"},
            {"ANSSI", "NOTIFICATION"}
        };
        for (String[] notification : notifications) {
            if (random.nextInt(3) == 0) {
                created(post(id, "/authority-notifications", user, """
                        {"authority": "%s", "kind": "%s", "notifiedAt": "%s", "lateReason": "Collecte des faits"}""".formatted(
                                notification[0], notification[1], after.get())));
            }
        }
        if (random.nextInt(3) == 0) {
            for (String to : new String[] {"ASSESSING", "CONTAINED", "RESOLVED"}) {
                Response moved = post(id, "/status", user, "{\"status\": \"" + to + "\"}");
                assertThat(moved.status()).as(moved.toString()).isIn(200, 409);
            }
        }
    }

    private static void created(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /** A JSON value as text, instants compared as instants (one side may write fewer fraction digits). */
    private static String instantOrText(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        try {
            return Instant.parse(text).toString();
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return text;
        }
    }

    /** The open obligations of the incident in the national cell's list: code to due time and status. */
    private Map<String, String> nationalListWithStatus(String id, String region) {
        Map<String, String> open = new TreeMap<>();
        api.get("/api/national/obligations?region=" + region + "&size=1000", keycloak.password("national"))
                .json()
                .get("obligations")
                .forEach(o -> {
                    if (o.get("incidentId").asText().equals(id)) {
                        open.put(
                                o.get("code").asText(),
                                Instant.parse(o.get("dueAt").asText()) + " "
                                        + o.get("status").asText());
                    }
                });
        return open;
    }

    /** The obligations still to meet in the incident's own view: code to due time and status. */
    private static Map<String, String> stillToMeetWithStatus(JsonNode view) {
        Map<String, String> open = new TreeMap<>();
        view.get("regulatoryClocks").forEach(c -> {
            String s = c.get("status").asText();
            if (s.equals("PENDING") || s.equals("DUE_SOON") || s.equals("OVERDUE")) {
                open.put(c.get("code").asText(), Instant.parse(c.get("dueAt").asText()) + " " + s);
            }
        });
        return open;
    }
}
