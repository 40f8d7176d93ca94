package fr.ars.coord.gateway.filter;

import fr.ars.coord.gateway.config.GatewayProperties;
import fr.ars.coord.gateway.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The services' live streams (their {@code live-paths}: the console's open pages): each holds a request thread and a
 * connection to its service for as long as its page is open (events are passed on as they come:
 * {@code text/event-stream} is copied and flushed event by event, see the routes). At most
 * {@code ars.gateway.live.concurrent} at once; beyond, {@code 503} with {@code Retry-After}, so that open pages never
 * take the threads the API and the console's pages need.
 */
@Component
@Order(CallerFilter.ORDER + 3)
class LiveLane extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 30;

    private final List<PathPattern> paths;
    private final Semaphore open;

    LiveLane(GatewayProperties properties) {
        this.paths = properties.services().values().stream()
                .flatMap(service -> service.livePaths().stream())
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
        this.open = new Semaphore(properties.live().concurrent());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (paths.isEmpty()) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return paths.stream().noneMatch(pattern -> pattern.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!open.tryAcquire()) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            Problems.write(
                    response,
                    request.getRequestURI(),
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "As many pages are open live as the gateway allows; the page asks for its changes now and then"
                            + " instead.");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            open.release();
        }
    }

    int available() {
        return open.availablePermits();
    }
}
