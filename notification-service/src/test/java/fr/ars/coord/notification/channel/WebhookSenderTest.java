package fr.ars.coord.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import fr.ars.coord.contracts.communique.CommuniqueScope;
import fr.ars.coord.contracts.region.Region;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;

/**
 * A delivery connects to the address its target check accepted, never to a second answer for the name (DNS
 * rebinding): 127.0.0.2 stands for the subscriber's public address, and an internal service listens on 127.0.0.1 at
 * the same port. The URL names {@code localhost}, which the system resolves to 127.0.0.1: a client resolving the name
 * again would reach the internal service.
 */
class WebhookSenderTest {

    private static final String SECRET = "9f2c4e6a8b1d3f5e7a9c0b2d4f6e8a1c";
    private static final InetAddress PUBLIC = address("127.0.0.2");
    private static final InetAddress INTERNAL = address("127.0.0.1");
    private static final String PASSWORD = "receiver";

    @TempDir
    static Path folder;

    private static KeyStore receiverKey;

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate for {@code receiver.example} only, made by the JDK's keytool. */
    @BeforeAll
    static void certificate() throws Exception {
        Path store = folder.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "receiver",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=receiver.example",
                        "-ext",
                        "SAN=dns:receiver.example",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(output).isZero();
        receiverKey = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            receiverKey.load(in, PASSWORD.toCharArray());
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /** Answers {@link #PUBLIC} to the first {@code honest} lookups, then {@link #INTERNAL}. */
    private static final class Rebinding implements WebhookTargets.Resolver {
        final AtomicInteger lookups = new AtomicInteger();
        final int honest;

        Rebinding(int honest) {
            this.honest = honest;
        }

        @Override
        public InetAddress[] resolve(String host) {
            return new InetAddress[] {lookups.incrementAndGet() <= honest ? PUBLIC : INTERNAL};
        }
    }

    record Request(String host, String deliveryId, String signature, String body, List<String> serverNames) {}

    /** The subscriber, on {@link #PUBLIC}. */
    private final class Subscriber {
        final List<Request> requests = new CopyOnWriteArrayList<>();
        final HttpServer server;

        Subscriber(int port, boolean tls) throws Exception {
            server = tls
                    ? HttpsServer.create(new InetSocketAddress(PUBLIC, port), 0)
                    : HttpServer.create(new InetSocketAddress(PUBLIC, port), 0);
            if (tls) {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(receiverKey, PASSWORD.toCharArray());
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), null, null);
                ((HttpsServer) server).setHttpsConfigurator(new HttpsConfigurator(context));
            }
            server.createContext("/hook", this::handle);
            server.start();
            open.add(() -> server.stop(0));
        }

        private void handle(HttpExchange exchange) throws IOException {
            List<String> names = List.of();
            if (exchange instanceof HttpsExchange secure
                    && secure.getSSLSession() instanceof ExtendedSSLSession session) {
                names = session.getRequestedServerNames().stream()
                        .map(name -> ((SNIHostName) name).getAsciiName())
                        .toList();
            }
            requests.add(new Request(
                    exchange.getRequestHeaders().getFirst("Host"),
                    exchange.getRequestHeaders().getFirst(WebhookSender.DELIVERY_ID),
                    exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    names));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }

