package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What an attacker tried against the running platform, second round: a forged {@code Host}, anonymous visits that
 * wrote sessions, a database account shared by every component, the publication client telling which regions have
 * a communiqué, weak webhook secrets and targets hidden in IPv6 prefixes that embed an IPv4 address, oversized
 * console forms. Each is refused here on the platform as {@code infra/run.sh} starts it.
 */
@Order(7)
class HardeningIT {

    private static final String EVIL = "evil.example";

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private final ApiClient api = new ApiClient(platform.gatewayUrl());

    @Test
    void aForgedHostNeverReachesWhatThePlatformWrites() throws Exception {
        for (String path : List.of(
                "/api-docs/incident-service",
                "/api-docs/region-service",
                "/api-docs/notification-service",
                "/v3/api-docs",
                "/v3/api-docs/swagger-config",
                "/console/",
                "/console/oauth2/authorization/keycloak")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: " + EVIL + "\r\nX-Forwarded-Host: " + EVIL
                    + "\r\nX-Forwarded-Proto: https\r\nForwarded: host=" + EVIL + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).matches("(?s)HTTP/1\\.1 (200|302).*").doesNotContain(EVIL);
        }
        String signIn = raw("GET /console/oauth2/authorization/keycloak HTTP/1.1\r\nHost: " + EVIL
                + "\r\nConnection: close\r\n\r\n");
        assertThat(signIn).contains("redirect_uri=" + platform.gatewayUrl() + "/console/login/oauth2/code/keycloak");
    }

    @Test
    void swaggerUiRunsNoInlineScriptAndTheApiAnswersLoadNothing() {
        String swagger = api.get("/swagger-ui/index.html", null).header("Content-Security-Policy");
        assertThat(swagger).contains("script-src 'self';").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(api.get("/api/public/communiques", null).header("Content-Security-Policy"))
                .startsWith("default-src 'none'");
    }

    @Test
    void anonymousVisitorsOfTheConsoleWriteNothingIntoTheDatabase() throws Exception {
        long before = platform.number("SELECT count(*) FROM console_session");
        // fifty: within the gateway's allowance for visitors without the console's cookie, so each reaches the console
        for (int i = 0; i < 10; i++) {
            for (String path : List.of(
                    "/console/",
                    "/console/regions/FR-HDF",
                    "/console/unknown-" + i,
                    "/console/oauth2/authorization/keycloak",
                    "/console/login/oauth2/code/keycloak?code=x&state=y")) {
                assertThat(api.get(path, null).status()).as(path).isLessThan(500);
            }
        }
        assertThat(platform.number("SELECT count(*) FROM console_session"))
                .as("sessions after 50 anonymous visits")
                .isLessThanOrEqualTo(before);
    }

    @Test
    void eachComponentConnectsAsItsOwnRoleWhichReachesOnlyItsOwnTables() throws Exception {
        // the services hold their pools open (the console and the gateway connect when they need to)
        await().atMost(Duration.ofSeconds(10))
                .until(() -> connectedRoles().containsAll(List.of("ars_incident", "ars_region", "ars_notification")));
        // the internet-facing gateway: its rate-limit buckets, nothing of the record nor of the sessions
        try (Connection gateway = connect("ars_gateway")) {
            assertThat(count(gateway, "rate_limit_bucket")).isGreaterThanOrEqualTo(0);
            for (String table : List.of("domainevententry", "console_session", "tokenentry", "webhook_subscription")) {
                assertThatThrownBy(() -> count(gateway, table)).as(table).hasMessageContaining("permission denied");
            }
        }
        // the console: its sessions only
        try (Connection console = connect("ars_console")) {
            assertThat(count(console, "console_session")).isGreaterThanOrEqualTo(0);
            for (String table : List.of("domainevententry", "rate_limit_bucket", "national_impact_incident")) {
                assertThatThrownBy(() -> count(console, table)).as(table).hasMessageContaining("permission denied");
            }
        }
        // a service reads the whole record and appends to it, but can neither change nor erase it, nor read sessions
        try (Connection incidents = connect("ars_incident")) {
            assertThat(count(incidents, "domainevententry")).isPositive();
            for (String statement : List.of(
                    "UPDATE domainevententry SET type = type WHERE false",
                    "DELETE FROM domainevententry WHERE false",
                    "SELECT count(*) FROM console_session",
                    "SELECT count(*) FROM webhook_subscription")) {
                assertThatThrownBy(() -> incidents.createStatement().execute(statement))
                        .as(statement)
                        .hasMessageContaining("permission denied");
            }
        }
    }

    @Test
    void thePublicationClientCannotTellADraftFromAnUnknownCommunique() throws Exception {
        String national = keycloak.password("national");
        String nor = keycloak.password("ars-nor");
        Response created = api.post("/api/incidents", nor, """
                {"region": "FR-NOR", "title": "Sondage d'existence", "summary": "Compte usurpé",
                 "awareAt": "2025-11-25T09:00:00Z", "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.post(
                                "/api/incidents/" + created.json().get("id").asText() + "/assessments",
                                nor,
                                "{\"exposedData\": [\"LAST_NAME\"], \"medicalDataExposed\": false, \"estimatedPatients\": 12}")
                        .status())
                .isEqualTo(201);
        String[] draft = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode c : api.get("/api/communiques?region=FR-NOR&status=DRAFT", national)
                    .json()) {
                draft[0] = c.get("id").asText();
                return true;
            }
            return false;
        });
        String publisher = keycloak.clientCredentials("communique-publisher", "dev-publisher-secret");
        String unknown = UUID.randomUUID().toString();
        Response existing = api.get("/api/communiques/" + draft[0], publisher);
        Response missing = api.get("/api/communiques/" + unknown, publisher);
        assertThat(existing.status()).as(existing.toString()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(existing.body().replace(draft[0], "ID"))
                .isEqualTo(missing.body().replace(unknown, "ID"));
    }

    @Test
    void weakWebhookSecretsAndIpv4EmbeddingTargetsAreRefused() {
        String national = keycloak.password("national");
        for (String secret : List.of("aaaaaaaaaaaaaaaa", "abcabcabcabcabcabcabcabc", "0123456789abcdefghij")) {
            Response weak = api.post(
                    "/api/webhook-subscriptions",
                    national,
                    "{\"url\": \"https://abonne.example/hook\", \"secret\": \"" + secret + "\", \"regions\": []}");
            assertThat(weak.status()).as(secret + ": " + weak).isEqualTo(400);
            assertThat(weak.body()).contains("secret");
        }
        String strong = "k3Jq9vX2mP8wL5rT1zYb7nC4";
        // NAT64, 6to4 and Teredo addresses that carry a private IPv4 address inside them
        for (String target : List.of(
                "http://[64:ff9b::a00:1]/hook",
                "http://[2002:a00:1::1]/hook",
                "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/hook",
                "http://[::ffff:10.0.0.1]/hook")) {
            Response hidden = api.post(
                    "/api/webhook-subscriptions",
                    national,
                    "{\"url\": \"" + target + "\", \"secret\": \"" + strong + "\", \"regions\": []}");
            assertThat(hidden.status()).as(target + ": " + hidden).isEqualTo(400);
            assertThat(hidden.body()).contains("url");
        }
    }

    @Test
    void theConsolesFormsHaveASmallBodyCapAtTheGateway() throws Exception {
        String answer = raw("POST /console/incidents/x/assessments HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nCookie: ARS_CONSOLE_SESSION=x\r\n"
                + "Content-Length: 100000\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    private List<String> connectedRoles() throws SQLException {
        List<String> roles = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(jdbcUrl(), "ars", "ars");
                var rs = owner.createStatement()
                        .executeQuery(
                                "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'ars' AND usename IS NOT NULL")) {
            while (rs.next()) {
                roles.add(rs.getString(1));
            }
        }
        return roles;
    }

    private Connection connect(String role) throws IOException, SQLException {
        String password = Files.readString(platform.dataDirectory().resolve("secrets/db-" + role))
                .strip();
        return DriverManager.getConnection(jdbcUrl(), role, password);
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + RunningPlatform.POSTGRES_PORT + "/ars";
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var rs = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sends {@code request} as it is to the gateway on a new connection; the whole answer. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RunningPlatform.GATEWAY_PORT)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
