package fr.ars.coord.notification.channel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.ObjectMapper;

/**
 * POSTs an event (a publication, an obligation reminder) to a subscriber with {@code X-ARS-Event} (its type, as in
 * the body's {@code event}), {@code X-ARS-Delivery-Id} (stable across retries, for the receiver to drop repeats) and
 * {@code X-ARS-Signature: sha256=<hex>}, the HMAC-SHA256 of the exact body bytes under the subscription's secret.
 * <p>
 * Each attempt resolves the target's name once, through {@link WebhookTargets#resolve}, which checks every address,
 * and connects to those addresses only: the HTTP client's own name resolution answers them and nothing else, so a
 * name re-pointed between the check and the connection (DNS rebinding) reaches nothing it was not checked for. The
 * URL's host name stays what the request names: the {@code Host} header, and for {@code https} the TLS server name
 * (SNI) and the certificate's host name verification. Nothing is reused from one attempt to the next (no
 * connection, no redirect followed, no proxy, no retry by the client), and an attempt gives up after the timeout as
 * a whole. An outcome names only the status or the kind of failure, never what the other side said.
 */
public class WebhookSender {

    public static final String DELIVERY_ID = "X-ARS-Delivery-Id";
    public static final String SIGNATURE = "X-ARS-Signature";
    public static final String EVENT = "X-ARS-Event";

    private static final ContentType JSON = ContentType.create("application/json");

    private final ObjectMapper json;
    private final Duration timeout;
    private final WebhookTargets targets;
    private final SSLContext tls;

    public WebhookSender(ObjectMapper json, Duration timeout, WebhookTargets targets) {
        this(json, timeout, targets, defaultTls());
    }

    /** With {@code tls} trusting other certificates than the JVM's (tests). */
    WebhookSender(ObjectMapper json, Duration timeout, WebhookTargets targets, SSLContext tls) {
        this.json = json;
        this.timeout = timeout;
        this.targets = targets;
        this.tls = tls;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome as text: "HTTP 204", or the failure; {@code true} only for a 2xx answer. */
    public Result send(WebhookSubscription subscription, PublicationPayload payload) {
        return send(subscription, payload.deliveryId(), payload.event(), payload);
    }

    public Result send(WebhookSubscription subscription, ReminderPayload payload) {
        return send(subscription, payload.deliveryId(), payload.event(), payload);
    }

    private Result send(WebhookSubscription subscription, String deliveryId, String event, Object payload) {
        URI url;
        WebhookTargets.Resolution target;
        try {
            url = URI.create(subscription.url());
            target = targets.resolve(url);
        } catch (RuntimeException e) {
            return new Result(false, "refused: the target is not an allowed address");
        }
        if (target.refusal().isPresent()) {
            return new Result(false, "refused: the target is not an allowed address");
        }
        if (target.addresses().isEmpty()) {
            return new Result(false, "connection failed");
        }
        AtomicBoolean late = new AtomicBoolean();
        HttpPost post = new HttpPost(url);
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(
                () -> {
                    late.set(true);
                    post.cancel();
                },
                CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
        CloseableHttpClient http = client(target.host(), target.addresses());
        try {
            byte[] body = json.writeValueAsBytes(payload);
            post.setHeader(DELIVERY_ID, deliveryId);
            post.setHeader(EVENT, event);
            post.setHeader(SIGNATURE, "sha256=" + sign(subscription.secret(), body));
            post.setEntity(new ByteArrayEntity(body, JSON));
            ClassicHttpResponse response = http.executeOpen(null, post, null);
            int status = response.getCode();
            // what the receiver sends after its status is not read: the connection is dropped, then the response
            // closed (closing it first would read the rest)
            post.cancel();
            try {
                response.close();
            } catch (IOException | RuntimeException afterTheStatus) {
                // the connection is gone already
            }
            return new Result(status / 100 == 2, "HTTP " + status);
        } catch (SSLException e) {
            return new Result(false, late.get() ? "timed out" : "TLS handshake failed");
        } catch (InterruptedIOException e) {
            // a connect or read timeout, or the attempt cancelled at its deadline
            return new Result(false, "timed out");
        } catch (IOException e) {
            return new Result(false, late.get() ? "timed out" : "connection failed");
        } catch (RuntimeException e) {
            return new Result(false, late.get() ? "timed out" : "not sent");
        } finally {
            deadline.cancel(false);
            http.close(CloseMode.IMMEDIATE);
        }
    }

    /**
     * A client for one attempt: it connects to {@code addresses} when asked for {@code host}, and resolves no other
     * name.
     */
    private CloseableHttpClient client(String host, List<InetAddress> addresses) {
        DnsResolver checkedAddresses = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) throws UnknownHostException {
                if (!sameHost(name, host)) {
                    throw new UnknownHostException("not the checked host");
                }
                return addresses.toArray(InetAddress[]::new);
            }

            @Override
            public List<InetSocketAddress> resolve(String name, int port) throws UnknownHostException {
                return Arrays.stream(resolve(name))
                        .map(address -> new InetSocketAddress(address, port))
                        .toList();
            }

            @Override
            public String resolveCanonicalHostname(String name) {
                return name;
            }
        };
        Timeout limit = Timeout.of(timeout);
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE,
                checkedAddresses,
                RegistryBuilder.<TlsSocketStrategy>create()
                        .register(URIScheme.HTTPS.id, new DefaultClientTlsStrategy(tls))
                        .build(),
                null);
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(limit)
                .setSocketTimeout(limit)
                .build());
        connections.setSocketConfig(SocketConfig.custom().setSoTimeout(limit).build());
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setConnectionReuseStrategy((request, response, context) -> false)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    private static boolean sameHost(String asked, String checked) {
        String name = asked.startsWith("[") && asked.endsWith("]") ? asked.substring(1, asked.length() - 1) : asked;
        return name.equalsIgnoreCase(checked);
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

    public record Result(boolean delivered, String outcome) {}
}
