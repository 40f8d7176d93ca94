package fr.ars.coord.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.HandlerMethod;

/**
 * The responses every operation can give besides its own, said once for all services: each error is
 * {@code application/problem+json} with the one {@code Problem} schema; a request with parameters or a body can be
 * refused as malformed ({@code 400}, naming the fields); a protected operation without a valid token or the right
 * role or region ({@code 401}, {@code 403}); a body too large or not JSON ({@code 413}, {@code 415}); too many
 * requests ({@code 429}) and storage unavailable ({@code 503}), both with {@code Retry-After}.
 * <p>
 * The headers that matter follow from the operation: a {@code 201} names what it created ({@code Location}); a
 * change that accepts {@code If-Match} answers the new version ({@code ETag}, with {@code Location}) and {@code 409}
 * when that version is no longer current; one that accepts an {@code Idempotency-Key} says when it answers a retry
 * ({@code Idempotent-Replayed}) and {@code 422} when the key was used with another body.
 */
final class StandardResponses implements GlobalOperationCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private static final String RESPONSES = "#/components/responses/";
    private static final String HEADERS = "#/components/headers/";

    /** The shared responses: status, component name, description, example detail. */
    private record Shared(String status, String name, String description, String detail) {}

    private static final Shared BAD_REQUEST = new Shared(
            "400",
            "BadRequest",
            "The request is malformed or a field is invalid; `errors` names each field and why.",
            "estimatedPatients: must be greater than or equal to 0");
    private static final Shared UNAUTHORIZED = new Shared(
            "401",
            "Unauthorized",
            "No valid access token: sign in with Keycloak (realm `ars`).",
            "A valid bearer token is required.");
    private static final Shared FORBIDDEN = new Shared(
            "403",
            "Forbidden",
            "The caller's roles or region do not allow this request.",
            "Your roles or region do not allow this request.");
    private static final Shared TOO_LARGE = new Shared(
            "413",
            "PayloadTooLarge",
            "The body is larger than the platform accepts (256 KiB by default).",
            "The request body is too large.");
    private static final Shared NOT_JSON = new Shared(
            "415",
            "UnsupportedMediaType",
            "The body is not `application/json`.",
            "Content-Type 'text/plain' is not supported.");
    private static final Shared KEY_REUSED = new Shared(
            "422",
            "IdempotencyKeyReused",
            "The `Idempotency-Key` was already used by this caller with another body: nothing was recorded.",
            "This Idempotency-Key was already used with a different request.");
    private static final Shared TOO_MANY = new Shared(
            "429",
            "TooManyRequests",
            "Too many requests from this caller: retry after the number of seconds in `Retry-After`.",
            "Too many requests; retry later.");
    private static final Shared UNAVAILABLE = new Shared(
            "503",
            "ServiceUnavailable",
            "A store or service the request needs is unavailable; nothing was recorded. Retry after `Retry-After`.",
            "Storage is temporarily unavailable; nothing was recorded. Retry later.");

    private static final List<Shared> ALL =
            List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, TOO_LARGE, NOT_JSON, KEY_REUSED, TOO_MANY, UNAVAILABLE);

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean open =
                operation.getSecurity() != null && operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean parameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean idempotent = hasHeader(operation, IDEMPOTENCY_KEY);
        boolean conditional = hasHeader(operation, HttpHeaders.IF_MATCH);
        describeHeaders(operation);

        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                if (status.equals("201") || conditional) {
                    addHeader(response, HttpHeaders.LOCATION);
                }
                if (conditional) {
                    addHeader(response, HttpHeaders.ETAG);
                }
                if (idempotent) {
                    addHeader(response, REPLAYED);
                }
            } else if (status.startsWith("4") || status.startsWith("5")) {
                // the operation's own refusals keep their words and take the problem schema
                response.setContent(problemContent(null));
            }
        });
        if (body || parameters) {
            refer(responses, BAD_REQUEST);
        }
        if (!open) {
            refer(responses, UNAUTHORIZED);
            refer(responses, FORBIDDEN);
        }
        if (conditional && !responses.containsKey("409")) {
            responses.addApiResponse(
                    "409",
                    new ApiResponse()
                            .description("The incident changed since the version in"
                                    + " `If-Match`, or the change breaks a rule; nothing was recorded.")
                            .content(problemContent(null)));
        }
        if (body) {
            refer(responses, TOO_LARGE);
            refer(responses, NOT_JSON);
        }
        if (idempotent) {
            refer(responses, KEY_REUSED);
        }
        refer(responses, TOO_MANY);
        refer(responses, UNAVAILABLE);
        sort(responses);
        return operation;
    }

    /**
     * Says that a property not required may be null, as the services write it ({@code "metAt": null}); a property
     * that refers to another schema makes that schema nullable (in OpenAPI 3.0 nothing beside a {@code $ref} counts).
     */
    static void optionalMeansNullable(OpenAPI document) {
        Components components = document.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas();
        for (Schema<?> schema : schemas.values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((name, property) -> {
                if (required.contains(name)) {
                    return;
                }
                if (property.get$ref() != null) {
                    Schema<?> target = schemas.get(property.get$ref().substring("#/components/schemas/".length()));
                    if (target != null) {
                        target.setNullable(true);
                    }
                } else {
                    property.setNullable(true);
                }
            });
        }
    }

    /** Adds the problem schema, the shared responses and headers the operations use, and nothing they do not. */
    static void addSharedComponents(OpenAPI document) {
        optionalMeansNullable(document);
        Components components = document.getComponents() == null ? new Components() : document.getComponents();
        document.setComponents(components);
        components.addSchemas(
                FIELD_ERROR,
                new ObjectSchema()
                        .description("One refused field and why.")
                        .addProperty(
                                "field",
                                new StringSchema()
                                        .description("The field, parameter or header, as sent:"
                                                + " `exposedData[2]`, `asOf`, `If-Match`.")
                                        .example("estimatedPatients"))
                        .addProperty(
                                "reason",
                                new StringSchema()
                                        .description("Why it was refused.")
                                        .example("must be greater than or equal to 0"))
                        .required(List.of("field", "reason")));
        components.addSchemas(
                PROBLEM,
                new ObjectSchema()
                        .description("An error, as RFC 9457 problem details.")
                        .addProperty(
                                "type",
                                new StringSchema()
                                        .format("uri")
                                        .description("Identifies the kind of problem.")
                                        .example("https://ars.sante.fr/problems/bad-request"))
                        .addProperty(
                                "title",
                                new StringSchema()
                                        .description("The kind of problem, in short.")
                                        .example("Bad Request"))
                        .addProperty(
                                "status",
                                new IntegerSchema()
                                        .description("The HTTP status.")
                                        .example(400))
                        .addProperty("detail", new StringSchema().description("What went wrong in this request."))
                        .addProperty(
                                "instance",
                                new StringSchema()
                                        .format("uri-reference")
                                        .description("The path of the request that failed."))
                        .addProperty(
                                "errors",
                                new ArraySchema()
                                        .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                                        .description("With `400`: each refused field and why."))
                        .required(List.of("type", "title", "status")));

        Set<String> usedResponses = new TreeSet<>();
        Set<String> usedHeaders = new TreeSet<>();
        if (document.getPaths() != null) {
            for (PathItem path : document.getPaths().values()) {
                for (Operation operation : path.readOperations()) {
                    operation.getResponses().values().forEach(response -> {
                        if (response.get$ref() != null) {
                            usedResponses.add(response.get$ref().substring(RESPONSES.length()));
                        }
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().stream()
                                    .filter(h -> h.get$ref() != null)
                                    .forEach(h -> usedHeaders.add(h.get$ref().substring(HEADERS.length())));
                        }
                    });
                }
            }
        }
        for (Shared shared : ALL) {
            if (usedResponses.contains(shared.name())) {
                ApiResponse response =
                        new ApiResponse().description(shared.description()).content(problemContent(example(shared)));
                if (shared == UNAUTHORIZED) {
                    response.addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, headerRef(HttpHeaders.WWW_AUTHENTICATE));
                    usedHeaders.add(HttpHeaders.WWW_AUTHENTICATE);
                }
                if (shared == TOO_MANY || shared == UNAVAILABLE) {
                    response.addHeaderObject(HttpHeaders.RETRY_AFTER, headerRef(HttpHeaders.RETRY_AFTER));
                    usedHeaders.add(HttpHeaders.RETRY_AFTER);
                }
                components.addResponses(shared.name(), response);
            }
        }
        Map<String, Header> headers = new TreeMap<>(headerDefinitions());
        headers.keySet().retainAll(usedHeaders);
        headers.forEach(components::addHeaders);
    }

    private static Map<String, Header> headerDefinitions() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(
                HttpHeaders.LOCATION,
                new Header()
                        .description("The path of the resource created or changed.")
                        .schema(new StringSchema()
                                .format("uri-reference")
                                .example("/api/incidents/5b0f1c9e-6d1f-4f3e-9a57-0c8e2d4b7a31")));
        headers.put(
                HttpHeaders.ETAG,
                new Header()
                        .description("The incident's version after this change, to send" + " back in `If-Match`.")
                        .schema(new StringSchema().example("\"4\"")));
        headers.put(
                REPLAYED,
                new Header()
                        .description("`true` when this answers a retry with the same"
                                + " `Idempotency-Key` and body: nothing new was recorded.")
                        .schema(new StringSchema()._enum(List.of("true"))));
        headers.put(
                HttpHeaders.RETRY_AFTER,
                new Header()
                        .description("Seconds to wait before trying again.")
                        .schema(new IntegerSchema().example(5)));
        headers.put(
                HttpHeaders.WWW_AUTHENTICATE,
                new Header()
                        .description("`Bearer`: the token to present.")
                        .schema(new StringSchema().example("Bearer")));
        return headers;
    }

    /** The problem the platform answers with for {@code shared}, as {@link ProblemResponses} writes it. */
    private static Map<String, Object> example(Shared shared) {
        ProblemDetail problem =
                ProblemResponses.problem(HttpStatus.valueOf(Integer.parseInt(shared.status())), shared.detail());
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", problem.getType().toString());
        example.put("title", problem.getTitle());
        example.put("status", problem.getStatus());
        example.put("detail", problem.getDetail());
        if (shared == BAD_REQUEST) {
            example.put(
                    "errors",
                    List.of(Map.of("field", "estimatedPatients", "reason", "must be greater than or equal to 0")));
        }
        return example;
    }

    private static Content problemContent(Object example) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        if (example != null) {
            media.setExample(example);
        }
        return new Content().addMediaType(PROBLEM_JSON, media);
    }

    private static void refer(ApiResponses responses, Shared shared) {
        if (!responses.containsKey(shared.status())) {
            responses.addApiResponse(shared.status(), new ApiResponse().$ref(RESPONSES + shared.name()));
        }
    }

    private static void addHeader(ApiResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, headerRef(name));
        }
    }

    private static Header headerRef(String name) {
        return new Header().$ref(HEADERS + name);
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName()));
    }

    private static void describeHeaders(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (!"header".equals(parameter.getIn())) {
                continue;
            }
            if (IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName())) {
                parameter
                        .description("Makes the call safe to retry: the same key and body again records nothing new"
                                + " and answers as the first call did (with `Idempotent-Replayed: true`); the same key with"
                                + " another body is refused (`422`). Keys are the caller's own, kept 24 hours.")
                        .schema(new StringSchema()
                                .minLength(1)
                                .maxLength(200)
                                .example("hdf-2025-11-21-usurpation-001"));
            } else if (HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())) {
                parameter
                        .description("The incident's version this change was decided on, as its `ETag` gave it: if"
                                + " the incident changed since, nothing is recorded and the answer is `409`.")
                        .schema(new StringSchema().example("\"3\""));
            }
        }
    }

    /** Statuses in numeric order, so that the document reads (and compares) the same every time. */
    private static void sort(ApiResponses responses) {
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        sorted.forEach(responses::addApiResponse);
    }
}
