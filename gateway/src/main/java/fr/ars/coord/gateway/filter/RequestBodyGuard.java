package fr.ars.coord.gateway.filter;

import fr.ars.coord.gateway.config.GatewayProperties;
import fr.ars.coord.gateway.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every request body is read whole at the gateway, within limits, before anything of it goes on to a service:
 * <ul>
 *   <li>over {@code ars.gateway.max-body-bytes}: 413, at once when the declared length is too large, otherwise as
 *       soon as the limit is passed (so that no part of an oversized body reaches a service);</li>
 *   <li>a body that does not arrive in time (at least {@code min-bytes-per-second} after a first
 *       {@code body-timeout}): 408; a client that goes away mid-body gets nothing. Neither reaches the service,
 *       so neither can count as the service's failure in its circuit breaker;</li>
 *   <li>at most {@code per-caller} bodies in flight per caller (its token's subject, or its address when
 *       anonymous) and {@code anonymous} in all from anonymous callers: 429 beyond, so that slow or stalled
 *       uploads hold a bounded number of request threads and never take the gateway from everyone else;</li>
 *   <li>the console's form posts (a session cookie, no token) count apart: per address and {@code console} in all,
 *       so that slow anonymous uploads to the API never leave the console read-only; a route may set a smaller
 *       size of its own ({@code max-body-bytes} of a service: the console's forms are small).</li>
 * </ul>
 * Each refusal closes the connection rather than waiting for the rest of the declared body. Runs after Spring
 * Security: an unauthenticated caller's body on a protected path is never read.
 */
@Component
@Order(CallerFilter.ORDER + 2)
class RequestBodyGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyGuard.class);

    private final long gatewayMaxBytes;
    private final List<Map.Entry<PathPattern, Long>> routeMaxBytes = new ArrayList<>();
    private final GatewayProperties.Uploads limits;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger anonymousInFlight = new AtomicInteger();
    private final AtomicInteger consoleInFlight = new AtomicInteger();

    RequestBodyGuard(GatewayProperties properties) {
        this.gatewayMaxBytes = properties.maxBodyBytes();
        this.limits = properties.uploads();
        properties.services().values().stream()
                .filter(service -> service.maxBodyBytes() != null)
                .forEach(service -> service.paths()
                        .forEach(path -> routeMaxBytes.add(
                                Map.entry(PathPatternParser.defaultInstance.parse(path), service.maxBodyBytes()))));
    }

    /** The largest body allowed on this request's path: its route's own limit, else the gateway's. */
    private long maxBytes(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        for (Map.Entry<PathPattern, Long> route : routeMaxBytes) {
            if (route.getKey().matches(path)) {
                return Math.min(gatewayMaxBytes, route.getValue());
            }
        }
        return gatewayMaxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        long maxBytes = maxBytes(request);
        if (declared > maxBytes) {
            tooLarge(request, response, maxBytes);
            return;
        }
        if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
            chain.doFilter(request, response);
            return;
        }
        Object subject = request.getAttribute(Tracing.SUBJECT);
        boolean anonymous = subject == null;
        boolean console = anonymous && ConsoleRequests.isConsole(request);
        String caller = !anonymous ? "sub:" + subject : (console ? "console-ip:" : "ip:") + request.getRemoteAddr();
        AtomicInteger pool = console ? consoleInFlight : anonymousInFlight;
        int poolSize = console ? limits.console() : limits.anonymous();
        AtomicInteger mine = inFlight.computeIfAbsent(caller, k -> new AtomicInteger());
        boolean admitted = mine.incrementAndGet() <= limits.perCaller();
        boolean countedAnonymous = admitted && anonymous;
        if (countedAnonymous) {
            admitted = pool.incrementAndGet() <= poolSize;
        }
        byte[] body;
        try {
            if (!admitted) {
                response.setHeader("Retry-After", "1");
                refuse(
                        request,
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many request bodies in flight from this caller; retry shortly.");
                return;
            }
            body = read(request, declared, maxBytes);
        } catch (SlowBody e) {
            refuse(request, response, HttpStatus.REQUEST_TIMEOUT, "The request body did not arrive in time.");
            return;
        } catch (ClientGone e) {
            log.debug(
                    "{} {}: the client went away while sending its body", request.getMethod(), request.getRequestURI());
            return;
        } finally {
            // the slot is for the upload only: once the body is in, the call to the service holds none
            if (countedAnonymous) {
                pool.decrementAndGet();
            }
            if (mine.decrementAndGet() <= 0) {
                inFlight.remove(caller, mine);
            }
        }
        if (body == null) {
            tooLarge(request, response, maxBytes);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** The whole body, or null when it is larger than allowed. */
    private byte[] read(HttpServletRequest request, long declared, long maxBytes) throws SlowBody, ClientGone {
        long expected = declared >= 0 ? declared : maxBytes;
        long deadline = System.nanoTime()
                + limits.bodyTimeout().toNanos()
                + expected * 1_000_000_000L / Math.max(1, limits.minBytesPerSecond());
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 0), maxBytes));
        byte[] buffer = new byte[8192];
        try {
            InputStream in = request.getInputStream();
            for (int n; (n = in.read(buffer)) != -1; ) {
                body.write(buffer, 0, n);
                if (body.size() > maxBytes) {
                    return null;
                }
                if (System.nanoTime() > deadline) {
                    throw new SlowBody();
                }
            }
        } catch (SocketTimeoutException e) {
            throw new SlowBody();
        } catch (IOException e) {
            // Tomcat reports a read timeout as an IOException wrapping the socket's
            if (e.getCause() instanceof SocketTimeoutException) {
                throw new SlowBody();
            }
            throw new ClientGone();
        }
        if (declared >= 0 && body.size() < declared) {
            throw new ClientGone();
        }
        return body.toByteArray();
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
        refuse(
                request,
                response,
                HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes.");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, request.getRequestURI(), status, detail);
    }

    private static final class SlowBody extends Exception {
        SlowBody() {
            super(null, null, false, false);
        }
    }

    private static final class ClientGone extends Exception {
        ClientGone() {
            super(null, null, false, false);
        }
    }

    /** The request with its body already read into memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final ByteArrayInputStream body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = new ByteArrayInputStream(body);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return body.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body has been read already");
                }

                @Override
                public int read() {
                    return body.read();
                }

                /** From the start again: a call the gateway tries on another instance sends the same body. */
                @Override
                public boolean markSupported() {
                    return true;
                }

                @Override
                public synchronized void reset() {
                    body.reset();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return body.read(buffer, offset, length);
                }
            };
        }
    }
}
