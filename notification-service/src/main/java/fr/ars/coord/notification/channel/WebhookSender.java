package fr.ars.coord.notification.channel;

import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs an event (a publication, an obligation reminder) to a subscriber with {@code X-ARS-Event} (its type, as in
 * the body's {@code event}), {@code X-ARS-Delivery-Id} (stable across retries, for the receiver to drop repeats) and {@code X-ARS-Signature: sha256=<hex>}, the HMAC-SHA256 of the exact body bytes under the
 * subscription's secret. The target is checked against {@link WebhookTargets} again right before each attempt,
 * and an outcome names only the status or the kind of failure, never what the other side said.
 */
public class WebhookSender {

    public static final String DELIVERY_ID = "X-ARS-Delivery-Id";
    public static final String SIGNATURE = "X-ARS-Signature";
    public static final String EVENT = "X-ARS-Event";

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final WebhookTargets targets;

    public WebhookSender(ObjectMapper json, Duration timeout, WebhookTargets targets) {
        this.json = json;
        this.timeout = timeout;
        this.targets = targets;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The outcome as text: "HTTP 204", or the failure; {@code true} only for a 2xx answer. */
    public Result send(WebhookSubscription subscription, PublicationPayload payload) {
        return send(subscription, payload.deliveryId(), payload.event(), payload);
    }

    public Result send(WebhookSubscription subscription, ReminderPayload payload) {
        return send(subscription, payload.deliveryId(), payload.event(), payload);
    }

    private Result send(WebhookSubscription subscription, String deliveryId, String event, Object payload) {
        URI url = URI.create(subscription.url());
        if (targets.refusal(url).isPresent()) {
            return new Result(false, "refused: the target is not an allowed address");
        }
        try {
            byte[] body = json.writeValueAsBytes(payload);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(DELIVERY_ID, deliveryId)
                    .header(EVENT, event)
                    .header(SIGNATURE, "sha256=" + sign(subscription.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Result(status / 100 == 2, "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        } catch (HttpTimeoutException e) {
            return new Result(false, "timed out");
        } catch (SSLException e) {
            return new Result(false, "TLS handshake failed");
        } catch (IOException e) {
            return new Result(false, "connection failed");
        } catch (RuntimeException e) {
            return new Result(false, "not sent");
        }
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Result(boolean delivered, String outcome) {
    }
}
