package fr.ars.coord.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ars.gateway.*}: limits and policies of the gateway (see application.yml for defaults). */
@ConfigurationProperties("ars.gateway")
public record GatewayProperties(long maxBodyBytes, RateLimit rateLimit, CircuitBreaker circuitBreaker, Cors cors) {

    public record RateLimit(long authenticatedPerMinute, long authenticatedBurst, long publicPerMinute,
                            long publicBurst) {
    }

    public record CircuitBreaker(float failureRateThreshold, int minimumCalls, int openSeconds) {
    }

    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
        }
    }
}
