package fr.ars.coord.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of stub services: routing, token checks, limits, breakers, headers, tracing. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ars.gateway.rate-limit.authenticated-per-minute=5",
            "ars.gateway.rate-limit.authenticated-burst=5",
            "ars.gateway.rate-limit.public-per-minute=1000",
            "ars.gateway.rate-limit.public-burst=1000",
            "ars.gateway.rate-limit.console-per-minute=4",
            "ars.gateway.rate-limit.console-burst=4",
            "ars.gateway.rate-limit.console-anonymous-per-minute=2",
            "ars.gateway.rate-limit.console-anonymous-burst=2",
            "ars.gateway.max-body-bytes=1024",
            "ars.gateway.public-url=https://crise.sante.example",
            "ars.gateway.public-issuer=https://auth.sante.example/realms/ars",
            "ars.gateway.cors.allowed-origins=https://cellule.sante.gouv.fr",
            "ARS_GATEWAY_INCIDENT_TIMEOUT_MS=800"
        })
@Import(TestJwtConfiguration.class)
class GatewayIT {

    static final StubBackend INCIDENTS = new StubBackend("incident-service");
    static final StubBackend REGIONS = new StubBackend("region-service");
    static final StubBackend NOTIFICATIONS = new StubBackend("notification-service");
    static final StubBackend CONSOLE = new StubBackend("console");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("INCIDENT_SERVICE_URL", INCIDENTS::url);
        registry.add("REGION_SERVICE_URL", REGIONS::url);
        registry.add("CONSOLE_URL", CONSOLE::url);
        // nothing listens there: the notification route exercises the breaker
        registry.add("NOTIFICATION_SERVICE_URL", () -> "http://127.0.0.1:9");
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port);
    }

    private static String user() {
        return TestTokens.token("user-" + UUID.randomUUID(), "ARS", "FR-HDF", "ars-staff");
    }

    @Test
    void routesEachPathUnchangedToItsServiceWithTheToken() {
        String token = user();
        Response incidents = api.get("/api/incidents/abc/history", token);
        assertThat(incidents.status()).isEqualTo(200);
        assertThat(incidents.body()).contains("incident-service");
        assertThat(INCIDENTS.last().path()).isEqualTo("/api/incidents/abc/history");
        assertThat(INCIDENTS.last().header("Authorization")).isEqualTo("Bearer " + token);
        // the service's answer goes on with its length, in one piece rather than re-chunked
        assertThat(incidents.header("Content-Length"))
                .isEqualTo(String.valueOf(incidents.body().getBytes(UTF_8).length));
        assertThat(incidents.header("Transfer-Encoding")).isNull();

        assertThat(api.get("/api/national/impact", token).body()).contains("region-service");
        assertThat(REGIONS.last().path()).isEqualTo("/api/national/impact");
        assertThat(api.get("/api/regions/FR-HDF", token).body()).contains("region-service");
        Response unknown = api.get("/api/unknown", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void clientMistakesTomcatRefusesAreFourHundredsInProblemJson() throws Exception {
        Response error = api.get("/error", user());
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.isProblem()).isTrue();
        for (String[] request : new String[][] {
            {"CONNECT localhost:8081 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "405"},
            {
                "POST /api/public/communiques HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nTransfer-Encoding: xchunked\r\n\r\n",
                "400"
            }
        }) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(request[0].getBytes(UTF_8));
                String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);
                assertThat(answer).as(request[0]).startsWith("HTTP/1.1 " + request[1]);
                assertThat(answer).contains("application/problem+json").contains("\"status\":" + request[1]);
            }
        }
    }

    @Test
    void operatorActionsAreNotRouted() {
        int received = REGIONS.received.size();
        String token = TestTokens.national();
        Response get = api.get("/api/national/impact/rebuild", token);
        Response post = api.post("/api/national/impact/rebuild", token, "");
        assertThat(get.status()).isEqualTo(404);
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.isProblem()).isTrue();
        assertThat(REGIONS.received.size()).isEqualTo(received);
        assertThat(api.get("/api/national/impact", token).status()).isEqualTo(200);
    }

    @Test
    void securityFiltersRunWithoutSpringMvcLookingUpTheHandlerFirst(@Autowired ApplicationContext context) {
        Class<?> chain = context.getBean("springSecurityFilterChain").getClass();
        assertThat(chain).isAssignableTo(FilterChainProxy.class);
        // the composite Spring Security puts in front of it when Spring MVC is present
        assertThat(chain.getName()).doesNotContain("WebMvcSecurityConfiguration");
    }

    @Test
    void servicesAreToldThePublicAddressFromConfigurationNeverTheClientsHost() throws Exception {
        // a forged Host and forged forwarding headers, as an attacker sends them on a raw connection
        for (String path : List.of("/api/incidents/fwd", "/console/fwd")) {
            rawExchange("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Authorization: Bearer " + user() + "\r\nX-Forwarded-Host: evil.example\r\n"
                    + "X-Forwarded-Proto: http\r\nX-Forwarded-Port: 8666\r\nX-Forwarded-For: 6.6.6.6\r\n"
                    + "Forwarded: host=evil.example\r\nConnection: close\r\n\r\n");
            StubBackend.Received received = (path.startsWith("/console") ? CONSOLE : INCIDENTS).last();
            assertThat(received.path()).isEqualTo(path);
            assertThat(received.header("X-Forwarded-Host")).isEqualTo("crise.sante.example");
            assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
            assertThat(received.header("X-Forwarded-Port")).isEqualTo("443");
            assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
            assertThat(received.header("Forwarded")).isNull();
            assertThat(received.headers().get("X-forwarded-host")).hasSize(1);
            assertThat(received.headers().toString())
                    .doesNotContain("evil.example")
                    .doesNotContain("6.6.6.6");
        }
    }

    @Test
    void theGatewaysOwnDocumentsNameThePublicAddressNeverTheClientsHost() throws Exception {
        for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config")) {
            String answer = rawExchange("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\n"
                    + "X-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 200").doesNotContain("evil.example");
        }
        assertThat(rawExchange("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"))
                .contains("https://crise.sante.example");
    }

    /** Sends {@code request} as it is on a new connection and returns the whole answer. */
    private String rawExchange(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void requestsWithoutAValidTokenNeverReachAService() {
        int before = INCIDENTS.received.size();
        for (String token : List.of("", "garbage", TestTokens.forged("ars-hdf", "FR-HDF", "ars-staff"))) {
            Response response = api.get("/api/incidents", token.isEmpty() ? null : token);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        String wrongAudience = TestTokens.sign(TestTokens.claims("ars-hdf", "ARS", "FR-HDF", "ars-staff")
                .audience("other-api")
                .build());
        assertThat(api.get("/api/incidents", wrongAudience).status()).isEqualTo(401);
        assertThat(INCIDENTS.received.size()).isEqualTo(before);
    }

    @Test
    void publicRoutesAndHealthNeedNoToken() {
        Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        // the public routes go to notification-service, which is down in this test: the breaker answers, not 401
        Response feed = api.get("/feeds/communiques.atom", null);
        assertThat(feed.status()).isEqualTo(503);
        assertThat(api.get("/api/public/communiques", null).status()).isEqualTo(503);
    }

    @Test
    void aPrincipalOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
        String token = user();
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/incidents", token).status()).isEqualTo(200);
        }
        Response limited = api.get("/api/incidents", token);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(api.get("/api/incidents", user()).status()).isEqualTo(200);
    }

    @Test
    void theConsoleIsReachedWithoutATokenUnderItsOwnPerAddressLimitApartFromThePublicRoutes() throws Exception {
        for (int i = 0; i < 4; i++) {
            Response page = consolePage("/console/regions/FR-HDF", true);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("console");
            // the console writes its own security policy: the gateway's (form-action 'self', which would stop the
            // sign-out's redirect to Keycloak) is not added to its pages, as it is to everything else
            assertThat(page.header("Content-Security-Policy")).isNull();
        }
        assertThat(CONSOLE.last().path()).isEqualTo("/console/regions/FR-HDF");
        assertThat(CONSOLE.last().header("Authorization")).isNull();
        assertThat(api.get("/api/incidents/abc/history", user()).header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("form-action 'none'");
        Response limited = consolePage("/console/", true);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        // the public routes' bucket of the same address is untouched: their call is not refused as too many
        assertThat(api.get("/api/public/communiques", null).status()).isNotEqualTo(429);
    }

    @Test
    void oversizedBodiesAre413WhetherDeclaredOrStreamed() throws Exception {
        int before = INCIDENTS.received.size();
        Response declared = api.post("/api/incidents", user(), "{\"title\": \"" + "x".repeat(2000) + "\"}");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.isProblem()).isTrue();

        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents"))
                                .header("Authorization", "Bearer " + user())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatingStream(4096)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(INCIDENTS.received.stream().skip(before).noneMatch(r -> r.bodyBytes() > 1024))
                .isTrue();

        // a streamed body within the limit reaches the service whole
        HttpResponse<String> smallChunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents/chunked"))
                                .header("Authorization", "Bearer " + user())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatingStream(1000)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(smallChunked.statusCode()).isEqualTo(200);
        assertThat(INCIDENTS.last().path()).isEqualTo("/api/incidents/chunked");
        assertThat(INCIDENTS.last().bodyBytes()).isEqualTo(1000);

        assertThat(api.post("/api/incidents", user(), "{\"title\": \"ok\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aDownServiceIsAFast503Problem() {
        long start = System.nanoTime();
        Response response = api.get("/api/communiques", user());
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asText()).contains("notification-service");
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBurstOfConcurrentCallsAllReachTheServiceInsteadOfBeingTurnedAway() throws Exception {
        REGIONS.delays.put("/api/national/impact", 400L);
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            calls.add(client.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/national/impact"))
                            .header("Authorization", "Bearer " + user())
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = calls.stream()
                .map(CompletableFuture::join)
                .map(HttpResponse::statusCode)
                .toList();
        REGIONS.delays.remove("/api/national/impact");
        assertThat(statuses).hasSize(60).containsOnly(200);
    }

    @Test
    void aSlowServiceTimesOutIntoA503() {
        INCIDENTS.delays.put("/api/incidents/slow", 3000L);
        Response response = api.get("/api/incidents/slow", user());
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void consoleRequestsWithoutTheSessionCookieHaveATighterBucketOfTheirOwn() throws Exception {
        // two without the cookie (a visitor not signed in: the way to the sign-in page), then refused...
        assertThat(consolePage("/console/a", false).status()).isEqualTo(200);
        assertThat(consolePage("/console/b", false).status()).isEqualTo(200);
        Response limited = consolePage("/console/c", false);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        // ...while the public routes' allowance of the same address is untouched
        assertThat(api.get("/api/public/communiques", null).status()).isNotEqualTo(429);
    }

    @Test
    void swaggerUiHasAPolicyOfItsOwnWithoutInlineScripts() {
        Response page = api.get("/swagger-ui/index.html", null);
        String policy = page.header("Content-Security-Policy");
        assertThat(policy)
                .contains("script-src 'self';")
                .doesNotContain("script-src 'self' 'unsafe-inline'")
                .contains("connect-src 'self' https://auth.sante.example")
                .contains("frame-ancestors 'none'");
        assertThat(api.get("/feeds/communiques.atom", null).header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }

    /** A console page, with or without a session cookie (the gateway cannot tell a real one from a made-up one). */
    private Response consolePage(String path, boolean withSessionCookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (withSessionCookie) {
            request.header("Cookie", "ARS_CONSOLE_SESSION=" + UUID.randomUUID());
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null),
                response.headers(),
                response.body());
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        String token = user();
        List<Response> responses = List.of(
                api.get("/api/incidents", token), api.get("/api/incidents", null), api.get("/api/communiques", token));
        for (Response response : responses) {
            assertThat(response.header("X-Content-Type-Options"))
                    .as(response.toString())
                    .isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("X-Correlation-Id")).isNotBlank();
        }
    }

    @Test
    void correlationIdAndTraceContextReachTheService() throws Exception {
        String token = user();
        api.get("/api/incidents/trace-1", token);
        StubBackend.Received generated = INCIDENTS.last();
        assertThat(generated.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
        assertThat(generated.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        // the gateway's own answers (here a refusal, before any service) carry it too
        Response refused = api.get("/api/incidents/trace-0", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().allValues("X-Correlation-Id")).hasSize(1);

        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents/trace-2"))
                                .header("Authorization", "Bearer " + token)
                                .header("X-Correlation-Id", "client-42")
                                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("client-42");
        StubBackend.Received continued = INCIDENTS.last();
        assertThat(continued.header("X-Correlation-Id")).isEqualTo("client-42");
        assertThat(continued.header("traceparent"))
                .startsWith("00-" + traceId + "-")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void pathsTheServerRefusesAreProblemsAndNeverReachAService() throws Exception {
        int before = INCIDENTS.received.size();
        for (String path : List.of(
                "/api/incidents/..%2F..%2Fetc%2Fpasswd/history",
                "/api/incidents/%00/history", "/api/incidents/a%5Cb", "/api/incidents/a;b/history")) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + user())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .get()
                    .asString()
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":400");
        }
        assertThat(INCIDENTS.received.size()).isEqualTo(before);
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String origin : List.of("https://cellule.sante.gouv.fr", "https://evil.example")) {
            HttpResponse<String> preflight = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/incidents"))
                            .header("Origin", origin)
                            .header("Access-Control-Request-Method", "POST")
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (origin.contains("sante.gouv.fr")) {
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                        .contains(origin);
            } else {
                assertThat(preflight.statusCode()).isEqualTo(403);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                        .isEmpty();
            }
        }
    }

    /** A body of unknown length (sent chunked). */
    private static final class RepeatingStream extends InputStream {
        private int left;

        RepeatingStream(int bytes) {
            this.left = bytes;
        }

        @Override
        public int read() throws IOException {
            return left-- > 0 ? 'x' : -1;
        }
    }
}
