package fr.ars.coord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();

    private ReactiveJwtDecoder decoder(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            if (token.startsWith("forged")) {
                return Mono.error(new BadJwtException("bad signature"));
            }
            return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("ars-hdf")
                    .issuedAt(NOW.minusSeconds(10)).expiresAt(expiresAt).build());
        };
    }

    @Test
    void aTokenSeenAgainIsNotVerifiedAgainWhileItIsValid() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder(NOW.plusSeconds(300)),
                Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(1));
        Jwt first = cache.decode("token-a").block();
        Jwt second = cache.decode("token-a").block();
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
        cache.decode("token-b").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenGoesBackToTheFullCheck() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder(NOW.plusSeconds(5)),
                Clock.fixed(NOW.plusSeconds(6), ZoneOffset.UTC), 100, Duration.ofMinutes(1));
        cache.decode("token-a").block();
        cache.decode("token-a").block();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder(NOW.plusSeconds(300)),
                Clock.fixed(NOW, ZoneOffset.UTC), 100, Duration.ofMinutes(1));
        StepVerifier.create(cache.decode("forged-1")).expectError(BadJwtException.class).verify();
        StepVerifier.create(cache.decode("forged-1")).expectError(BadJwtException.class).verify();
        assertThat(verifications).hasValue(2);
    }
}
