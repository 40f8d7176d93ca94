package fr.ars.coord.gateway.routing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Sends a call to one of the service's instances, and to the next when it cannot be had there:
 * <ul>
 *   <li>a connection refused or not made: the instance never saw the call, which is tried on the next one,
 *       whatever its method;</li>
 *   <li>a connection cut before any answer: the instance may have acted, so only a call safe to repeat goes on to
 *       the next one: {@code GET}, {@code HEAD}, or a write carrying an {@code Idempotency-Key} on a path whose
 *       service honours the key ({@code idempotent-paths} of the route: the service records it once whatever the
 *       number of tries; elsewhere a key changes nothing, and a second try could record the write twice);</li>
 *   <li>no answer within the route's timeout: not repeated (the instance is busy, not gone).</li>
 * </ul>
 * The instance that failed is left out of the next calls. What is not tried again reaches the route's breaker as
 * before. The request body was read whole by the gateway, so it can be sent again.
 */
final class InstanceFailover implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(InstanceFailover.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD");

    private final ServiceInstances instances;
    private final RequestPredicate honoursIdempotencyKey;

    /** {@code honoursIdempotencyKey}: the requests whose service records a keyed write once (none when null). */
    InstanceFailover(ServiceInstances instances, RequestPredicate honoursIdempotencyKey) {
        this.instances = instances;
        this.honoursIdempotencyKey = honoursIdempotencyKey;
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        List<URI> order = instances.order();
        boolean repeatable = SAFE.contains(request.method().name())
                || (request.headers().firstHeader("Idempotency-Key") != null
                        && honoursIdempotencyKey != null
                        && honoursIdempotencyKey.test(request));
        RuntimeException last = null;
        for (int attempt = 0; attempt < order.size(); attempt++) {
            URI target = order.get(attempt);
            MvcUtils.setRequestUrl(request, target);
            rewind(request);
            try {
                return next.handle(request);
            } catch (ResourceAccessException | UncheckedIOException e) {
                Failure failure = failure(e);
                if (failure == Failure.TIMEOUT) {
                    throw e;
                }
                instances.failed(target);
                last = e;
                boolean another = attempt + 1 < order.size();
                if (!another || (failure == Failure.CUT && !repeatable)) {
                    throw e;
                }
                log.info(
                        "{} at {} {} ({}): {} {} tried on {}",
                        instances.service(),
                        target,
                        failure == Failure.REFUSED ? "refused the connection" : "cut it before answering",
                        e.getMessage(),
                        request.method(),
                        request.path(),
                        order.get(attempt + 1));
            }
        }
        throw last;
    }

    /** How a call failed: never reached the instance, cut after it was sent, or no answer in time. */
    enum Failure {
        REFUSED,
        CUT,
        TIMEOUT
    }

    static Failure failure(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
                return Failure.REFUSED;
            }
            if (cause instanceof SocketTimeoutException) {
                return Failure.TIMEOUT;
            }
            if (cause instanceof NoHttpResponseException || cause instanceof SocketException) {
                return Failure.CUT;
            }
            if (cause instanceof InterruptedIOException) {
                return Failure.TIMEOUT;
            }
        }
        return e.getCause() instanceof IOException ? Failure.CUT : Failure.TIMEOUT;
    }

    /** The body read whole by the gateway, from its start again for another try. */
    private static void rewind(ServerRequest request) {
        try {
            var in = request.servletRequest().getInputStream();
            if (in.markSupported()) {
                in.reset();
            }
        } catch (IOException | IllegalStateException e) {
            // a body that cannot be read again is sent once: the first try read nothing of it yet
        }
    }
}
