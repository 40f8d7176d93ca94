package fr.ars.coord.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** HTTP calls of the benchmark, with Keycloak tokens renewed before they expire. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAt) {}

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(status + " " + body, e);
            }
        }
    }

    Http(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /** A cached token, renewed after 200 s of its 5 minutes; a renewal blocks callers of that user only. */
    String token(String user) {
        return tokens.compute(
                        user, (u, token) -> token == null || Instant.now().isAfter(token.renewAt()) ? issue(u) : token)
                .value();
    }

    /**
     * Fresh tokens for these users now: a renewal is a password grant that takes Keycloak up to a second on
     * busy cores, and one falling inside a measured phase would hold every request of that user meanwhile.
     */
    void renew(String... users) {
        for (String user : users) {
            tokens.put(user, issue(user));
        }
    }

    private Token issue(String user) {
        String form = "grant_type=password&client_id=ars-cli&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo-password";
        Answer answer = send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        JsonNode issued = answer.status() == 200 ? answer.json().get("access_token") : null;
        if (issued == null) {
            throw new IllegalStateException("no token for " + user + ": " + answer.status() + " " + answer.body());
        }
        return new Token(issued.asText(), Instant.now().plusSeconds(200));
    }

    Answer post(String url, String user, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer delete(String url, String user, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer get(String url, String user) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token(user))
                .GET());
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
