package fr.ars.coord.gateway.filter;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id ({@code X-Correlation-Id}, kept if the client sent a well-formed one)
 * and a W3C trace context: the caller's {@code traceparent} is continued with a new span for the hop to the
 * service, or a new trace is started. Both go downstream, where services write them in their logs; the
 * correlation id comes back on the response.
 */
@Component
class CorrelationFilter implements WebFilter, Ordered {

    private static final Pattern CORRELATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String NO_TRACE = "0".repeat(32);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String correlationId = request.getHeaders().getFirst(Tracing.CORRELATION_ID_HEADER);
        if (correlationId == null || !CORRELATION_ID.matcher(correlationId).matches()) {
            correlationId = randomUuid();
        }
        String traceId;
        String flags = "01";
        Matcher incoming = TRACEPARENT.matcher(String.valueOf(request.getHeaders().getFirst(Tracing.TRACEPARENT_HEADER)));
        if (incoming.matches() && !incoming.group(1).equals(NO_TRACE)) {
            traceId = incoming.group(1);
            flags = incoming.group(3);
        } else {
            traceId = hex(16);
        }
        String traceparent = "00-" + traceId + "-" + hex(8) + "-" + flags;
        String id = correlationId;
        ServerHttpRequest forwarded = request.mutate().headers(h -> {
            h.set(Tracing.CORRELATION_ID_HEADER, id);
            h.set(Tracing.TRACEPARENT_HEADER, traceparent);
        }).build();
        exchange.getAttributes().put(Tracing.CORRELATION_ID, id);
        exchange.getAttributes().put(Tracing.TRACE_ID, traceId);
        // at commit, and only if the service's answer does not carry it already (it echoes the same id)
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().putIfAbsent(Tracing.CORRELATION_ID_HEADER, List.of(id));
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(forwarded).build());
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
