package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import fr.ars.coord.platform.testing.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Several instances of every service behind two gateways ({@code infra/run.sh --instances 2 --gateways 2}): under a
 * steady load of commands and reads through both gateways, one instance of each service in turn is killed with
 * SIGKILL, then started again. Nothing acknowledged is lost, nothing is recorded twice, no request safe to repeat
 * gets a 5xx, the dead instance's segments are all held by the other within 5 seconds, and the processes downstream
 * (national impact, communiqué drafting, webhook delivery) act once.
 */
class ScaleOutIT {

    private static final Map<String, List<String>> PROCESSORS = Map.of(
            "incident-service", List.of("incident-summary", "obligation-reminders"),
            "region-service", List.of("national-impact", "campaign-links"),
            "notification-service",
                    List.of("communique-drafting", "communique-views", "publication-dispatch", "reminder-dispatch"));
    private static final ScaledPlatform PLATFORM = new ScaledPlatform();

    @BeforeAll
    static void start() {
        PLATFORM.start();
    }

    @AfterAll
    static void stop() {
        PLATFORM.stop();
    }

    /** What the clients sent and got. */
    private static final class Load {
        final AtomicBoolean running = new AtomicBoolean(true);
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger contained = new AtomicInteger();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger retries = new AtomicInteger();
    }

