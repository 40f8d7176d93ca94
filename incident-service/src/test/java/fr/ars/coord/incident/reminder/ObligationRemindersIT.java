package fr.ars.coord.incident.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.incident.IncidentServiceITBase;
import fr.ars.coord.incident.lifecycle.RemindObligationsCommand;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ObligationRemindersIT extends IncidentServiceITBase {

    @Autowired
    private ObligationReminderSweep sweep;

    @Autowired
    private ReminderSchedule schedule;

    @Autowired
    private CommandGateway commands;

    private String reportAwareSince(Duration ago) {
        Instant aware = Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
        Response created = api.post("/api/incidents", TestTokens.arsStaff(HDF), """
                {"region": "FR-HDF", "title": "Usurpation", "summary": "Compte usurpé", "awareAt": "%s",
                 "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""".formatted(aware));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Instant scheduled(String incidentId) {
        List<Timestamp> next = jdbc.queryForList(
                "SELECT next_at FROM obligation_reminder_schedule WHERE incident_id = ?", Timestamp.class, incidentId);
        return next.isEmpty() ? null : next.get(0).toInstant();
    }

    private long remindersStored(String incidentId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype"
                        + " LIKE '%ObligationReminderRecordedEvent'",
                Long.class, incidentId);
    }

    private List<String> reminders(String incidentId) {
        JsonNode view = api.get("/api/incidents/" + incidentId, TestTokens.arsStaff(HDF))
                .json();
        List<String> reminders = new ArrayList<>();
        view.get("reminders")
                .forEach(r -> reminders.add(
                        r.get("code").asText() + "/" + r.get("stage").asText()));
        return reminders;
    }

    private void sweepConcurrently(int sweeps) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sweeps);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < sweeps; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    sweep.sweep();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachObligationIsRemindedOnceAtEachStageWhateverTheSweepsAndRestarts() throws Exception {
        String id = reportAwareSince(Duration.ofHours(20));
        // the 24-hour obligations (CERT Santé, the NIS2 significance decision: NIS2 is in force for this region) are
        // in their last quarter: due soon from 18 h
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(scheduled(id)).isNotNull());
        assertThat(scheduled(id)).isBefore(Instant.now());

        String read = api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF)).header("ETag");
        sweepConcurrently(4);
        sweep.sweep();
        // reminders recorded since the client read change no fact: its If-Match still holds; a fact would not
        String action = "{\"action\": \"ACCOUNTS_BLOCKED\"}";
        assertThat(api.post(
                                "/api/incidents/" + id + "/containment-actions",
                                TestTokens.arsStaff(HDF),
                                action,
                                "If-Match",
                                read)
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/incidents/" + id + "/containment-actions",
                                TestTokens.arsStaff(HDF),
                                action,
                                "If-Match",
                                read)
                        .status())
                .isEqualTo(409);
        assertThat(reminders(id))
                .containsExactlyInAnyOrder("CERT_SANTE_DECLARATION/DUE_SOON", "NIS2_SIGNIFICANCE/DUE_SOON");
        assertThat(remindersStored(id)).isEqualTo(2);
        // next: when they become overdue, 1 ns after their due time (rounded up to the column's microsecond)
        JsonNode clock = api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF))
                .json()
                .get("regulatoryClocks")
                .get(0);
        assertThat(scheduled(id))
                .isEqualTo(Instant.parse(clock.get("dueAt").asText()).plus(1, ChronoUnit.MICROS));

        // a restart rebuilds the schedule from the events: nothing is reminded twice
        schedule.clear();
        schedule.refresh(id, Instant.now());
        sweepConcurrently(3);
        assertThat(remindersStored(id)).isEqualTo(2);
        JsonNode timeline = api.get("/api/incidents/" + id + "/history", TestTokens.national())
                .json();
        JsonNode reminder = timeline.get(1);
        assertThat(reminder.get("type").asText()).isEqualTo("ObligationReminderRecordedEvent");
        assertThat(reminder.at("/recordedBy/org").asText())
                .as("recorded by the platform")
                .isEqualTo("SYSTEM");
    }

    @Test
    void anObligationFoundOverdueIsRemindedOnceAsOverdueAndAMetOrClosedOneNever() throws Exception {
        String id = reportAwareSince(Duration.ofHours(30));
        significant(id, TestTokens.arsStaff(HDF));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(scheduled(id)).isNotNull());
        sweepConcurrently(2);
        assertThat(reminders(id))
                .containsExactlyInAnyOrder("CERT_SANTE_DECLARATION/OVERDUE", "NIS2_EARLY_WARNING/OVERDUE");
        // next: the NIS2 notification (72 hours), due soon from 54 h after awareness
        Instant aware = Instant.parse(api.get("/api/incidents/" + id, TestTokens.arsStaff(HDF))
                .json()
                .get("awareAt")
                .asText());
        assertThat(scheduled(id)).isEqualTo(aware.plus(Duration.ofHours(54)));
        sweep.sweep();
        assertThat(remindersStored(id)).as("not due yet").isEqualTo(2);

        // a closed incident is reminded of nothing and leaves the schedule
        assertThat(api.post("/api/incidents/" + id + "/assessments", TestTokens.arsStaff(HDF), identityAssessment(10))
                        .status())
                .isEqualTo(201);
        for (String status : List.of("CONTAINED", "RESOLVED")) {
            Response moved = api.post(
                    "/api/incidents/" + id + "/status", TestTokens.arsStaff(HDF), "{\"status\": \"" + status + "\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        Response closed = closeWaivingWhatIsUnmet(id, TestTokens.arsStaff(HDF), "Exercice");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(scheduled(id)).isNull());
        schedule.refresh(id, Instant.now().plus(Duration.ofDays(40)));
        assertThat(scheduled(id)).isNull();
        sweep.sweep();
        assertThat(remindersStored(id)).isEqualTo(2);
    }

    @Test
    void aResolvedIncidentIsStillRemindedAndTakesItsClosureNoticeAndFinalReport() {
        String id = reportAwareSince(Duration.ofHours(3));
        String token = TestTokens.arsStaff(HDF);
        significant(id, token);
        Instant aware = Instant.parse(
                api.get("/api/incidents/" + id, token).json().get("awareAt").asText());
        notify(id, "CERT_SANTE", "DECLARATION", aware.plusSeconds(600));
        notify(id, "ANSSI", "EARLY_WARNING", aware.plusSeconds(900));
        notify(id, "ANSSI", "NOTIFICATION", aware.plusSeconds(1200));
        for (String status : List.of("ASSESSING", "CONTAINED", "RESOLVED")) {
            Response moved = api.post("/api/incidents/" + id + "/status", token, "{\"status\": \"" + status + "\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        Instant resolvedAt = Instant.parse(
                api.get("/api/incidents/" + id, token).json().get("resolvedAt").asText());
        // still in the schedule: the closure notice to CERT Santé, due soon 18 hours after the resolution
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(scheduled(id))
                        .isBetween(
                                resolvedAt.plus(Duration.ofHours(18)).minusMillis(1),
                                resolvedAt.plus(Duration.ofHours(18)).plusMillis(1)));
        Integer recorded = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new RemindObligationsCommand(id, resolvedAt.plus(Duration.ofHours(20))))
                .andMetaData(ObligationReminderSweep.SYSTEM.toMetaData()));
        assertThat(recorded).isEqualTo(1);
        assertThat(reminders(id)).containsExactly("CERT_SANTE_CLOSURE/DUE_SOON");

        // the resolved incident takes the closure notice and the NIS2 final report, then has nothing left to remind
        notify(id, "CERT_SANTE", "CLOSURE", Instant.now().minusSeconds(1));
        notify(id, "ANSSI", "FINAL_REPORT", Instant.now().minusSeconds(1));
        JsonNode view = api.get("/api/incidents/" + id, token).json();
        assertThat(view.get("status").asText()).isEqualTo("RESOLVED");
        view.get("regulatoryClocks")
                .forEach(clock -> assertThat(clock.get("status").asText())
                        .as(clock.get("code").asText())
                        .isIn("MET", "NOT_APPLICABLE"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(scheduled(id)).isNull());
        assertThat(api.post("/api/incidents/" + id + "/status", token, "{\"status\": \"CLOSED\"}")
                        .status())
                .isEqualTo(200);
    }

    private void notify(String id, String authority, String kind, Instant at) {
        Response notified = api.post(
                "/api/incidents/" + id + "/authority-notifications",
                TestTokens.arsStaff(HDF),
                "{\"authority\": \"%s\", \"kind\": \"%s\", \"notifiedAt\": \"%s\"}".formatted(authority, kind, at));
        assertThat(notified.status()).as(notified.toString()).isEqualTo(201);
    }
}
