package fr.ars.coord.platform.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The committed OpenAPI documents ({@code docs/openapi/<service>.json}) as a contract the tests hold the services to:
 * every exchange a test makes is checked against the document of the service that answered. An answer the document
 * does not describe (a status, a field, a type, a header that matters) fails the test; so does a request the
 * document calls invalid that the service nevertheless accepted. Requests made invalid on purpose and refused are
 * what the bad-input tests are for, and pass.
 */
public final class ApiContract {

    public static final List<String> SERVICES = List.of("incident-service", "region-service", "notification-service");

    /** Headers whose meaning clients rely on: one in an answer must be in the document for that answer. */
    private static final List<String> HEADERS_THAT_MATTER =
            List.of("Location", "ETag", "Idempotent-Replayed", "Retry-After");
    /** Paths served besides the API: health, the documents themselves, operators' actions, Swagger UI. */
    private static final List<String> OUTSIDE_THE_API =
            List.of("/actuator", "/v3/api-docs", "/swagger-ui", "/api/national/impact/rebuild", "/error");
    /** Answers that say a path or method is not there: for a path no document has, they agree with the documents. */
    private static final Set<Integer> NOT_THERE = Set.of(401, 403, 404, 405);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiContract COMMITTED = new ApiContract();

    /** Read at the first exchange checked (a test that writes the documents runs before). */
    private List<Document> documents;

    private record Document(
            String service, JsonNode tree, OpenApiInteractionValidator validator, List<Operation> operations) {}

    /** {@code variables}: how many path variables; of two templates matching a path, the one with fewer says it. */
    private record Operation(String method, Pattern path, int variables, JsonNode responses) {}

    private ApiContract() {}

    /** The documents committed under {@code docs/openapi}. */
    public static ApiContract committed() {
        return COMMITTED;
    }

    private synchronized List<Document> documents() {
        if (documents == null) {
            List<Document> loaded = new ArrayList<>();
            for (String service : SERVICES) {
                loaded.add(load(service, ApiDocuments.committed(service)));
            }
            documents = loaded;
        }
        return documents;
    }

    private static Document load(String service, Path file) {
        try {
            String text = Files.readString(file);
            JsonNode tree = JSON.readTree(text);
            List<Operation> operations = new ArrayList<>();
            tree.path("paths")
                    .properties()
                    .forEach(path -> path.getValue()
                            .properties()
                            .forEach(operation -> operations.add(new Operation(
                                    operation.getKey().toUpperCase(Locale.ROOT),
                                    template(path.getKey()),
                                    path.getKey().split("\\{", -1).length - 1,
                                    operation.getValue().path("responses")))));
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
                    .build();
            return new Document(service, tree, validator, operations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks one exchange; throws {@link AssertionError} naming what the documents do not say.
     */
    public void check(
            String method,
            URI uri,
            HttpHeaders requestHeaders,
            byte[] requestBody,
            int status,
            HttpHeaders responseHeaders,
            String responseBody) {
        String path = uri.getRawPath();
        if (OUTSIDE_THE_API.stream().anyMatch(path::startsWith)) {
            return;
        }
        Document document = null;
        Operation operation = null;
        for (Document candidate : documents()) {
            for (Operation described : candidate.operations()) {
                if (described.method().equals(method)
                        && described.path().matcher(path).matches()
                        && (operation == null || described.variables() < operation.variables())) {
                    document = candidate;
                    operation = described;
                }
            }
        }
        if (operation == null) {
            if (!NOT_THERE.contains(status)) {
                throw new AssertionError("No API document describes " + method + " " + path + ", which answered "
                        + status + ": " + abbreviated(responseBody));
            }
            return;
        }
        ValidationReport report = document.validator()
                .validate(
                        request(method, uri, requestHeaders, requestBody),
                        response(status, responseHeaders, responseBody));
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            boolean aboutResponse = message.getKey().startsWith("validation.response");
            // a request the document calls invalid is a contradiction only when the service accepted it
            if (aboutResponse || status / 100 == 2) {
                problems.add(message.getKey() + ": " + message.getMessage());
            }
        }
        JsonNode answer = resolve(document.tree(), operation.responses().path(String.valueOf(status)));
        for (String header : HEADERS_THAT_MATTER) {
            if (responseHeaders.firstValue(header).isPresent() && !declares(answer, header)) {
                problems.add("header " + header + " is not documented for " + status);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(document.service() + " document does not describe " + method + " " + uri
                    + " answered " + status + ": " + problems + "\nanswer: " + abbreviated(responseBody));
        }
    }

    private static boolean declares(JsonNode response, String header) {
        for (var declared : response.path("headers").propertyNames()) {
            if (declared.equalsIgnoreCase(header)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode resolve(JsonNode tree, JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? tree.at(ref.substring(1)) : node;
    }

    private static Request request(String method, URI uri, HttpHeaders headers, byte[] body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                builder.withQueryParam(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        headers.map().forEach((name, values) -> builder.withHeader(name, values));
        if (body != null && body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static com.atlassian.oai.validator.model.Response response(int status, HttpHeaders headers, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        headers.map().forEach((name, values) -> builder.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 600 ? String.valueOf(body) : body.substring(0, 600) + "…";
    }
}
