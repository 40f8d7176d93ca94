package fr.ars.coord.gateway.filter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * A client's conditions ({@code If-None-Match}, {@code If-Modified-Since}, {@code If-Match},
 * {@code If-Unmodified-Since}) are the service's to evaluate: they are passed on to it, and hidden from the
 * gateway's own handling of the answer. Left visible, Spring would turn a service's {@code 200} carrying a matching
 * {@code ETag} into a {@code 304} (or a {@code 412}) without reading the service's body, and the connection to the
 * service would never go back to its pool: anyone sending {@code If-None-Match: *} could drain a service's
 * connections. The gateway's own pages (its API documentation) keep their conditions.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class ConditionalRequests extends OncePerRequestFilter implements RequestHttpHeadersFilter {

    static final List<String> CONDITIONS =
            List.of("If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since");
    private static final String HELD = ConditionalRequests.class.getName() + ".held";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, List<String>> held = new LinkedHashMap<>();
        for (String name : CONDITIONS) {
            List<String> values = Collections.list(request.getHeaders(name));
            if (!values.isEmpty()) {
                held.put(name, values);
            }
        }
        if (held.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(HELD, held);
        chain.doFilter(new WithoutHeaders(request, CONDITIONS), response);
    }

    /** The conditions go on to the service as the client sent them. */
    @Override
    @SuppressWarnings("unchecked")
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        Object held = request.servletRequest().getAttribute(HELD);
        if (!(held instanceof Map<?, ?> conditions)) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        ((Map<String, List<String>>) conditions).forEach(headers::put);
        return headers;
    }
}
