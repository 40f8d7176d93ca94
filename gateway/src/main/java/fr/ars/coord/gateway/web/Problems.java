package fr.ars.coord.gateway.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * RFC 9457 problem+json answers written by the gateway itself. They say what went wrong and never whether a
 * resource of another region exists.
 */
public final class Problems {

    /** What the gateway says of a request whose path or headers it refuses (firewall, Tomcat). */
    public static final String UNACCEPTABLE_REQUEST = "The request path or headers are not acceptable.";

    private Problems() {}

    /** The detail of a refusal that needs no more words than its status: never whether a resource exists elsewhere. */
    static String detail(HttpStatus status) {
        return status == HttpStatus.NOT_FOUND ? "No such resource." : status.getReasonPhrase() + ".";
    }

    /** Writes the problem about {@code path} unless the response has already started (then nothing more can be said). */
    public static void write(HttpServletResponse response, String path, HttpStatus status, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        byte[] body = json(status, detail, path).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The same problem as the answer of a route, with the headers {@code headers} sets. */
    public static ServerResponse response(
            String path, HttpStatus status, String detail, Consumer<HttpHeaders> headers) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers)
                .body(json(status, detail, path).getBytes(StandardCharsets.UTF_8));
    }

    /** A flat JSON object: enough for a problem, with no library on the error path. No instance if it is null. */
    static String json(HttpStatus status, String detail, String instance) {
        return "{\"type\":\"https://ars.sante.fr/problems/"
                + status.name().toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + escape(status.getReasonPhrase())
                + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + escape(detail) + "\""
                + (instance == null ? "" : ",\"instance\":\"" + escape(instance) + "\"")
                + "}";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
