package fr.ars.coord.gateway;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clients that start a body and never finish it, bounded and local: they never count as a service's failure,
 * and while a flood of them is held open, health checks and authenticated callers keep getting answers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ars.gateway.uploads.body-timeout=2s",
            "ars.gateway.uploads.per-caller=4",
            "ars.gateway.uploads.anonymous=16",
            "ars.gateway.rate-limit.public-per-minute=100000",
            "ars.gateway.rate-limit.public-burst=100000",
            "ars.gateway.max-body-bytes=1024",
            "ars.gateway.services.console.max-body-bytes=512"
        })
@Import(TestJwtConfiguration.class)
class MisbehavingUploadsIT {

    static final StubBackend INCIDENTS = new StubBackend("incident-service");
    static final StubBackend NOTIFICATIONS = new StubBackend("notification-service");
    static final StubBackend CONSOLE = new StubBackend("console");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("CONSOLE_URL", CONSOLE::url);
        registry.add("INCIDENT_SERVICE_URL", INCIDENTS::url);
        registry.add("REGION_SERVICE_URL", INCIDENTS::url);
        registry.add("NOTIFICATION_SERVICE_URL", NOTIFICATIONS::url);
    }

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient("http://localhost:" + port);
    }

    private static String roleless() {
        return TestTokens.token("nobody-" + UUID.randomUUID(), "ARS", "FR-HDF");
    }

    @Test
    void abortedUploadsNeverReachTheServiceNorOpenItsBreaker() throws Exception {
        int received = INCIDENTS.received.size() + NOTIFICATIONS.received.size();
        for (int i = 0; i < 30; i++) {
            // one byte of a declared thousand, then gone: with a role-less token, and anonymously on a public path
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream()
                        .write(post(
                                        i % 2 == 0 ? "/api/incidents" : "/api/public/communiques",
                                        i % 2 == 0 ? roleless() : null,
                                        1000,
                                        "{")
                                .getBytes(US_ASCII));
                socket.getOutputStream().flush();
            }
        }
        Thread.sleep(300);
        assertThat(INCIDENTS.received.size() + NOTIFICATIONS.received.size()).isEqualTo(received);
        Response incidents =
                api.get("/api/incidents/after-aborts", TestTokens.token("ars-hdf", "ARS", "FR-HDF", "ars-staff"));
        assertThat(incidents.status()).as(incidents.toString()).isEqualTo(200);
        assertThat(api.get("/api/public/communiques", null).status()).isEqualTo(200);
    }

    @Test
    void aFloodOfStalledBodiesLeavesHealthAndAuthenticatedCallersServed() throws Exception {
        int flood = 200;
        List<Socket> sockets = new ArrayList<>();
        ConcurrentHashMap<Integer, Integer> answers = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(16);
        List<Future<?>> reads = new ArrayList<>();
        try {
            for (int i = 0; i < flood; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(15_000);
                sockets.add(socket);
                OutputStream out = socket.getOutputStream();
                out.write(post("/api/public/communiques", null, 1000, "{\"a\":").getBytes(US_ASCII));
                out.flush();
                reads.add(readers.submit(() -> {
                    int status = statusOf(socket);
                    answers.merge(status, 1, Integer::sum);
                }));
            }
            // while the flood is held open, everyone else is answered, and quickly
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            int checks = 0;
            while (System.nanoTime() < until) {
                long start = System.nanoTime();
                assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
                Response own = api.post(
                        "/api/incidents/" + UUID.randomUUID() + "/containment-actions",
                        TestTokens.token("ars-" + UUID.randomUUID(), "ARS", "FR-HDF", "ars-staff"),
                        "{\"action\": \"ACCOUNTS_BLOCKED\"}");
                assertThat(own.status()).as(own.toString()).isEqualTo(200);
                // answered, not held behind the flood (a bound loose enough for a loaded machine: the figure is the
                // benchmark's business)
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                        .isLessThan(3_000);
                checks++;
                Thread.sleep(100);
            }
            assertThat(checks).isGreaterThan(10);
            for (Future<?> read : reads) {
                read.get(20, TimeUnit.SECONDS);
            }
        } finally {
            readers.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        // beyond the cap, refused at once; the few admitted, refused when their time ran out
        assertThat(answers.getOrDefault(429, 0)).isGreaterThanOrEqualTo(flood - 16);
        assertThat(answers.getOrDefault(408, 0)).isBetween(1, 16);
        assertThat(answers.keySet()).containsOnly(429, 408);
    }

    @Test
    void aCallersSlotsAreForUploadsNotForTheCallsThatFollow() throws Exception {
        // twelve concurrent writes of one caller to a slow service: each body arrives at once, so none is refused
        // although only four uploads of a caller may be in flight
        INCIDENTS.delays.put("/api/incidents/slow/containment-actions", 700L);
        String token = TestTokens.token("ars-busy", "ARS", "FR-HDF", "ars-staff");
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(callers.submit(() -> api.post(
                                "/api/incidents/slow/containment-actions", token, "{\"action\": \"ACCOUNTS_BLOCKED\"}")
                        .status()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
            INCIDENTS.delays.remove("/api/incidents/slow/containment-actions");
        }
    }

    @Test
    void slowAnonymousUploadsToTheApiLeaveTheConsolesFormsTheirOwnSlots() throws Exception {
        // an address's anonymous slots on the API held by bodies that do not come (one byte of a thousand)
        List<Socket> stalled = stall(4, post("/api/public/communiques", null, 1000, "{"));
        try {
            // another anonymous upload to the API is refused...
            assertThat(exchange(post("/api/public/communiques", null, 2, "{}"))).isEqualTo(429);
            // ...but the console's form posts (a session cookie, no token) count in slots of their own
            int consoleCalls = CONSOLE.received.size();
            assertThat(exchange(consoleForm(8, "action=x"))).isEqualTo(200);
            assertThat(CONSOLE.received.size()).isEqualTo(consoleCalls + 1);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void slowConsoleUploadsDoNotTakeTheApisAnonymousSlots() throws Exception {
        List<Socket> stalled = stall(4, consoleForm(400, "a"));
        try {
            assertThat(exchange(consoleForm(8, "action=x"))).isEqualTo(429);
            assertThat(exchange(post("/api/public/communiques", null, 2, "{}"))).isEqualTo(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void theConsolesFormsHaveASmallBodyCapOfTheirOwn() throws Exception {
        String body = "x".repeat(600);
        HttpResponse<String> form = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/console/incidents/x/assessments"))
                                .header("Cookie", "ARS_CONSOLE_SESSION=" + UUID.randomUUID())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(413);
        // the API's routes keep the gateway's limit (1024 bytes here)
        Response api600 = api.post(
                "/api/incidents/x/containment-actions",
                TestTokens.token("ars-" + UUID.randomUUID(), "ARS", "FR-HDF", "ars-staff"),
                "{\"action\": \"" + "A".repeat(560) + "\"}");
        assertThat(api600.status()).isEqualTo(200);
    }

    /** {@code count} connections that send the start of {@code request} and then nothing, held open. */
    private List<Socket> stall(int count, String request) throws IOException, InterruptedException {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            stalled.add(socket);
            socket.getOutputStream().write(request.getBytes(US_ASCII));
            socket.getOutputStream().flush();
        }
        Thread.sleep(200);
        return stalled;
    }

    private static String consoleForm(int declaredLength, String bodyStart) {
        return "POST /console/incidents/x/containment-actions HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nCookie: ARS_CONSOLE_SESSION=abc\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n" + bodyStart;
    }

    /** Sends a whole request on a new connection; the answer's status. */
    private int exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(US_ASCII));
            socket.getOutputStream().flush();
            return statusOf(socket);
        }
    }

    private static String post(String path, String token, int declaredLength, String bodyStart) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: " + declaredLength + "\r\n\r\n" + bodyStart;
    }

    /** The status of the answer on {@code socket}, or -1 when it was closed without one. */
    private static int statusOf(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read = in.readNBytes(head, 0, head.length);
            return read < 12 ? -1 : Integer.parseInt(new String(head, 9, 3, US_ASCII));
        } catch (SocketTimeoutException e) {
            return -2;
        } catch (IOException e) {
            return -1;
        }
    }
}
