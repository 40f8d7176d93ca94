package fr.ars.coord.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client for tests: sends exactly the bytes and headers given (malformed bodies included) and
 * returns status, headers and body as they came back. One made {@link #checkedAgainst} a contract also checks each
 * exchange against the API documents, so that an answer they do not describe fails the test that got it.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final ApiContract contract;

    public ApiClient(String baseUrl) {
        this(baseUrl, null);
    }

    private ApiClient(String baseUrl, ApiContract contract) {
        this.baseUrl = baseUrl;
        this.contract = contract;
    }

    /** A client of the platform's API whose every exchange must agree with {@code contract}. */
    public static ApiClient checkedAgainst(String baseUrl, ApiContract contract) {
        return new ApiClient(baseUrl, contract);
    }

    public Response get(String path, String token, String... headers) {
        HttpRequest.Builder builder = request(path, token).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, null);
    }

    public Response post(String path, String token, String body, String... headers) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder builder = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, bytes);
    }

    public Response put(String path, String token, String body, String... headers) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest.Builder builder = request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder, bytes);
    }

    public Response delete(String path, String token, String body) {
        return delete(path, token, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
    }

    public Response delete(String path, String token, byte[] body, String contentType) {
        return send(
                request(path, token)
                        .header("Content-Type", contentType)
                        .method("DELETE", HttpRequest.BodyPublishers.ofByteArray(body)),
                body);
    }

    public Response post(String path, String token, byte[] body, String contentType) {
        return send(
                request(path, token)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                body);
    }

    /** A GET whose answer may be binary (a PDF): its bytes, checked against the documents as the others are. */
    public BinaryResponse getBytes(String path, String token, String... headers) {
        HttpRequest.Builder builder = request(path, token).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpRequest request = builder.build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            boolean text = contentType.contains("json") || contentType.startsWith("text/");
            if (contract != null) {
                contract.check(
                        request.method(),
                        request.uri(),
                        request.headers(),
                        null,
                        response.statusCode(),
                        response.headers(),
                        text
                                ? new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)
                                // a binary body is checked for its presence and content type, not read as text
                                : response.body().length == 0 ? "" : "(" + response.body().length + " bytes)");
            }
            return new BinaryResponse(response.statusCode(), contentType, response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record BinaryResponse(int status, String contentType, java.net.http.HttpHeaders headers, byte[] body) {}

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder, byte[] body) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (contract != null) {
                contract.check(
                        request.method(),
                        request.uri(),
                        request.headers(),
                        body,
                        response.statusCode(),
                        response.headers(),
                        response.body());
            }
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JacksonException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
