package fr.ars.coord.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's live streams through the gateway, in front of a console that streams server-sent events: each event
 * reaches the page when the console writes it (not when the stream ends), and beyond the streams allowed the gateway
 * refuses more while the console's pages and the API go on.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ars.gateway.live.concurrent=2"})
@Import(TestJwtConfiguration.class)
class LiveLaneIT {

    static final StubBackend OTHERS = new StubBackend("other");
    static final StreamingConsole CONSOLE = new StreamingConsole();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("CONSOLE_URL", CONSOLE::url);
        registry.add("INCIDENT_SERVICE_URL", OTHERS::url);
        registry.add("REGION_SERVICE_URL", OTHERS::url);
        registry.add("NOTIFICATION_SERVICE_URL", OTHERS::url);
    }

    @AfterAll
    static void stop() {
        CONSOLE.server.stop(0);
    }

    @LocalServerPort
    int port;

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void eachEventReachesThePageWhenTheConsoleWritesItNotWhenTheStreamEnds() throws Exception {
        try (Live live = open()) {
            assertThat(live.status).isEqualTo(200);
            assertThat(live.contentType).startsWith("text/event-stream");
            assertThat(live.nextLine(Duration.ofSeconds(10))).isEqualTo("id:1");
            assertThat(live.nextLine(Duration.ofSeconds(5))).isEqualTo("event:changed");
            // the console holds the stream open: the first event came through all the same
            CONSOLE.next.countDown();
            assertThat(live.untilLine("id:2", Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void beyondTheStreamsAllowedTheGatewayRefusesMoreWhileThePagesAndTheApiGoOn() throws Exception {
        try (Live first = open();
                Live second = open()) {
            assertThat(first.nextLine(Duration.ofSeconds(10))).isEqualTo("id:1");
            assertThat(second.nextLine(Duration.ofSeconds(10))).isEqualTo("id:1");

            HttpResponse<String> refused =
                    client.send(request("/console/live/changes").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            HttpResponse<String> page =
                    client.send(request("/console/incidents").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        }
        // the streams closed, their places free again (the console sees the gateway's connections close)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            try (Live again = open()) {
                status = again.status;
            }
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).isEqualTo(200);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream")
                .header("Cookie", "ARS_CONSOLE_SESSION=live-test");
    }

    private Live open() throws Exception {
        return new Live(port);
    }

    /**
     * A stream as a browser reads it, on a socket of its own (closing it is the page going away): its status, its
     * content type, then its lines as they come.
     */
    static final class Live implements AutoCloseable {
        final int status;
        final String contentType;
        private final Socket socket;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Live(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.getOutputStream()
                    .write(("GET /console/live/changes HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                                    + "Cookie: ARS_CONSOLE_SESSION=live-test\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            status = Integer.parseInt(statusLine.split(" ")[1]);
            String type = "";
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    type = header.substring("content-type:".length()).strip();
                }
            }
            contentType = type;
            Thread reader = new Thread(() -> {
                try {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        // chunk sizes and blank lines aside: the event's lines
                        if (line.startsWith("id:") || line.startsWith("event:") || line.startsWith("data:")) {
                            lines.add(line);
                        }
                    }
                } catch (IOException closed) {
                    // closed by the test
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String nextLine(Duration wait) throws InterruptedException {
            return lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean untilLine(String expected, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                if (expected.equals(lines.poll(100, TimeUnit.MILLISECONDS))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * Stands in for the console: {@code /console/live/changes} writes one event at once, a second when the test
     * says, and holds the stream open with comments (as a page's stream is while nothing changes) until its reader
     * goes; any other path answers a page.
     */
    static final class StreamingConsole {
        final HttpServer server;
        volatile CountDownLatch next = new CountDownLatch(1);

        StreamingConsole() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (!exchange.getRequestURI().getPath().equals("/console/live/changes")) {
                    byte[] page = "<html><body>page</body></html>".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                    return;
                }
                // as Tomcat writes a Spring SseEmitter's answer
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream;charset=UTF-8");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                try {
                    event(out, 1);
                    boolean second = false;
                    // held open, a comment now and then (the console's heartbeat), until the reader goes: a write
                    // is how a stream whose reader went is found out
                    for (int i = 0; i < 600; i++) {
                        if (!second && next.getCount() == 0) {
                            event(out, 2);
                            second = true;
                        } else {
                            out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException gone) {
                    // the reader went
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        private static void event(OutputStream out, int id) throws IOException {
            out.write(("id:" + id + "\nevent:changed\ndata:changed\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
