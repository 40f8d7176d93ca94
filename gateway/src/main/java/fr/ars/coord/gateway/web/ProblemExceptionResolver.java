package fr.ars.coord.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised while handling a request (no route, a method or media type refused, a failure talking to a
 * service outside its breaker) answered in problem+json like everything else, without internals.
 */
@Component
class ProblemExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionResolver.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception error) {
        HttpStatus status;
        String detail;
        if (error instanceof ErrorResponse refused
                && HttpStatus.resolve(refused.getStatusCode().value()) != null) {
            status = HttpStatus.valueOf(refused.getStatusCode().value());
            detail = Problems.detail(status);
            refused.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        } else if (error instanceof AsyncRequestNotUsableException) {
            // the client went away while its answer was being written (a page closed on a live stream): nothing to
            // answer, nothing wrong
            log.debug("client gone on {}: {}", request.getRequestURI(), error.toString());
            return new ModelAndView();
        } else {
            log.warn("gateway error on {}: {}", request.getRequestURI(), error.toString());
            status = HttpStatus.BAD_GATEWAY;
            detail = "The request could not be passed to the service.";
        }
        try {
            Problems.write(response, request.getRequestURI(), status, detail);
        } catch (IOException e) {
            log.debug("could not answer {}: {}", request.getRequestURI(), e.toString());
        }
        return new ModelAndView();
    }
}