        int port() {
            return server.getAddress().getPort();
        }
    }

    /** The platform's own service, on {@link #INTERNAL}: counts every connection it accepts. */
    private final class InternalService {
        final AtomicInteger connections = new AtomicInteger();

        InternalService(int port) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(INTERNAL, port));
            open.add(socket);
            Thread accepting = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket accepted = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }
    }

    /** A subscriber on {@link #PUBLIC} and an internal service on {@link #INTERNAL}, at one port. */
    private Object[] subscriberAndInternalService(boolean tls) throws Exception {
        for (int attempt = 0; ; attempt++) {
            Subscriber subscriber = new Subscriber(0, tls);
            try {
                return new Object[] {subscriber, new InternalService(subscriber.port())};
            } catch (BindException taken) {
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
    }

    private static WebhookSubscription subscription(String url) {
        return new WebhookSubscription("s-1", url, SECRET, List.of(), Instant.now(), "national", List.of(), null);
    }

    private static PublicationPayload payload(String deliveryId) {
        return new PublicationPayload(
                deliveryId,
                new PublicationPayload.Communique(
                        "c-1",
                        CommuniqueScope.REGIONAL,
                        Region.of("FR-HDF"),
                        null,
                        "Titre",
                        "Texte",
                        List.of(),
                        Instant.parse("2025-11-22T10:00:00Z"),
                        null,
                        "https://example.org/api/public/communiques/c-1",
                        "https://example.org/public/communiques/c-1",
                        null));
    }

    private static SSLContext trusting(KeyStore store) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void connectsToTheAddressItCheckedNeverToASecondAnswerForTheName() throws Exception {
        Object[] pair = subscriberAndInternalService(false);
        Subscriber subscriber = (Subscriber) pair[0];
        InternalService internal = (InternalService) pair[1];
        // honest to the check at subscription and to the attempt's own check, re-pointed to 127.0.0.1 from then on
        Rebinding dns = new Rebinding(2);
        WebhookTargets targets = new WebhookTargets(false, List.of(PUBLIC.getHostAddress() + "/32"), dns);
        WebhookSender sender = new WebhookSender(new ObjectMapper(), Duration.ofSeconds(5), targets);
        String url = "http://localhost:" + subscriber.port() + "/hook";
        assertThat(targets.refusal(URI.create(url))).as("at subscription").isEmpty();

        WebhookSender.Result first = sender.send(subscription(url), payload("d-1"));
        Thread.sleep(200);
        assertThat(internal.connections)
                .as("connections reaching the internal service")
                .hasValue(0);
        assertThat(first.outcome()).isEqualTo("HTTP 204");
        assertThat(first.delivered()).isTrue();
        assertThat(dns.lookups).as("the name resolved once for the attempt").hasValue(2);
        assertThat(subscriber.requests).hasSize(1);
        Request received = subscriber.requests.get(0);
        assertThat(received.host())
                .as("the URL's host name, not the address")
                .isEqualTo("localhost:" + subscriber.port());
        assertThat(received.deliveryId()).isEqualTo("d-1");
        assertThat(received.signature())
                .isEqualTo(
                        "sha256=" + WebhookSender.sign(SECRET, received.body().getBytes(StandardCharsets.UTF_8)));

        // the next attempt's check gets 127.0.0.1: refused, nothing sent anywhere
        WebhookSender.Result second = sender.send(subscription(url), payload("d-2"));
        assertThat(second.delivered()).isFalse();
        assertThat(second.outcome()).startsWith("refused");
        assertThat(subscriber.requests).hasSize(1);
        Thread.sleep(200);
        assertThat(internal.connections)
                .as("connections reaching the internal service")
                .hasValue(0);
    }

    @Test
    void aNameAnsweringAnInternalAddressAmongPublicOnesReachesNothing() throws Exception {
        Object[] pair = subscriberAndInternalService(false);
        Subscriber subscriber = (Subscriber) pair[0];
        InternalService internal = (InternalService) pair[1];
        WebhookTargets targets = new WebhookTargets(
                false, List.of(PUBLIC.getHostAddress() + "/32"), host -> new InetAddress[] {PUBLIC, INTERNAL});
        WebhookSender sender = new WebhookSender(new ObjectMapper(), Duration.ofSeconds(5), targets);
        WebhookSender.Result result =
                sender.send(subscription("http://localhost:" + subscriber.port() + "/hook"), payload("d-3"));
        assertThat(result.outcome()).startsWith("refused");
        Thread.sleep(200);
        assertThat(subscriber.requests).isEmpty();
        assertThat(internal.connections).hasValue(0);
    }

    @Test
    void overTlsTheUrlsHostNameIsTheServerNameAndTheNameTheCertificateIsCheckedFor() throws Exception {
        Object[] pair = subscriberAndInternalService(true);
        Subscriber subscriber = (Subscriber) pair[0];
        InternalService internal = (InternalService) pair[1];
        Rebinding dns = new Rebinding(2);
        WebhookTargets targets = new WebhookTargets(true, List.of(PUBLIC.getHostAddress() + "/32"), dns);
        SSLContext trustingTheSubscriber = trusting(receiverKey);
        WebhookSender sender =
                new WebhookSender(new ObjectMapper(), Duration.ofSeconds(5), targets, trustingTheSubscriber);
        String url = "https://receiver.example:" + subscriber.port() + "/hook";
        assertThat(targets.refusal(URI.create(url))).isEmpty();

        WebhookSender.Result result = sender.send(subscription(url), payload("d-4"));
        assertThat(result.outcome()).isEqualTo("HTTP 204");
        assertThat(dns.lookups).hasValue(2);
        assertThat(subscriber.requests).hasSize(1);
        assertThat(subscriber.requests.get(0).serverNames()).as("SNI").containsExactly("receiver.example");
        assertThat(subscriber.requests.get(0).host()).isEqualTo("receiver.example:" + subscriber.port());

        // the same address under another name: the certificate does not name it, nothing is sent
        WebhookTargets otherName =
                new WebhookTargets(true, List.of(PUBLIC.getHostAddress() + "/32"), host -> new InetAddress[] {PUBLIC});
        WebhookSender.Result mismatch = new WebhookSender(
                        new ObjectMapper(), Duration.ofSeconds(5), otherName, trustingTheSubscriber)
                .send(subscription("https://other.example:" + subscriber.port() + "/hook"), payload("d-5"));
        assertThat(mismatch.outcome()).isEqualTo("TLS handshake failed");
        // a certificate the JVM does not trust
        WebhookSender.Result untrusted = new WebhookSender(new ObjectMapper(), Duration.ofSeconds(5), otherName)
                .send(subscription("https://receiver.example:" + subscriber.port() + "/hook"), payload("d-6"));
        assertThat(untrusted.outcome()).isEqualTo("TLS handshake failed");
        assertThat(subscriber.requests).hasSize(1);
        assertThat(internal.connections).hasValue(0);
    }

    @Test
    void anIpv6AddressWrittenInTheUrlIsConnectedToAsWritten() throws Exception {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("::1"), 0), 0);
        } catch (IOException noIpv6) {
            Assumptions.abort("no IPv6 loopback here");
            return;
        }
        List<String> hosts = new CopyOnWriteArrayList<>();
        server.createContext("/hook", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        WebhookTargets targets = new WebhookTargets(false, List.of("::1/128"), host -> {
            throw new AssertionError("an address literal is not looked up");
        });
        String url = "http://[0:0:0:0:0:0:0:1]:" + server.getAddress().getPort() + "/hook";
        WebhookSender.Result result = new WebhookSender(new ObjectMapper(), Duration.ofSeconds(5), targets)
                .send(subscription(url), payload("d-9"));
        assertThat(result.outcome()).isEqualTo("HTTP 202");
        assertThat(hosts)
                .containsExactly("[0:0:0:0:0:0:0:1]:" + server.getAddress().getPort());
    }

    /**
     * A receiver on {@link #PUBLIC} that writes {@code answer} {@code repeat} times, a byte every {@code pauseMillis},
     * then neither writes nor hangs up.
     */
    private int slowReceiver(String answer, long pauseMillis, int repeat) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(PUBLIC, 0));
        open.add(socket);
        Thread answering = new Thread(() -> {
            try (Socket accepted = socket.accept()) {
                accepted.getInputStream().read(new byte[8192]);
                OutputStream out = accepted.getOutputStream();
                for (int r = 0; r < repeat; r++) {
                    for (byte b : answer.getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        if (pauseMillis > 0) {
                            Thread.sleep(pauseMillis);
                        }
                    }
                }
                // then holds the connection open, sending nothing more, until the sender hangs up
                while (accepted.getInputStream().read() >= 0) {
                    // what the sender may still write
                }
            } catch (IOException | InterruptedException e) {
                // the sender hung up
            }
        });
        answering.setDaemon(true);
        answering.start();
        return socket.getLocalPort();
    }

    @Test
    void anAttemptEndsAtItsTimeoutHoweverSlowlyTheReceiverAnswers() throws Exception {
        // a header byte every 300 ms: no single read waits a whole second, the attempt as a whole does
        int port = slowReceiver("HTTP/1.1 204 No Content\r\nX-Slow: " + "x".repeat(100) + "\r\n\r\n", 300, 1);
        WebhookTargets targets =
                new WebhookTargets(false, List.of(PUBLIC.getHostAddress() + "/32"), host -> new InetAddress[] {PUBLIC});
        WebhookSender sender = new WebhookSender(new ObjectMapper(), Duration.ofSeconds(1), targets);
        long start = System.nanoTime();
        WebhookSender.Result result =
                sender.send(subscription("http://receiver.example:" + port + "/hook"), payload("d-7"));
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(result.outcome()).isEqualTo("timed out");
        assertThat(millis).isLessThan(3000);
    }

    @Test
    void whatFollowsTheStatusIsNotRead() throws Exception {
        int port = slowReceiver("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\n", 0, 1);
        WebhookTargets targets =
                new WebhookTargets(false, List.of(PUBLIC.getHostAddress() + "/32"), host -> new InetAddress[] {PUBLIC});
        WebhookSender sender = new WebhookSender(new ObjectMapper(), Duration.ofSeconds(2), targets);
        long start = System.nanoTime();
        WebhookSender.Result result =
                sender.send(subscription("http://receiver.example:" + port + "/hook"), payload("d-8"));
        assertThat(result.outcome()).isEqualTo("HTTP 200");
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(1500);
    }
}
