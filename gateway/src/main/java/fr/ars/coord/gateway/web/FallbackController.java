package fr.ars.coord.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request its service could not answer (down, too slow, or the
 * breaker open): a problem+json 503 with {@code Retry-After}, never a hanging request or a stack trace.
 */
@RestController
class FallbackController {

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "The " + service + " did not answer. Retry shortly; a change retried with the same Idempotency-Key "
                        + "is never recorded twice.");
    }
}