    @Test
    void killingOneInstanceOfEachServiceUnderLoadLosesNothingAndRecordsNothingTwice() throws Exception {
        Keycloak keycloak = new Keycloak(PLATFORM.tokenUrl());
        // a token of at most a minute for each call (Keycloak.password keeps one a minute): the load and the faults
        // may outlast a single token's five minutes on a slow machine
        java.util.function.Supplier<String> staff = () -> keycloak.password("ars-hdf");
        List<ApiClient> gateways = List.of(
                ApiClient.checkedAgainst(PLATFORM.gatewayUrl(0), ApiContract.committed()),
                ApiClient.checkedAgainst(PLATFORM.gatewayUrl(1), ApiContract.committed()));

        // both instances of each service hold segments of each of its processors
        for (Map.Entry<String, List<String>> service : new TreeMap<>(PROCESSORS).entrySet()) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(owners(service.getValue()))
                            .as(service.getKey() + " segments shared")
                            .hasSize(2));
        }

        Load load = new Load();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int client = c;
            running.add(clients.submit(() -> drive(load, client, gateways, staff)));
        }
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= 10);
            for (String service : List.of("incident-service", "region-service", "notification-service")) {
                fault(service, load);
            }
            Thread.sleep(3_000);
        } finally {
            load.running.set(false);
            for (Future<?> client : running) {
                client.get(120, TimeUnit.SECONDS);
            }
            clients.shutdownNow();
        }

        long recorded = PLATFORM.number(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE" + " '%IncidentReportedEvent'");
        long actions = PLATFORM.number(
                "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE" + " '%ContainmentActionRecordedEvent'");
        long found = 0;
        for (String id : load.acknowledged) {
            if (gateways.get(0).get("/api/incidents/" + id, staff.get()).status() == 200) {
                found++;
            }
        }
        System.out.printf(
                "scale-out: commands sent: %d (%d retries by the clients) | acknowledged: %d | found: %d |"
                        + " duplicates: %d | containment actions acknowledged: %d, recorded: %d | 5xx: %d%n",
                load.sent.get(),
                load.retries.get(),
                load.acknowledged.size(),
                found,
                recorded - load.acknowledged.size(),
                load.contained.get(),
                actions,
                load.serverErrors.get());
        assertThat(found).as("every acknowledged incident found").isEqualTo(load.acknowledged.size());
        assertThat(recorded).as("each recorded once").isEqualTo(load.acknowledged.size());
        assertThat(actions).isEqualTo(load.contained.get());
        assertThat(load.serverErrors.get())
                .as("5xx for requests safe to repeat")
                .isZero();

        // access tokens live a few minutes: the load and the faults may have outlived the first ones
        String national = keycloak.password("national");
        // the national picture counts each incident once
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode impact =
                    gateways.get(1).get("/api/national/impact", national).json();
            long incidents = 0;
            for (JsonNode region : impact.get("regions")) {
                incidents += region.get("incidentsOpen").asLong()
                        + region.get("incidentsClosed").asLong();
            }
            assertThat(incidents).isEqualTo(load.acknowledged.size());
        });
        // one regional communiqué drafted, whatever the instances drafting it
        await().atMost(Duration.ofSeconds(60))
                .until(() -> PLATFORM.number("SELECT count(*) FROM domainevententry"
                                + " WHERE payloadtype LIKE '%CommuniqueDraftedEvent'")
                        == 1);
        publishOnceToASubscriber(gateways, keycloak, national);
    }

    /** The clients: report, read, contain, in a loop through both gateways, each write with its key. */
    private static void drive(
            Load load, int client, List<ApiClient> gateways, java.util.function.Supplier<String> staff) {
        int n = 0;
        while (load.running.get()) {
            n++;
            String key = "scale-" + client + "-" + n;
            load.sent.incrementAndGet();
            Response created = until2xx(
                    load,
                    gateways,
                    n,
                    api -> api.post("/api/incidents", staff.get(), """
                    {"region": "FR-HDF", "title": "Charge %s", "summary": "Compte usurpé",
                     "awareAt": "2025-11-21T17:30:00Z", "attackVector": "ACCOUNT_USURPATION",
                     "operationalImpact": "NONE"}""".formatted(key), "Idempotency-Key", key));
            String id = created.json().get("id").asText();
            load.acknowledged.add(id);
            until2xx(load, gateways, n + 1, api -> api.get("/api/incidents/" + id, staff.get()));
            until2xx(
                    load,
                    gateways,
                    n,
                    api -> api.post(
                            "/api/incidents/" + id + "/assessments",
                            staff.get(),
                            "{\"exposedData\": [\"EMAIL\"], \"medicalDataExposed\": false, \"estimatedPatients\": 10}",
                            "Idempotency-Key",
                            key + "-assessment"));
            until2xx(
                    load,
                    gateways,
                    n + 1,
                    api -> api.post(
                            "/api/incidents/" + id + "/containment-actions",
                            staff.get(),
                            "{\"action\": \"ACCOUNTS_BLOCKED\"}",
                            "Idempotency-Key",
                            key + "-blocked"));
            load.contained.incrementAndGet();
            try {
                // a steady load, not a flood: the faults are what is measured
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends until a 2xx, through the other gateway after a failure: every call here is safe to repeat. */
    private static Response until2xx(
            Load load, List<ApiClient> gateways, int turn, java.util.function.Function<ApiClient, Response> call) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                Response response = call.apply(gateways.get((turn + attempt) % 2));
                if (response.status() / 100 == 2) {
                    return response;
                }
                if (response.status() >= 500) {
                    load.serverErrors.incrementAndGet();
                }
            } catch (RuntimeException e) {
                // a gateway connection lost: counted as a retry below
            }
            load.retries.incrementAndGet();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no 2xx after 20 attempts");
    }

    /** Kills instance 1 of the service, waits for its segments to be claimed by instance 0, starts it again. */
    private static void fault(String service, Load load) throws Exception {
        List<String> processors = PROCESSORS.get(service);
        List<String> before = PLATFORM.claims(processors);
        int acknowledgedBefore = load.acknowledged.size();
        long pid = PLATFORM.kill(service, 1);
        long killedAt = System.nanoTime();
        String dead = pid + "@";
        // taken over: every segment held again, by the live instance (a segment no one holds is not taken over)
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> PLATFORM.claims(processors).stream()
                        .allMatch(claim -> !claim.contains(" " + dead) && !claim.endsWith(" null")));
        double takeover = (System.nanoTime() - killedAt) / 1e9;
        List<String> during = PLATFORM.claims(processors);
        PLATFORM.restart(service, 1);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(owners(processors)).hasSize(2));
        List<String> after = PLATFORM.claims(processors);
        System.out.printf(
                "fault: kill -9 %s instance 1 under load | acknowledged meanwhile: %d | 5xx so far: %d |"
                        + " its segments claimed elsewhere in %.1f s%n  claims before: %s%n  claims while down: %s%n"
                        + "  claims after restart: %s%n",
                service,
                load.acknowledged.size() - acknowledgedBefore,
                load.serverErrors.get(),
                takeover,
                before,
                during,
                after);
        assertThat(takeover).as("takeover of " + service + "'s segments").isLessThanOrEqualTo(5.0);
    }

    /** The distinct owners of the processors' segments. */
    private static Set<String> owners(List<String> processors) throws java.sql.SQLException {
        Set<String> owners = new TreeSet<>();
        for (String claim : PLATFORM.claims(processors)) {
            String[] parts = claim.split(" ");
            if (parts.length == 3 && !parts[2].equals("null")) {
                owners.add(parts[2]);
            }
        }
        return owners;
    }

    private static void publishOnceToASubscriber(List<ApiClient> gateways, Keycloak keycloak, String national)
            throws Exception {
        String secret = "scale-out-webhook-secret-" + System.nanoTime();
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            assertThat(gateways.get(0)
                            .post(
                                    "/api/webhook-subscriptions",
                                    national,
                                    "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret
                                            + "\", \"regions\": [\"FR-HDF\"]}")
                            .status())
                    .isEqualTo(201);
            // a fresh token at each use: waiting for the draft may outlive one
            java.util.function.Supplier<String> token = () -> keycloak.password("comms-hdf");
            String comms = token.get();
            String id = gateways.get(1)
                    .get("/api/communiques?region=FR-HDF", comms)
                    .json()
                    .get(0)
                    .get("id")
                    .asText();
            // the draft takes in the thousands of facts just recorded, one after the other (drafting reads a whole
            // region): wait until it has them all, then approve and publish
            // each assessment adds patients, so the text changes with the last one
            long lastFact = PLATFORM.number("SELECT max(globalindex) FROM domainevententry WHERE payloadtype LIKE"
                    + " '%IncidentAssessedEvent'");
            long waitStart = System.nanoTime();
            await().atMost(Duration.ofMinutes(8))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> gateways.get(0)
                                    .get("/api/communiques/" + id, token.get())
                                    .json()
                                    .get("factsPosition")
                                    .asLong()
                            >= lastFact);
            System.out.printf(
                    "scale-out: the draft took in the facts recorded under load %.1f s after the load%n",
                    (System.nanoTime() - waitStart) / 1e9);
            // the draft follows the thousands of facts just recorded for a while: an approval is voided by each
            // revision (publishing then answers 409), so approve and publish until it is published, as people would
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        String fresh = token.get();
                        String status = gateways.get(0)
                                .get("/api/communiques/" + id, fresh)
                                .json()
                                .get("status")
                                .asText();
                        if (status.equals("DRAFT")) {
                            gateways.get(0).post("/api/communiques/" + id + "/approve", fresh, "");
                            status = gateways.get(0)
                                    .get("/api/communiques/" + id, fresh)
                                    .json()
                                    .get("status")
                                    .asText();
                        }
                        if (status.equals("APPROVED")) {
                            gateways.get(1).post("/api/communiques/" + id + "/publish", fresh, "");
                        }
                        return gateways.get(1)
                                .get("/api/communiques/" + id, fresh)
                                .json()
                                .get("status")
                                .asText()
                                .equals("PUBLISHED");
                    });
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedFor(id) == 1);
            Thread.sleep(3_000);
            long distinct = receiver.receivedFor(id);
            System.out.printf(
                    "scale-out: communiqués drafted: 1 | published: 1 | webhook deliveries: %d (requests %d)%n",
                    distinct,
                    receiver.received.stream()
                            .filter(r -> r.body().contains(id))
                            .count());
            assertThat(distinct).isEqualTo(1);
            // one instance at a time attempts a delivery: the subscriber got one request
            assertThat(receiver.received.stream()
                            .filter(r -> r.body().contains(id))
                            .count())
                    .isEqualTo(1);
        }
    }
}
