package fr.ars.coord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateways sharing their rate-limit buckets in PostgreSQL (the table as the platform's migration creates it):
 * together they let through the configured burst, not twice it; expired buckets are removed; a flood from one
 * address through both leaves other callers served and its own limit kept; and when the store is gone, anonymous
 * callers are refused rather than let through unlimited, while authenticated ones go on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitIT {

    /** The public routes' allowance per address in this test: a burst of 20, then 60 a minute. */
    private static final int PUBLIC_BURST = 20;

    private static final int PUBLIC_PER_MINUTE = 60;

    private static final StubBackend SERVICE = new StubBackend("incident-service");
    private static EmbeddedPostgres postgres;
    private static final List<ConfigurableApplicationContext> GATEWAYS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String migration = Files.readString(
                Path.of("../platform/src/main/resources/db/migration/" + "V13__rate_limit_bucket.sql"));
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute(migration);
        }
        for (int i = 0; i < 2; i++) {
            // command-line arguments: they take precedence over application.yml, as an operator's would
            GATEWAYS.add(new SpringApplicationBuilder(GatewayApplication.class, TestJwtConfiguration.class)
                    .run(
                            "--server.port=0",
                            "--ars.gateway.rate-limit.store=postgresql",
                            "--ars.gateway.rate-limit.db-url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "--ars.gateway.rate-limit.db-user=postgres",
                            "--ars.gateway.rate-limit.db-password=postgres",
                            "--ars.gateway.rate-limit.authenticated-per-minute=6",
                            "--ars.gateway.rate-limit.authenticated-burst=6",
                            "--ars.gateway.rate-limit.public-per-minute=" + PUBLIC_PER_MINUTE,
                            "--ars.gateway.rate-limit.public-burst=" + PUBLIC_BURST,
                            "--ars.gateway.rate-limit.db-pool-size=2",
                            "--server.tomcat.threads.max=64",
                            "--INCIDENT_SERVICE_URL=" + SERVICE.url(),
                            "--REGION_SERVICE_URL=http://127.0.0.1:9",
                            "--NOTIFICATION_SERVICE_URL=" + SERVICE.url()));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        GATEWAYS.forEach(ConfigurableApplicationContext::close);
        try {
            postgres.close();
        } catch (Exception e) {
            // stopped already by the outage test
        }
    }

    private static ApiClient gateway(int i) {
        int port =
                ((WebServerApplicationContext) GATEWAYS.get(i)).getWebServer().getPort();
        return new ApiClient("http://localhost:" + port);
    }

    @Test
    @Order(1)
    void twoGatewaysTogetherLetThroughTheConfiguredBurstNotTwice() throws Exception {
        String token = TestTokens.token("user-" + UUID.randomUUID(), "ARS", "FR-HDF", "ars-staff");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(gateway(i % 2).get("/api/incidents", token).status());
        }
        assertThat(statuses.stream().filter(s -> s == 200).count())
                .as(statuses.toString())
                .isEqualTo(6);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(6);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM rate_limit_bucket")) {
            rs.next();
            assertThat(rs.getLong(1)).as("one shared bucket for the caller").isEqualTo(1);
        }
    }

    @Test
    @Order(2)
    void aFloodFromOneAddressThroughBothGatewaysLeavesOthersServedAndKeepsItsLimit() throws Exception {
        // one address (this machine's, anonymous, on a public route) sends as fast as 48 threads can, through both
        // gateways, for 4 seconds: far more concurrent calls than the store has connections (2 per gateway here)
        AtomicBoolean flooding = new AtomicBoolean(true);
        ConcurrentHashMap<Integer, AtomicInteger> flood = new ConcurrentHashMap<>();
        ExecutorService flooders = Executors.newFixedThreadPool(48);
        long started = System.nanoTime();
        for (int t = 0; t < 48; t++) {
            int gateway = t % 2;
            flooders.submit(() -> {
                ApiClient client = gateway(gateway);
                while (flooding.get()) {
                    flood.computeIfAbsent(
                                    client.get("/api/public/communiques", null).status(), s -> new AtomicInteger())
                            .incrementAndGet();
                }
            });
        }
        // meanwhile, other callers (each with its own token) are served, through either gateway
        List<Integer> others = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        Thread.sleep(300);
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(4)) {
            String token = TestTokens.token("other-" + UUID.randomUUID(), "ARS", "FR-NOR", "ars-staff");
            long start = System.nanoTime();
            others.add(gateway(others.size() % 2).get("/api/incidents", token).status());
            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            Thread.sleep(50);
        }
        flooding.set(false);
        flooders.shutdown();
        assertThat(flooders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        double minutes = (System.nanoTime() - started) / 60e9;
        long let = flood.getOrDefault(200, new AtomicInteger()).get();
        long refused = flood.getOrDefault(429, new AtomicInteger()).get();
        System.out.printf(
                "flood: %s in %.1f s; other callers: %d calls, statuses %s, slowest %d ms%n",
                flood,
                minutes * 60,
                others.size(),
                new java.util.TreeSet<>(others),
                latencies.stream().mapToLong(l -> l).max().orElse(0));
        assertThat(others).as("other callers during the flood").isNotEmpty().containsOnly(200);
        assertThat(refused).as("the flood is refused, not let through").isGreaterThan(let * 5);
        // the limit is kept across both gateways, the store never skipped: the burst plus the refill, once
        assertThat(let)
                .as("calls of the flooding address let through by both gateways together")
                .isGreaterThan(0)
                .isLessThanOrEqualTo(PUBLIC_BURST + (long) Math.ceil(PUBLIC_PER_MINUTE * minutes) + 2);
        assertThat(flood.keySet()).as("no 5xx: the store decided every call").containsOnly(200, 429);
    }

    @Test
    @Order(3)
    void expiredBucketsAreRemoved() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement()
                    .execute("INSERT INTO rate_limit_bucket (id, state, expires_at) VALUES"
                            + " ('sub:gone', NULL, 1), ('sub:active', NULL, " + (System.currentTimeMillis() + 600_000)
                            + ")");
        }
        int buckets = fr.ars.coord.gateway.filter.RateLimitBucketsAccess.removeExpired(GATEWAYS.get(0));
        assertThat(buckets).isGreaterThanOrEqualTo(1);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                var rs = c.createStatement().executeQuery("SELECT id FROM rate_limit_bucket ORDER BY id")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            assertThat(ids).contains("sub:active").doesNotContain("sub:gone");
        }
    }

    @Test
    @Order(4)
    void withTheStoreGoneAnonymousCallersAreRefusedAndAuthenticatedOnesGoOn() throws Exception {
        // the flood above emptied this address's buckets: let each gateway's own refill one token first
        Thread.sleep(2_500);
        postgres.close();
        for (int i = 0; i < 2; i++) {
            var anonymous = gateway(i).get("/api/public/communiques", null);
            assertThat(anonymous.status()).as("anonymous, store gone").isEqualTo(503);
            assertThat(anonymous.isProblem()).isTrue();
            assertThat(anonymous.header("Retry-After")).isEqualTo("5");
            String token = TestTokens.token("during-outage-" + UUID.randomUUID(), "ARS", "FR-HDF", "ars-staff");
            assertThat(gateway(i).get("/api/incidents", token).status())
                    .as("authenticated, store gone")
                    .isEqualTo(200);
        }
        // authenticated callers are still limited meanwhile, by each gateway's own buckets
        String token = TestTokens.token("during-outage-" + UUID.randomUUID(), "ARS", "FR-HDF", "ars-staff");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(gateway(0).get("/api/incidents", token).status());
        }
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(6);
        assertThat(statuses).containsOnly(200, 429);
    }
}
