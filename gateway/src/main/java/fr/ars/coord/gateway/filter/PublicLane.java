package fr.ars.coord.gateway.filter;

import fr.ars.coord.gateway.config.GatewayProperties;
import fr.ars.coord.gateway.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public lane: the services' public paths (pages, feeds, published communiqués, read by anyone without a token)
 * kept from starving the API when a press release brings a surge of readers. At most
 * {@code ars.gateway.public-traffic.concurrent} public calls are in flight to the services (on connections of their
 * own, see the routes); a public call beyond them is answered from the copy kept here if there is one, else
 * {@code 503} with {@code Retry-After}. A reading of a public page is answered from {@link PublicAnswers} while it is
 * fresh, {@code 304} when the reader's copy is the same, so that a surge on one page costs its service one call per
 * {@code cache-for}. The per-address buckets of {@link RateLimitFilter} apply first.
 */
@Component
@Order(CallerFilter.ORDER + 3)
class PublicLane extends OncePerRequestFilter {

    static final int BUSY_RETRY_AFTER_SECONDS = 2;
    /** How long a reader waits for the one fetch of a page nobody read yet, and how many may wait at once. */
    static final Duration COLLAPSED_WAIT = Duration.ofSeconds(3);

    static final int WAITING = 64;
    private static final List<String> VALIDATORS = List.of("If-None-Match", "If-Modified-Since");

    private final ServicePaths publicPaths;
    private final Semaphore inFlight;
    private final PublicAnswers answers;
    /** The fetches under way of pages nothing is kept for, by key. */
    private final Map<String, CompletableFuture<PublicAnswers.Answer>> fetching = new ConcurrentHashMap<>();

    private final Semaphore waiting = new Semaphore(WAITING);

    PublicLane(GatewayProperties properties) {
        GatewayProperties.PublicTraffic traffic = properties.publicTraffic();
        this.publicPaths = ServicePaths.of(properties, GatewayProperties.Service::publicPaths);
        this.inFlight = new Semaphore(traffic.concurrent());
        this.answers = new PublicAnswers(
                traffic.cacheFor(), traffic.cacheEntries(), traffic.cacheBodyBytes(), System::nanoTime);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !publicPaths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean reading =
                request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        // an answer to a caller with a token is the service's answer to that caller: never shared
        if (!reading || request.getHeader("Authorization") != null) {
            throughTheLane(request, response, chain, null);
            return;
        }
        String key = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        PublicAnswers.Answer kept = answers.find(key);
        long now = answers.now();
        if (kept != null
                && (kept.isFresh(now)
                        || (kept.isUsableStale(now) && !kept.refreshing().compareAndSet(false, true)))) {
            replay(kept, request, response, now);
            return;
        }
        if (kept == null) {
            firstReading(key, request, response, chain);
            return;
        }
        // this request fetches the answer again: the others meanwhile have the kept copy
        try {
            if (request.getMethod().equals("HEAD")) {
                throughTheLane(request, response, chain, kept);
            } else {
                fetchAndKeep(key, request, response, chain, kept);
            }
        } finally {
            kept.refreshing().set(false);
        }
    }

    /**
     * Nothing kept: the first reader fetches the answer; those asking for it meanwhile wait for that one fetch (at
     * most {@link #COLLAPSED_WAIT}, and no more than {@link #WAITING} of them at once: beyond, {@code 503}) instead of
     * each calling the service: a surge reaching a page nobody read yet costs its service one call, not a full lane. A first reader
     * who has a copy of its own asks the service whether it changed (a 304 costs it little), and nothing is kept.
     */
    private void firstReading(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CompletableFuture<PublicAnswers.Answer> fetching = this.fetching.get(key);
        if (fetching != null) {
            if (!waiting.tryAcquire()) {
                // the service is already asked for this very page: asking it again helps nobody
                busy(request, response, null);
                return;
            }
            PublicAnswers.Answer fetched;
            try {
                fetched = awaitOther(fetching);
            } finally {
                waiting.release();
            }
            if (fetched != null) {
                replay(fetched, request, response, answers.now());
            } else {
                throughTheLane(request, response, chain, null);
            }
            return;
        }
        if (request.getMethod().equals("HEAD") || hasValidators(request)) {
            throughTheLane(request, response, chain, null);
            return;
        }
        CompletableFuture<PublicAnswers.Answer> mine = new CompletableFuture<>();
        fetching = this.fetching.putIfAbsent(key, mine);
        if (fetching != null) {
            firstReading(key, request, response, chain);
            return;
        }
        PublicAnswers.Answer fetched = null;
        try {
            fetched = fetchAndKeep(key, request, response, chain, null);
        } finally {
            this.fetching.remove(key, mine);
            mine.complete(fetched);
        }
    }

