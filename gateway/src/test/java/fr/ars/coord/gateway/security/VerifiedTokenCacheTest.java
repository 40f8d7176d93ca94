package fr.ars.coord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    private JwtDecoder decoder(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            if (token.startsWith("forged")) {
                throw new BadJwtException("bad signature");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("ars-hdf")
                    .issuedAt(NOW.minusSeconds(10)).expiresAt(expiresAt).build();
        };
    }

    @Test
    void aTokenSeenAgainIsNotVerifiedAgainWhileItIsValid() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder(NOW.plusSeconds(300)),
                Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(1));
        Jwt first = cache.decode("token-a");
        Jwt second = cache.decode("token-a");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        cache.decode("token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenGoesBackToTheFullCheck() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder(NOW.plusSeconds(5)),
                Clock.fixed(NOW.plusSeconds(6), ZoneOffset.UTC), 100, Duration.ofMinutes(1));
        cache.decode("token-a");
        cache.decode("token-a");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder(NOW.plusSeconds(300)),
                Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(1));
        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
