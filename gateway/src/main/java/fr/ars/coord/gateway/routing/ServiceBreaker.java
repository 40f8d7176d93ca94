package fr.ars.coord.gateway.routing;

import fr.ars.coord.gateway.web.Problems;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A route's circuit breaker. A service that cannot be reached or does not start answering within the route's
 * timeout gets a problem+json 503 with {@code Retry-After}, never a hanging request or a stack trace; when half
 * of its recent calls failed that way, the breaker opens and answers 503 at once, then lets a few calls probe.
 * An answer, whatever its status, is the service's own and is passed on as it is.
 */
final class ServiceBreaker implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger log = LoggerFactory.getLogger(ServiceBreaker.class);

    private final String service;
    private final CircuitBreaker breaker;
    private final String retryAfterSeconds;

    ServiceBreaker(String service, CircuitBreaker breaker, int retryAfterSeconds) {
        this.service = service;
        this.breaker = breaker;
        this.retryAfterSeconds = String.valueOf(retryAfterSeconds);
    }

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        if (!breaker.tryAcquirePermission()) {
            return unavailable(request);
        }
        long start = breaker.getCurrentTimestamp();
        try {
            ServerResponse response = next.handle(request);
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            return response;
        } catch (ResourceAccessException | UncheckedIOException e) {
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            log.warn("{} did not answer {} {}: {}", service, request.method(), request.path(), e.getMessage());
            return unavailable(request);
        } catch (Exception | Error e) {
            breaker.releasePermission();
            throw e;
        }
    }

    private ServerResponse unavailable(ServerRequest request) {
        return Problems.response(
                request.path(),
                HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " did not answer. Retry shortly; a change retried with the same Idempotency-Key "
                        + "is never recorded twice.",
                headers -> headers.set("Retry-After", retryAfterSeconds));
    }
}
