package fr.ars.coord.gateway.filter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.ars.coord.gateway.GatewayProperties;
import fr.ars.coord.gateway.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets per authenticated principal (token subject), and per client IP for anonymous calls to the
 * public routes. Over the limit: 429 with {@code Retry-After}. Health checks are not counted. Buckets live in
 * this gateway's memory, which is exact on one node; a cluster of gateways divides the allowance by node count
 * unless buckets move to a shared store (see README: PostgreSQL through Bucket4j's JDBC proxy manager).
 */
@Component
@Order(CallerFilter.ORDER + 1)
class RateLimitFilter extends OncePerRequestFilter {

    private final GatewayProperties.RateLimit limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    RateLimitFilter(GatewayProperties properties) {
        this.limits = properties.rateLimit();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object subject = request.getAttribute(Tracing.SUBJECT);
        String key = subject != null ? "sub:" + subject : "ip:" + request.getRemoteAddr();
        Bucket bucket = buckets.get(key, k -> subject != null
                ? bucket(limits.authenticatedPerMinute(), limits.authenticatedBurst())
                : bucket(limits.publicPerMinute(), limits.publicBurst()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setHeader("Retry-After", String.valueOf(seconds));
        Problems.write(response, request.getRequestURI(), HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; retry after " + seconds + " s.");
    }

    private static Bucket bucket(long perMinute, long burst) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(Math.max(1, burst))
                        .refillGreedy(Math.max(1, perMinute), Duration.ofMinutes(1)).build())
                .build();
    }
}
