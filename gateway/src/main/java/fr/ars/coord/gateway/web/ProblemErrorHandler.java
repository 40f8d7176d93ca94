package fr.ars.coord.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Errors raised inside the gateway (no route, method not allowed, a failure talking to a service) answered in
 * problem+json like everything else, without internals.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatus status;
        String detail;
        if (error instanceof ResponseStatusException e) {
            HttpStatusCode code = e.getStatusCode();
            status = HttpStatus.resolve(code.value()) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(code.value());
            detail = status == HttpStatus.NOT_FOUND ? "No such resource." : status.getReasonPhrase() + ".";
        } else {
            log.warn("gateway error on {}: {}", exchange.getRequest().getPath(), error.toString());
            status = HttpStatus.BAD_GATEWAY;
            detail = "The request could not be passed to the service.";
        }
        return Problems.write(exchange, status, detail);
    }
}
