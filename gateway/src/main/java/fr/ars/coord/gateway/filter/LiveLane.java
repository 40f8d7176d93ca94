package fr.ars.coord.gateway.filter;

import fr.ars.coord.gateway.config.GatewayProperties;
import fr.ars.coord.gateway.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

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

    private final ServicePaths paths;
    private final Semaphore open;

    LiveLane(GatewayProperties properties) {
        this.paths = ServicePaths.of(properties, GatewayProperties.Service::livePaths);
        this.open = new Semaphore(properties.live().concurrent());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !paths.matches(request);
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
}
