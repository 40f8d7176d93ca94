package fr.ars.coord.console.security;

import fr.ars.coord.console.session.SealingKey;
import fr.ars.coord.console.session.SecurityJson;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization request of a sign-in under way (its state, nonce and PKCE verifier, and the page to return to)
 * kept in a cookie rather than in a session: sealed with AES-256-GCM under the sign-in key, HttpOnly, SameSite=Lax
 * (it comes back with Keycloak's redirect, a top-level navigation), sent only to the console's sign-in return
 * address, and valid for {@link #LIFETIME}. So an anonymous visitor writes nothing into the database: the session
 * is created once the sign-in has completed.
 */
final class SignInCookie implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String NAME = "ARS_CONSOLE_SIGN_IN";
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String RETURN_PATH = "/login/oauth2/code/";

    private static final String COMPLETED = SignInCookie.class.getName() + ".COMPLETED";
    private static final byte[] CONTEXT = NAME.getBytes(StandardCharsets.US_ASCII);

    private final SealingKey key;
    private final boolean secure;
    private final Clock clock;
    private final JsonMapper json = SecurityJson.mapper();

    SignInCookie(SealingKey key, boolean secure, Clock clock) {
        this.key = key;
        this.secure = secure;
        this.clock = clock;
    }

    /** The authorization request the sign-in that has just completed in this request was for. */
    static Optional<OAuth2AuthorizationRequest> completed(HttpServletRequest request) {
        return Optional.ofNullable((OAuth2AuthorizationRequest) request.getAttribute(COMPLETED));
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null) {
            return null;
        }
        return read(request)
                .filter(authorization -> state.equals(authorization.getState()))
                .orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(
            OAuth2AuthorizationRequest authorization, HttpServletRequest request, HttpServletResponse response) {
        if (authorization == null) {
            write(request, response, "", Duration.ZERO);
            return;
        }
        byte[] serialized = json.writeValueAsBytes(authorization);
        byte[] plain = ByteBuffer.allocate(Long.BYTES + serialized.length)
                .putLong(clock.instant().getEpochSecond())
                .put(serialized)
                .array();
        write(request, response, key.sealToText(plain, CONTEXT), LIFETIME);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(
            HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest authorization = loadAuthorizationRequest(request);
        if (authorization != null) {
            write(request, response, "", Duration.ZERO);
            request.setAttribute(COMPLETED, authorization);
        }
        return authorization;
    }

    private Optional<OAuth2AuthorizationRequest> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> NAME.equals(cookie.getName()))
                .findFirst()
                .flatMap(cookie -> key.openText(cookie.getValue(), CONTEXT))
                .flatMap(this::fresh);
    }

    private Optional<OAuth2AuthorizationRequest> fresh(byte[] plain) {
        if (plain.length <= Long.BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(plain);
        Instant written = Instant.ofEpochSecond(buffer.getLong());
        Instant now = clock.instant();
        if (written.isAfter(now.plusSeconds(60)) || written.plus(LIFETIME).isBefore(now)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(
                    Arrays.copyOfRange(plain, Long.BYTES, plain.length), OAuth2AuthorizationRequest.class));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(NAME, value)
                        .path(request.getContextPath() + RETURN_PATH)
                        .httpOnly(true)
                        .secure(secure)
                        .sameSite("Lax")
                        .maxAge(maxAge)
                        .build()
                        .toString());
    }
}
