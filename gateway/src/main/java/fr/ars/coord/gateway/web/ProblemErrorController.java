package fr.ars.coord.gateway.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page: a request refused before any route (by the server or a filter) is answered in
 * problem+json too, for the path the client asked for. Asked for directly, {@code /error} is no resource.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code == null
                ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null
                        ? HttpStatus.valueOf(value)
                        : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            status = HttpStatus.BAD_GATEWAY;
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Problems.write(
                response, path == null ? request.getRequestURI() : path.toString(), status, Problems.detail(status));
    }
}
