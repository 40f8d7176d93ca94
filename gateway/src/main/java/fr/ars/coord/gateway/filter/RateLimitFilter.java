package fr.ars.coord.gateway.filter;

import fr.ars.coord.gateway.GatewayProperties;
import fr.ars.coord.gateway.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
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
 * Token buckets per authenticated principal (token subject), per client IP for anonymous calls to the public
 * routes, and per client IP, apart, for the console's pages (which carry the console's session, not a token). Over the limit: 429 with {@code Retry-After}. Health checks are not counted. Buckets live in this
 * gateway's memory (one gateway) or in the platform's PostgreSQL, shared by every gateway ({@link RateLimitBuckets}).
 */
@Component
@Order(CallerFilter.ORDER + 1)
class RateLimitFilter extends OncePerRequestFilter {

    private final GatewayProperties.RateLimit limits;
    private final RateLimitBuckets buckets;
    private final BucketConfiguration authenticated;
    private final BucketConfiguration anonymous;
    private final BucketConfiguration console;

    RateLimitFilter(GatewayProperties properties, RateLimitBuckets buckets) {
        this.limits = properties.rateLimit();
        this.buckets = buckets;
        this.authenticated = configuration(limits.authenticatedPerMinute(), limits.authenticatedBurst());
        this.anonymous = configuration(limits.publicPerMinute(), limits.publicBurst());
        this.console = configuration(limits.consolePerMinute(), limits.consoleBurst());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object subject = request.getAttribute(Tracing.SUBJECT);
        boolean consolePage = subject == null && isConsole(request.getRequestURI());
        String key = subject != null ? "sub:" + subject
                : (consolePage ? "console-ip:" : "ip:") + request.getRemoteAddr();
        ConsumptionProbe probe = buckets.tryConsume(key,
                subject != null ? authenticated : consolePage ? console : anonymous);
        if (probe == null) {
            // the shared store cannot be reached: not a reason to refuse the call
            chain.doFilter(request, response);
            return;
        }
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

    private static boolean isConsole(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }

    private static BucketConfiguration configuration(long perMinute, long burst) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(Math.max(1, burst))
                        .refillGreedy(Math.max(1, perMinute), Duration.ofMinutes(1)).build())
                .build();
    }
}
