package fr.ars.coord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    /** The gateway's verification with a decoder that counts its calls and refuses tokens starting "forged". */
    private AuthenticationManager verifier(Instant expiresAt) {
        JwtDecoder decoder = token -> {
            verifications.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new BadJwtException("bad signature");
            }
            return Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("ars-hdf")
                    .claim("realm_access", Map.of("roles", List.of("ars-staff")))
                    .issuedAt(NOW.minusSeconds(10))
                    .expiresAt(expiresAt)
                    .build();
        };
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new KeycloakRolesConverter());
        return new ProviderManager(provider);
    }

    private static BearerTokenAuthenticationToken bearer(String token) {
        BearerTokenAuthenticationToken bearer = new BearerTokenAuthenticationToken(token);
        bearer.setDetails("request from 10.0.0.1");
        return bearer;
    }

    @Test
    void aTokenSeenAgainIsNotVerifiedAgainWhileItIsValid() {
        VerifiedTokenCache cache = new VerifiedTokenCache(
                verifier(NOW.plusSeconds(300)), Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(1));
        Authentication first = cache.authenticate(bearer("token-a"));
        Authentication second = cache.authenticate(bearer("token-a"));
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        cache.authenticate(bearer("token-b"));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void theRememberedAnswerHasTheTokensRolesAndNoRequestsDetails() {
        VerifiedTokenCache cache = new VerifiedTokenCache(
                verifier(NOW.plusSeconds(300)), Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(1));
        JwtAuthenticationToken answer = (JwtAuthenticationToken) cache.authenticate(bearer("token-a"));
        assertThat(answer.isAuthenticated()).isTrue();
        assertThat(answer.getName()).isEqualTo("ars-hdf");
        assertThat(answer.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ars-staff");
        assertThat(answer.getDetails()).isNull();
    }

    @Test
    void anExpiredTokenGoesBackToTheFullCheck() {
        VerifiedTokenCache cache = new VerifiedTokenCache(
                verifier(NOW.plusSeconds(5)),
                Clock.fixed(NOW.plusSeconds(6), ZoneOffset.UTC),
                100,
                Duration.ofMinutes(1));
        cache.authenticate(bearer("token-a"));
        cache.authenticate(bearer("token-a"));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(
                verifier(NOW.plusSeconds(300)), Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(1));
        assertThatThrownBy(() -> cache.authenticate(bearer("forged-1")))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> cache.authenticate(bearer("forged-1")))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThat(verifications).hasValue(2);
    }
}
