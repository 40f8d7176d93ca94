package fr.ars.coord.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Remembers the tokens the gateway has already verified, so that a client sending the same access token on every
 * call pays for the signature check, the claim validation and the reading of its roles once per minute rather
 * than once per request. A token is only answered from memory with the authentication its own verification
 * produced, and only before its expiry; anything else (first sight, expired, unknown) goes through the full
 * verification (issuer, signature, audience, timestamps), and a refusal is never remembered.
 */
final class VerifiedTokenCache implements AuthenticationManager {

    private final AuthenticationManager verifier;
    private final Clock clock;
    private final Cache<String, JwtAuthenticationToken> verified;

    VerifiedTokenCache(AuthenticationManager verifier, Clock clock, long maximumSize, Duration keepFor) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(keepFor)
                .build();
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request instanceof BearerTokenAuthenticationToken bearer)) {
            return verifier.authenticate(request);
        }
        JwtAuthenticationToken known = verified.getIfPresent(bearer.getToken());
        if (known != null && clock.instant().isBefore(known.getToken().getExpiresAt())) {
            return known;
        }
        Authentication result = verifier.authenticate(bearer);
        if (result instanceof JwtAuthenticationToken token && token.getToken().getExpiresAt() != null) {
            // without the first request's details (its address): the same answer serves every later request
            JwtAuthenticationToken shared =
                    new JwtAuthenticationToken(token.getToken(), token.getAuthorities(), token.getName());
            verified.put(bearer.getToken(), shared);
            return shared;
        }
        return result;
    }
}
