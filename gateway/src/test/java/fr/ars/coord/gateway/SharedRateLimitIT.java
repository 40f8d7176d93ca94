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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateways sharing their rate-limit buckets in PostgreSQL (the table as the platform's migration creates it):
 * together they let through the configured burst, not twice it; expired buckets are removed.
 */
class SharedRateLimitIT {

    private static final StubBackend SERVICE = new StubBackend("incident-service");
    private static EmbeddedPostgres postgres;
    private static final List<ConfigurableApplicationContext> GATEWAYS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String migration = Files.readString(Path.of("../platform/src/main/resources/db/migration/"
                + "V13__rate_limit_bucket.sql"));
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute(migration);
        }
        for (int i = 0; i < 2; i++) {
            // command-line arguments: they take precedence over application.yml, as an operator's would
            GATEWAYS.add(new SpringApplicationBuilder(GatewayApplication.class, TestJwtConfiguration.class)
                    .run("--server.port=0", "--ars.gateway.rate-limit.store=postgresql",
                            "--ars.gateway.rate-limit.db-url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "--ars.gateway.rate-limit.db-user=postgres", "--ars.gateway.rate-limit.db-password=postgres",
                            "--ars.gateway.rate-limit.authenticated-per-minute=6",
                            "--ars.gateway.rate-limit.authenticated-burst=6",
                            "--INCIDENT_SERVICE_URL=" + SERVICE.url(),
                            "--REGION_SERVICE_URL=http://127.0.0.1:9", "--NOTIFICATION_SERVICE_URL=http://127.0.0.1:9"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        GATEWAYS.forEach(ConfigurableApplicationContext::close);
        postgres.close();
    }

    private static ApiClient gateway(int i) {
        int port = ((WebServerApplicationContext) GATEWAYS.get(i)).getWebServer().getPort();
        return new ApiClient("http://localhost:" + port);
    }

    @Test
    void twoGatewaysTogetherLetThroughTheConfiguredBurstNotTwice() throws Exception {
        String token = TestTokens.token("user-" + UUID.randomUUID(), "ARS", "FR-HDF", "ars-staff");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(gateway(i % 2).get("/api/incidents", token).status());
        }
        assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(6);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(6);
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM rate_limit_bucket")) {
            rs.next();
            assertThat(rs.getLong(1)).as("one shared bucket for the caller").isEqualTo(1);
        }
    }

    @Test
    void expiredBucketsAreRemoved() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("INSERT INTO rate_limit_bucket (id, state, expires_at) VALUES"
                    + " ('sub:gone', NULL, 1), ('sub:active', NULL, " + (System.currentTimeMillis() + 600_000) + ")");
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
}
