package fr.ars.coord.platform.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent webhook subscriber: it checks each signature with its own HMAC code and records every request.
 * It answers {@code status} (200 by default), after {@code answerAfterMillis} if set.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String deliveryId, String body, boolean signatureValid) {}

    private final HttpServer server;
    private final String secret;
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public volatile int status = 200;
    public volatile long answerAfterMillis;

    public WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst("X-ARS-Delivery-Id"),
                    new String(body, StandardCharsets.UTF_8),
                    verify(body, exchange.getRequestHeaders().getFirst("X-ARS-Signature"))));
            try {
                Thread.sleep(answerAfterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Distinct delivery ids received: publications, once repeats are dropped. */
    public long distinctDeliveries() {
        return received.stream().map(Received::deliveryId).distinct().count();
    }

    /** Distinct delivery ids received about one communiqué (or incident): those whose body names it. */
    public long receivedFor(String communiqueId) {
        return received.stream()
                .filter(r -> r.body().contains(communiqueId))
                .map(Received::deliveryId)
                .distinct()
                .count();
    }

    private boolean verify(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(body), HexFormat.of().parseHex(header.substring(7)));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
