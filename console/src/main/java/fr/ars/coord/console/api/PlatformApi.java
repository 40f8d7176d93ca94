package fr.ars.coord.console.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The platform's API as the console calls it: through the gateway, with the signed-in user's access token (added,
 * and refreshed when needed, by the client's interceptor). Answers are read as the JSON the API documents
 * describe; a refusal becomes an {@link ApiProblem} carrying the API's own words.
 */
public class PlatformApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient client;

    public PlatformApi(RestClient client) {
        this.client = client;
    }

    public Map<String, Object> get(String path, Object... variables) {
        return checked(client.get().uri(path, variables)).body(OBJECT);
    }

    /** GET, answering empty when the API says 404 (unknown, or in a region the caller does not see). */
    public Optional<Map<String, Object>> find(String path, Object... variables) {
        try {
            return Optional.ofNullable(get(path, variables));
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    public Map<String, Object> get(java.util.function.Function<UriBuilder, URI> uri) {
        return checked(client.get().uri(uri)).body(OBJECT);
    }

    public List<Map<String, Object>> list(java.util.function.Function<UriBuilder, URI> uri) {
        return orEmpty(checked(client.get().uri(uri)).body(LIST));
    }

    public List<Map<String, Object>> list(String path, Object... variables) {
        return orEmpty(checked(client.get().uri(path, variables)).body(LIST));
    }

    /** The answer, or an {@link ApiProblem} when the API refused the call. */
    private static RestClient.ResponseSpec checked(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().onStatus(HttpStatusCode::isError, PlatformApi::problem);
    }

    private static List<Map<String, Object>> orEmpty(List<Map<String, Object>> body) {
        return body == null ? List.of() : body;
    }

    /** POST a JSON body (or none), with an idempotency key so that a double submission records once. */
    public Map<String, Object> post(String idempotencyKey, Object body, String path, Object... variables) {
        RestClient.RequestBodySpec request = client.post().uri(path, variables).header("Idempotency-Key", idempotencyKey);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return checked(request).body(OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static void problem(org.springframework.http.HttpRequest request,
                                org.springframework.http.client.ClientHttpResponse response) throws java.io.IOException {
        int status = response.getStatusCode().value();
        String detail = "";
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        byte[] bytes = response.getBody().readAllBytes();
        try {
            Map<String, Object> problem = tools.jackson.databind.json.JsonMapper.shared().readValue(bytes, Map.class);
            detail = String.valueOf(problem.getOrDefault("detail", problem.getOrDefault("title", "")));
            if (problem.get("errors") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> error) {
                        errors.add(new ApiProblem.FieldError(String.valueOf(error.get("field")),
                                String.valueOf(error.get("reason"))));
                    }
                }
            }
        } catch (RuntimeException unreadable) {
            detail = "HTTP " + status;
        }
        throw new ApiProblem(status, detail, errors);
    }
}
