package fr.ars.coord.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per route: it opens when half the recent calls to a service failed (connection refused,
 * timeout), answers 503 at once while open, then probes again. Timeouts are the routes' own response timeouts
 * (application.yml): resilience4j's time limiter is off, it only repeated them with a timer task per call.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(GatewayProperties properties) {
        GatewayProperties.CircuitBreaker cb = properties.circuitBreaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(cb.failureRateThreshold())
                        .minimumNumberOfCalls(cb.minimumCalls())
                        .slidingWindowSize(Math.max(cb.minimumCalls(), 20))
                        .waitDurationInOpenState(Duration.ofSeconds(cb.openSeconds()))
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .build())
                .build());
    }
}
