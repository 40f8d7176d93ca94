package fr.ars.coord.gateway.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id ({@code X-Correlation-Id}, kept if the client sent a well-formed one)
 * and a W3C trace context: the caller's {@code traceparent} is continued with a new span for the hop to the
 * service, or a new trace is started. Both go downstream ({@link TraceHeaders}), where services write them in
 * their logs; the correlation id comes back on every answer, the gateway's own refusals included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationFilter extends OncePerRequestFilter {

    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String NO_TRACE = "0".repeat(32);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = request.getHeader(Tracing.CORRELATION_ID_HEADER);
        if (correlationId == null || !CORRELATION_ID.matcher(correlationId).matches()) {
            correlationId = randomUuid();
        }
        String traceId;
        String flags = "01";
        Matcher incoming = TRACEPARENT.matcher(String.valueOf(request.getHeader(Tracing.TRACEPARENT_HEADER)));
        if (incoming.matches() && !incoming.group(1).equals(NO_TRACE)) {
            traceId = incoming.group(1);
            flags = incoming.group(3);
        } else {
            traceId = hex(16);
        }
        request.setAttribute(Tracing.CORRELATION_ID, correlationId);
        request.setAttribute(Tracing.TRACE_ID, traceId);
        request.setAttribute(Tracing.TRACEPARENT, "00-" + traceId + "-" + hex(8) + "-" + flags);
        response.setHeader(Tracing.CORRELATION_ID_HEADER, correlationId);
        chain.doFilter(request, response);
    }

    /*
     * Identifiers, not secrets: a thread-local generator, where SecureRandom (and UUID.randomUUID) read the kernel's
     * random source under a lock on every request.
     */
    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
