package fr.ars.coord.gateway.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One access-log line per request: method, path, route, status, latency, principal, region and the trace
 * ids. Never a body, a query string or a token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger ACCESS = LoggerFactory.getLogger("access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            ACCESS.info(
                    "method={} path={} route={} status={} latencyMs={} principal={} region={} correlationId={} traceId={}",
                    request.getMethod(),
                    request.getRequestURI(),
                    Objects.requireNonNullElse(request.getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR), "-"),
                    response.getStatus(),
                    (System.nanoTime() - start) / 1_000_000,
                    Objects.requireNonNullElse(request.getAttribute(Tracing.PRINCIPAL), "anonymous"),
                    Objects.requireNonNullElse(request.getAttribute(Tracing.REGION), "-"),
                    request.getAttribute(Tracing.CORRELATION_ID),
                    request.getAttribute(Tracing.TRACE_ID));
        }
    }
}
