package fr.ars.coord.gateway.filter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.ars.coord.gateway.GatewayProperties;
import fr.ars.coord.gateway.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Token buckets per authenticated principal (token subject), and per client IP for anonymous calls to the
 * public routes. Over the limit: 429 with {@code Retry-After}. Buckets live in this gateway's memory, which is
 * exact on one node; a cluster of gateways divides the allowance by node count unless buckets move to a shared
 * store (see README: PostgreSQL through Bucket4j's JDBC proxy manager).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final String SUBJECT = RateLimitFilter.class.getName() + ".subject";

    private final GatewayProperties.RateLimit limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    RateLimitFilter(GatewayProperties properties) {
        this.limits = properties.rateLimit();
    }

    @Override
    public int getOrder() {
        return CallerFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String subject = exchange.getAttribute(SUBJECT);
        String key = subject != null ? "sub:" + subject : "ip:" + clientIp(exchange);
        Bucket bucket = buckets.get(key, k -> subject != null
                ? bucket(limits.authenticatedPerMinute(), limits.authenticatedBurst())
                : bucket(limits.publicPerMinute(), limits.publicBurst()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            exchange.getResponse().getHeaders().set("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; retry after " + seconds + " s.");
    }

    private static Bucket bucket(long perMinute, long burst) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(Math.max(1, burst))
                        .refillGreedy(Math.max(1, perMinute), Duration.ofMinutes(1)).build())
                .build();
    }

    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
