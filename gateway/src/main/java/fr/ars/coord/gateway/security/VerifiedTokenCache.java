package fr.ars.coord.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers the tokens the gateway has already verified, so that a client sending the same access token on every
 * call pays for the signature check and claim validation once per minute rather than once per request. A token is
 * only answered from memory with the claims its own verification produced, and only before its expiry; anything
 * else (first sight, expired, unknown) goes through the full decoder configured by Spring Boot (issuer, signature,
 * audience, timestamps).
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder decoder, Clock clock, long maximumSize, Duration keepFor) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(keepFor).build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Wraps whichever decoder the application defines. */
    static BeanPostProcessor wrapping(Clock clock, long maximumSize, Duration keepFor) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)) {
                    return new VerifiedTokenCache(decoder, clock, maximumSize, keepFor);
                }
                return bean;
            }
        };
    }
}
