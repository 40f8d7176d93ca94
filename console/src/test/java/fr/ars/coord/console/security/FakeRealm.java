package fr.ars.coord.console.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Keycloak realm and the gateway, on one loopback port: the realm's token, certs and userinfo
 * endpoints as Keycloak answers them (signed JWTs: access, refresh and ID tokens, the ID token carrying the
 * authorization request's nonce; PKCE checked), and the platform's API answering the list of communiqués (empty),
 * every other read "not found" and every write "created", while keeping the bearer tokens it was called with.
 */
final class FakeRealm implements AutoCloseable {

    static final String CLIENT_ID = "ars-console";
    static final String CLIENT_SECRET = "dev-console-secret";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<Tokens> issued = new CopyOnWriteArrayList<>();
    private final List<String> apiBearers = new CopyOnWriteArrayList<>();

    record Grant(String username, String nonce, String codeChallenge) {}

    record Tokens(String username, String accessToken, String refreshToken, String idToken) {}

    FakeRealm() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-realm-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realms/ars/protocol/openid-connect/token", this::token);
        server.createContext(
                "/realms/ars/protocol/openid-connect/certs",
                exchange -> answer(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/realms/ars/protocol/openid-connect/userinfo", this::userInfo);
        server.createContext("/api/", this::api);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String issuer() {
        return origin() + "/realms/ars";
    }

    /** What Keycloak does when the user signs in: a code for the authorization request's nonce and PKCE challenge. */
    String signIn(String username, String nonce, String codeChallenge) {
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(username, nonce, codeChallenge));
        return code;
    }

    Tokens lastIssued() {
        return issued.get(issued.size() - 1);
    }

    List<String> apiBearers() {
        return apiBearers;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Grant grant = codes.remove(String.valueOf(form.get("code")));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !"authorization_code".equals(form.get("grant_type"))
                || grant == null
                || !grant.codeChallenge().equals(s256(form.get("code_verifier")))) {
            answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        Instant now = Instant.now();
        String access = sign(new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject(grant.username()))
                .audience(List.of("ars-api", "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", CLIENT_ID)
                .claim("scope", "openid profile")
                .claim("preferred_username", grant.username())
                .claim("region", region(grant.username()))
                .claim("org", "ARS")
                .claim("realm_access", Map.of("roles", List.of(role(grant.username()), "default-roles-ars")))
                .build());
        String refresh = sign(new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject(grant.username()))
                .audience(issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(1800)))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Refresh")
                .claim("azp", CLIENT_ID)
                .build());
        String id = sign(new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(subject(grant.username()))
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("auth_time", now.getEpochSecond())
                .claim("typ", "ID")
                .claim("azp", CLIENT_ID)
                .claim("nonce", grant.nonce())
                .claim("sid", UUID.randomUUID().toString())
                .claim("acr", "1")
                .claim("email_verified", false)
                .claim("name", "Agent Hauts-de-France")
                .claim("preferred_username", grant.username())
                .claim("given_name", "Agent")
                .claim("family_name", "Hauts-de-France")
                .claim("region", region(grant.username()))
                .claim("org", "ARS")
                .build());
        issued.add(new Tokens(grant.username(), access, refresh, id));
        answer(
                exchange,
                200,
                "application/json",
                "{\"access_token\":\"" + access + "\",\"expires_in\":300,"
                        + "\"refresh_expires_in\":1800,\"refresh_token\":\"" + refresh + "\",\"token_type\":\"Bearer\","
                        + "\"id_token\":\"" + id + "\",\"not-before-policy\":0,\"session_state\":\"" + UUID.randomUUID()
                        + "\",\"scope\":\"openid profile email\"}");
    }

    /** {@code national} is the national cell (no region), {@code ars-nor} staff of Normandie, anyone else of Hauts-de-France. */
    private static String region(String username) {
        return switch (username) {
            case "national" -> null;
            case "ars-nor" -> "FR-NOR";
            default -> "FR-HDF";
        };
    }

    private static String role(String username) {
        return username.equals("national") ? "national-coordinator" : "ars-staff";
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String bearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Tokens tokens = issued.stream()
                .filter(t -> bearer.equals("Bearer " + t.accessToken()))
                .findFirst()
                .orElse(null);
        if (tokens == null) {
            answer(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        answer(
                exchange,
                200,
                "application/json",
                "{\"sub\":\"" + subject(tokens.username()) + "\","
                        + "\"email_verified\":false,\"name\":\"Agent Hauts-de-France\",\"preferred_username\":\""
                        + tokens.username() + "\",\"given_name\":\"Agent\",\"family_name\":\"Hauts-de-France\","
                        + (region(tokens.username()) == null ? "" : "\"region\":\"" + region(tokens.username()) + "\",")
                        + "\"org\":\"ARS\"}");
    }

    private void api(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            apiBearers.add(authorization.substring("Bearer ".length()));
        }
        if ("GET".equals(exchange.getRequestMethod())
                && "/api/communiques".equals(exchange.getRequestURI().getPath())) {
            answer(exchange, 200, "application/json", "[]");
            return;
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 201, "application/json", "{}");
            return;
        }
        answer(
                exchange,
                404,
                "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Incident inconnu.\"}");
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String s256(String verifier) {
        if (verifier == null) {
            return "";
        }
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