    /** The answer another request is fetching, once it has it: null if it was not kept, or not in time. */
    private static PublicAnswers.Answer awaitOther(CompletableFuture<PublicAnswers.Answer> fetching) {
        try {
            return fetching.get(COLLAPSED_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private void throughTheLane(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, PublicAnswers.Answer stale)
            throws ServletException, IOException {
        if (!inFlight.tryAcquire()) {
            busy(request, response, stale);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.release();
        }
    }

    /**
     * The whole answer is asked for (the reader's validators are kept back) so that it can be kept for others: the
     * answer kept, or null.
     */
    private PublicAnswers.Answer fetchAndKeep(
            String key,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            PublicAnswers.Answer stale)
            throws ServletException, IOException {
        if (!inFlight.tryAcquire()) {
            busy(request, response, stale);
            return null;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        PublicAnswers.Answer fetched;
        try {
            chain.doFilter(new WithoutHeaders(request, VALIDATORS), captured);
            fetched = answers.keep(key, captured.getStatus(), headers(captured), captured.getContentAsByteArray());
        } finally {
            inFlight.release();
        }
        if (fetched != null && notModified(fetched, request)) {
            // the reader's validators were held back from the service: compared here, with the answer just kept
            captured.resetBuffer();
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return fetched;
        }
        captured.copyBodyToResponse();
        return fetched;
    }

    private void busy(HttpServletRequest request, HttpServletResponse response, PublicAnswers.Answer stale)
            throws IOException {
        long now = answers.now();
        if (stale != null && stale.isUsableStale(now)) {
            replay(stale, request, response, now);
            return;
        }
        response.setHeader("Retry-After", String.valueOf(BUSY_RETRY_AFTER_SECONDS));
        Problems.write(
                response,
                request.getRequestURI(),
                HttpStatus.SERVICE_UNAVAILABLE,
                "The public pages are read by very many people right now; retry after " + BUSY_RETRY_AFTER_SECONDS
                        + " s.");
    }

    private static void replay(
            PublicAnswers.Answer answer, HttpServletRequest request, HttpServletResponse response, long now)
            throws IOException {
        boolean notModified = notModified(answer, request);
        for (Map.Entry<String, String> header : answer.headers()) {
            if (!notModified || !header.getKey().toLowerCase().startsWith("content-")) {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        response.setHeader("Age", String.valueOf(answer.ageSeconds(now)));
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(answer.body().length);
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(answer.body());
        }
    }

    /** RFC 9110 §13.1: {@code If-None-Match} (weak comparison) first; {@code If-Modified-Since} only without it. */
    static boolean notModified(PublicAnswers.Answer answer, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            if (answer.etag() == null) {
                return false;
            }
            String etag = opaque(answer.etag());
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip)
                    .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(etag));
        }
        String ifModifiedSince = request.getHeader("If-Modified-Since");
        if (ifModifiedSince == null || answer.lastModified() == null) {
            return false;
        }
        try {
            ZonedDateTime since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME);
            ZonedDateTime modified = ZonedDateTime.parse(answer.lastModified(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return !modified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static boolean hasValidators(HttpServletRequest request) {
        return VALIDATORS.stream().anyMatch(name -> request.getHeader(name) != null);
    }

    private static List<Map.Entry<String, String>> headers(HttpServletResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            for (String value : response.getHeaders(name)) {
                headers.add(Map.entry(name, value));
            }
        }
        return headers;
    }
}
