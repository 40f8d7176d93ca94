package fr.ars.coord.gateway.filter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One access-log line per request: method, path, route, status, latency, principal, region and the trace
 * ids. Never a body, a query string or a token.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            ACCESS.info("method={} path={} route={} status={} latencyMs={} principal={} region={} correlationId={} traceId={}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    route == null ? "-" : route.getId(), status == null ? 0 : status.value(),
                    (System.nanoTime() - start) / 1_000_000,
                    exchange.getAttributeOrDefault(Tracing.PRINCIPAL, "anonymous"),
                    exchange.getAttributeOrDefault(Tracing.REGION, "-"),
                    exchange.getAttribute(Tracing.CORRELATION_ID), exchange.getAttribute(Tracing.TRACE_ID));
        });
    }
}
