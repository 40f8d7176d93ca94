package fr.ars.coord.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Real tokens from the real Keycloak of the running platform. */
final class Keycloak {

    static final String DEMO_PASSWORD = "demo-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String tokenUrl;

    Keycloak(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    /** A demo user's tokens, kept a minute (they live five): one sign-in per user and minute, not one per call. */
    private static final Map<String, Issued> ISSUED = new java.util.concurrent.ConcurrentHashMap<>();

    private record Issued(String token, long at) {}

    /**
     * An access token of the demo user. Signing the same user in many times a second sets off Keycloak's brute-force
     * detection now and then (the account is reported temporarily disabled without a failed attempt), so a token
     * obtained less than a minute ago is given again.
     */
    String password(String username) {
        String key = tokenUrl + " " + username;
        Issued known = ISSUED.get(key);
        if (known != null && System.nanoTime() - known.at() < java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) {
            return known.token();
        }
        String token = password(username, DEMO_PASSWORD).get("access_token").asText();
        ISSUED.put(key, new Issued(token, System.nanoTime()));
        return token;
    }

    JsonNode password(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "ars-cli");
        form.put("username", username);
        form.put("password", password);
        return post(form);
    }

    String clientCredentials(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return post(form).get("access_token").asText();
    }

    /**
     * Signs {@code username} in as a browser does through {@code clientId}'s authorization code flow: the login
     * form, the code on the redirect, then the code exchanged with the PKCE verifier (or without it, when
     * {@code withVerifier} is false). Returns the token endpoint's answer.
     */
    JsonNode authorizationCode(String clientId, String redirectUri, String username, boolean withVerifier) {
        // cookies carried by hand: Keycloak marks its session cookies Secure, which Java's cookie store keeps from
        // plain-HTTP requests where a browser on localhost sends them
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge;
        try {
            challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String openIdConnect = tokenUrl.substring(0, tokenUrl.lastIndexOf('/'));
        String authorize = openIdConnect + "/auth?response_type=code&scope=openid&state=docs&client_id="
                + encode(clientId) + "&redirect_uri=" + encode(redirectUri) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";
        HttpResponse<String> page =
                send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET());
        java.util.regex.Matcher action = java.util.regex.Pattern.compile(
                        "<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form: " + page.statusCode() + " " + page.body());
        }
        String cookies = page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> signedIn = send(
                browser,
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                                + encode(DEMO_PASSWORD) + "&credentialId=")));
        String location = signedIn.headers().firstValue("Location").orElse("");
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!location.startsWith(redirectUri) || !code.find()) {
            throw new IllegalStateException(
                    "not redirected with a code: " + signedIn.statusCode() + " " + location + " " + signedIn.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        form.put("redirect_uri", redirectUri);
        if (withVerifier) {
            form.put("code_verifier", verifier);
        }
        return post(form);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode claims(String accessToken) {
        return JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
    }

    private JsonNode post(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(tokenUrl))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            ((tools.jackson.databind.node.ObjectNode) json).put("httpStatus", response.statusCode());
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
