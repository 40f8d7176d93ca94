package fr.ars.coord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public lane in front of a stub service: a surge of readers of one page costs the service one call per period,
 * readers whose copy is current get 304 from the gateway, answers that may not be shared never are, and a public lane
 * that is full refuses public readers while the API goes on.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ars.gateway.public-traffic.concurrent=2",
            "ars.gateway.public-traffic.cache-for=1s",
            "ars.gateway.rate-limit.public-per-minute=100000",
            "ars.gateway.rate-limit.public-burst=100000"
        })
@Import(TestJwtConfiguration.class)
class PublicLaneIT {

    static final StubBackend NOTIFICATIONS = new StubBackend("notification-service");
    static final StubBackend OTHERS = new StubBackend("other");

    static final Map<String, String> SHARED = Map.of(
            "Cache-Control", "public, max-age=60, stale-while-revalidate=300",
            "ETag", "\"p7\"",
            "Last-Modified", "Sat, 05 Dec 2026 10:00:00 GMT");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("NOTIFICATION_SERVICE_URL", NOTIFICATIONS::url);
        registry.add("INCIDENT_SERVICE_URL", OTHERS::url);
        registry.add("REGION_SERVICE_URL", OTHERS::url);
        registry.add("CONSOLE_URL", OTHERS::url);
    }

    @LocalServerPort
    int port;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aSurgeOfReadersOfOnePageCostsTheServiceOneCall() {
        String path = "/public/regions/FR-HDF-" + UUID.randomUUID();
        NOTIFICATIONS.answerHeaders.put(path, SHARED);
        List<HttpResponse<String>> readings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            readings.add(get(path, Map.of()));
        }
        assertThat(NOTIFICATIONS.received(path)).isEqualTo(1);
        assertThat(readings).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(readings)
                .extracting(HttpResponse::body)
                .containsOnly(readings.get(0).body());
        HttpResponse<String> kept = readings.get(39);
        assertThat(kept.headers().firstValue("ETag")).hasValue("\"p7\"");
        assertThat(kept.headers().firstValue("Cache-Control")).hasValue(SHARED.get("Cache-Control"));
        assertThat(kept.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(kept.headers().firstValue("Age")).isPresent();
        assertThat(kept.headers().firstValue("Content-Length"))
                .hasValue(String.valueOf(kept.body().getBytes(StandardCharsets.UTF_8).length));
        // the gateway's own security headers are on the kept answers too
        assertThat(kept.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // another page, or the same with another query, is another answer
        assertThat(get(path + "?page=2", Map.of()).body()).isNotEqualTo(kept.body());
        assertThat(NOTIFICATIONS.received(path)).isEqualTo(2);
    }

    @Test
    void aReaderWhoseCopyIsCurrentGets304FromTheGateway() {
        String path = "/public/communiques/" + UUID.randomUUID();
        NOTIFICATIONS.answerHeaders.put(path, SHARED);
        assertThat(get(path, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> current = get(path, Map.of("If-None-Match", "W/\"p7\""));
        assertThat(current.statusCode()).isEqualTo(304);
        assertThat(current.body()).isEmpty();
        assertThat(current.headers().firstValue("ETag")).hasValue("\"p7\"");
        assertThat(get(path, Map.of("If-Modified-Since", "Sat, 05 Dec 2026 11:00:00 GMT"))
                        .statusCode())
                .isEqualTo(304);
        // an older copy gets the page
        assertThat(get(path, Map.of("If-None-Match", "\"p6\"")).statusCode()).isEqualTo(200);
        assertThat(get(path, Map.of("If-Modified-Since", "Sat, 05 Dec 2026 09:00:00 GMT"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(NOTIFICATIONS.received(path)).isEqualTo(1);
    }

    @Test
    void aReaderWithItsOwnCopyAsksTheServiceWhenNothingIsKept() {
        String path = "/feeds/" + UUID.randomUUID();
        NOTIFICATIONS.answerHeaders.put(path, SHARED);
        get(path, Map.of("If-None-Match", "\"p7\""));
        assertThat(NOTIFICATIONS.last().header("If-None-Match")).isEqualTo("\"p7\"");
        get(path, Map.of("If-None-Match", "\"p7\""));
        assertThat(NOTIFICATIONS.received(path)).isEqualTo(2);
    }

    @Test
    void answersThatMayNotBeSharedAreNeverKept() {
        Map<String, Map<String, String>> notShared = Map.of(
                "private", Map.of("Cache-Control", "private, max-age=60"),
                "no-store", Map.of("Cache-Control", "public, no-store, max-age=60"),
                "no-lifetime", Map.of("Cache-Control", "public"),
                "cookie", Map.of("Cache-Control", "public, max-age=60", "Set-Cookie", "s=1"),
                "varies", Map.of("Cache-Control", "public, max-age=60", "Vary", "Accept-Language"),
                "none", Map.of());
        notShared.forEach((name, headers) -> {
            String path = "/public/" + name + "-" + UUID.randomUUID();
            NOTIFICATIONS.answerHeaders.put(path, headers);
            HttpResponse<String> first = get(path, Map.of());
            HttpResponse<String> second = get(path, Map.of());
            assertThat(NOTIFICATIONS.received(path)).as(name).isEqualTo(2);
            assertThat(second.body()).as(name).isNotEqualTo(first.body());
        });
        // a caller with a token has the service's answer, never one kept for others
        String path = "/api/public/communiques/" + UUID.randomUUID();
        NOTIFICATIONS.answerHeaders.put(path, SHARED);
        get(path, Map.of());
        get(path, Map.of("Authorization", "Bearer " + TestTokens.national()));
        assertThat(NOTIFICATIONS.received(path)).isEqualTo(2);
    }

    @Test
    void anExpiredAnswerIsFetchedAgainByOneReaderWhileTheOthersHaveTheKeptCopy() throws Exception {
        String path = "/public/expiring-" + UUID.randomUUID();
        NOTIFICATIONS.answerHeaders.put(path, SHARED);
        String first = get(path, Map.of()).body();
        Thread.sleep(1_200);
        NOTIFICATIONS.delays.put(path, 800L);
        CompletableFuture<HttpResponse<String>> refreshing = send(path, Map.of());
        Thread.sleep(200);
        long start = System.nanoTime();
        HttpResponse<String> meanwhile = get(path, Map.of());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        assertThat(meanwhile.body()).isEqualTo(first);
        String refreshed = refreshing.join().body();
        NOTIFICATIONS.delays.remove(path);
        assertThat(refreshed).isNotEqualTo(first);
        assertThat(get(path, Map.of()).body()).isEqualTo(refreshed);
        assertThat(NOTIFICATIONS.received(path)).isEqualTo(2);
    }

    @Test
    void readersArrivingTogetherAtAPageNobodyReadYetCostTheServiceOneCall() {
        String path = "/public/nouveau-" + UUID.randomUUID();
        NOTIFICATIONS.answerHeaders.put(path, SHARED);
        NOTIFICATIONS.delays.put(path, 500L);
        List<CompletableFuture<HttpResponse<String>>> readers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            readers.add(send(path, Map.of()));
        }
        List<HttpResponse<String>> answered =
                readers.stream().map(CompletableFuture::join).toList();
        NOTIFICATIONS.delays.remove(path);
        assertThat(answered).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answered)
                .extracting(HttpResponse::body)
                .containsOnly(answered.get(0).body());
        assertThat(NOTIFICATIONS.received(path)).isEqualTo(1);
    }

    @Test
    void aFullPublicLaneTurnsPublicReadersAwayWhileTheApiGoesOn() throws Exception {
        String slow = "/public/slow-" + UUID.randomUUID() + "-";
        List<CompletableFuture<HttpResponse<String>>> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            NOTIFICATIONS.delays.put(slow + i, 1_500L);
            readers.add(send(slow + i, Map.of()));
        }
        Thread.sleep(300);
        // meanwhile the API answers at once, on connections of its own
        long start = System.nanoTime();
        HttpResponse<String> api = get("/api/communiques", Map.of("Authorization", "Bearer " + TestTokens.national()));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_000));
        List<HttpResponse<String>> answered =
                readers.stream().map(CompletableFuture::join).toList();
        assertThat(answered).filteredOn(r -> r.statusCode() == 200).hasSize(2);
        List<HttpResponse<String>> refused =
                answered.stream().filter(r -> r.statusCode() == 503).toList();
        assertThat(refused).hasSize(4);
        assertThat(refused.get(0).headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.get(0).headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long reached = 0;
        for (int i = 0; i < 6; i++) {
            reached += NOTIFICATIONS.received(slow + i);
        }
        assertThat(reached).isEqualTo(2);
    }

    @Test
    void aClientsConditionsGoToTheServiceAndNeverLeaveAConnectionBehind() {
        // services that ignore a condition answer 200 with their ETag: the answer goes on as it is, and its connection
        // back to the pool (more calls than the API's pool has connections, and than the public lane's)
        String api = "/api/incidents/etag-" + UUID.randomUUID();
        OTHERS.answerHeaders.put(api, Map.of("ETag", "\"x\"", "Last-Modified", "Sat, 05 Dec 2026 10:00:00 GMT"));
        String token = TestTokens.national();
        for (int i = 0; i < 220; i++) {
            HttpResponse<String> answer =
                    get(api, Map.of("Authorization", "Bearer " + token, "If-None-Match", i % 2 == 0 ? "*" : "\"x\""));
            assertThat(answer.statusCode()).as("call %d", i).isEqualTo(200);
        }
        assertThat(OTHERS.received(api)).isEqualTo(220);
        assertThat(OTHERS.last().header("If-None-Match")).isEqualTo("\"x\"");
        String page = "/public/etag-" + UUID.randomUUID();
        NOTIFICATIONS.answerHeaders.put(page, Map.of("ETag", "\"x\"", "Cache-Control", "no-cache"));
        for (int i = 0; i < 6; i++) {
            assertThat(get(page, Map.of("If-Match", "\"y\"")).statusCode()).isEqualTo(200);
            assertThat(get(page, Map.of("If-Modified-Since", "Sat, 05 Dec 2026 11:00:00 GMT"))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(NOTIFICATIONS.last().header("If-Modified-Since")).isEqualTo("Sat, 05 Dec 2026 11:00:00 GMT");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) {
        return send(path, headers).join();
    }

    private CompletableFuture<HttpResponse<String>> send(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
