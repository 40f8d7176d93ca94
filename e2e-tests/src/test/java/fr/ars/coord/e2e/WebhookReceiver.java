package fr.ars.coord.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A subscriber's endpoint: verifies each HMAC with its own code, records every request, answers slowly if told. */
final class WebhookReceiver implements AutoCloseable {

    record Received(String deliveryId, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final String secret;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile long answerAfterMillis;
    final CountDownLatch firstRequest = new CountDownLatch(1);

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-ARS-Delivery-Id"),
                    new String(body, StandardCharsets.UTF_8),
                    valid(body, exchange.getRequestHeaders().getFirst("X-ARS-Signature"))));
            firstRequest.countDown();
            try {
                Thread.sleep(answerAfterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    long distinct() {
        return received.stream().map(Received::deliveryId).distinct().count();
    }

    long receivedFor(String communiqueId) {
        return received.stream().filter(r -> r.body().contains(communiqueId)).map(Received::deliveryId).distinct().count();
    }

    private boolean valid(byte[] body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header != null && header.startsWith("sha256=")
                    && MessageDigest.isEqual(mac.doFinal(body), HexFormat.of().parseHex(header.substring(7)));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
