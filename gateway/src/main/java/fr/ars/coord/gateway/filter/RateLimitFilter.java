package fr.ars.coord.gateway.filter;

import fr.ars.coord.gateway.config.GatewayProperties;
import fr.ars.coord.gateway.filter.RateLimitBuckets.BucketStoreUnavailable;
import fr.ars.coord.gateway.filter.RateLimitBuckets.Take;
import fr.ars.coord.gateway.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets per authenticated principal (token subject), per client IP for anonymous calls to the public
 * routes, and per client IP, apart, for the console's pages (which carry the console's session, not a token; a
 * tighter bucket without that cookie). Over the limit: 429 with {@code Retry-After}. Health checks are not counted.
 * Buckets live in this gateway's memory (one gateway) or in the platform's PostgreSQL, shared by every gateway
 * behind a first line in memory ({@link FirstLineBuckets}). When the shared store cannot decide, an anonymous call is
 * refused with 503 and {@code Retry-After} (an outage must not lift the limits of the internet at large), and an
 * authenticated one goes on, limited by this gateway's own buckets alone, and is logged.
 */
@Component
@Order(CallerFilter.ORDER + 1)
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    static final int UNDECIDED_RETRY_AFTER_SECONDS = 5;

    private final RateLimitBuckets buckets;
    private final BucketConfiguration authenticated;
    private final BucketConfiguration anonymous;
    private final BucketConfiguration console;
    private final BucketConfiguration consoleAnonymous;
    private volatile long lastUndecidedLogged;

    RateLimitFilter(GatewayProperties properties, RateLimitBuckets buckets) {
        GatewayProperties.RateLimit limits = properties.rateLimit();
        this.buckets = buckets;
        this.authenticated = configuration(limits.authenticatedPerMinute(), limits.authenticatedBurst());
        this.anonymous = configuration(limits.publicPerMinute(), limits.publicBurst());
        this.console = configuration(limits.consolePerMinute(), limits.consoleBurst());
        this.consoleAnonymous = configuration(limits.consoleAnonymousPerMinute(), limits.consoleAnonymousBurst());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object subject = request.getAttribute(Tracing.SUBJECT);
        String key;
        BucketConfiguration configuration;
        if (subject != null) {
            key = "sub:" + subject;
            configuration = authenticated;
        } else if (ConsoleRequests.isConsole(request)) {
            boolean session = ConsoleRequests.carriesSession(request);
            key = (session ? "console-ip:" : "console-anonymous-ip:") + request.getRemoteAddr();
            configuration = session ? console : consoleAnonymous;
        } else {
            key = "ip:" + request.getRemoteAddr();
            configuration = anonymous;
        }
        Take take;
        try {
            take = buckets.take(key, configuration);
        } catch (BucketStoreUnavailable e) {
            undecided(request, response, chain, subject != null);
            return;
        }
        if (take.allowed()) {
            response.setHeader("RateLimit-Remaining", String.valueOf(take.remaining()));
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(take.nanosToWait()) + 1);
        response.setHeader("Retry-After", String.valueOf(seconds));
        Problems.write(
                response,
                request.getRequestURI(),
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests; retry after " + seconds + " s.");
    }

    private void undecided(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, boolean authenticatedCaller)
            throws ServletException, IOException {
        long now = System.nanoTime();
        if (now - lastUndecidedLogged > Duration.ofSeconds(10).toNanos()) {
            lastUndecidedLogged = now;
            log.warn(
                    "rate-limit store cannot decide: {} {} {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    authenticatedCaller
                            ? "let through (authenticated, within this gateway's own limit)"
                            : "refused (anonymous)");
        }
        if (authenticatedCaller) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", String.valueOf(UNDECIDED_RETRY_AFTER_SECONDS));
        Problems.write(
                response,
                request.getRequestURI(),
                HttpStatus.SERVICE_UNAVAILABLE,
                "The gateway cannot count calls right now; retry after " + UNDECIDED_RETRY_AFTER_SECONDS + " s.");
    }

    private static BucketConfiguration configuration(long perMinute, long burst) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(Math.max(1, burst))
                        .refillGreedy(Math.max(1, perMinute), Duration.ofMinutes(1))
                        .build())
                .build();
    }
}
