package fr.ars.coord.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's report of a request it refused before any filter or route saw it (a path with an encoded slash or a
 * NUL, a malformed request line): problem+json like every other answer, instead of Tomcat's HTML page. What
 * Tomcat calls "not implemented" is the client's doing, so it is a 4xx: {@code 405} for a method no route serves
 * ({@code CONNECT}), {@code 400} for a transfer coding nobody knows.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null || !status.isError() || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == HttpStatus.NOT_IMPLEMENTED) {
            status = request.getHeader("Transfer-Encoding") != null
                    ? HttpStatus.BAD_REQUEST
                    : HttpStatus.METHOD_NOT_ALLOWED;
            response.setStatus(status.value());
        } else if (status.is5xxServerError()) {
            status = HttpStatus.BAD_GATEWAY;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(
                        status,
                        status == HttpStatus.BAD_REQUEST ? Problems.UNACCEPTABLE_REQUEST : Problems.detail(status),
                        request.getRequestURI()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer has started: nothing more can be said
        }
    }
}
