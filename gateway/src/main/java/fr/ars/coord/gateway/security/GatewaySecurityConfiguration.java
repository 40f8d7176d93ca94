package fr.ars.coord.gateway.security;

import fr.ars.coord.gateway.GatewayProperties;
import fr.ars.coord.gateway.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Every route needs a valid Keycloak access token (issuer, signature, expiry, audience) except the public
 * communiqués, the feeds, health and API documentation. The token is relayed unchanged: services check roles
 * and regions themselves. 401 and 403 are problem+json; security headers go on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

    static final String[] OPEN_PATHS = {"/api/public/**", "/feeds/**", "/actuator/health", "/actuator/health/**",
            "/actuator/info", "/v3/api-docs/**", "/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, CorsConfigurationSource cors) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // every call carries its token: no web session is looked up or created for a security context
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(c -> c.configurationSource(cors))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN_PATHS).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRolesConverter()))
                        .authenticationEntryPoint((exchange, e) ->
                                Problems.write(exchange, HttpStatus.UNAUTHORIZED, "A valid access token is required."))
                        .accessDeniedHandler((exchange, e) ->
                                Problems.write(exchange, HttpStatus.FORBIDDEN, "Your roles do not allow this request.")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) ->
                                Problems.write(exchange, HttpStatus.UNAUTHORIZED, "A valid access token is required."))
                        .accessDeniedHandler((exchange, e) ->
                                Problems.write(exchange, HttpStatus.FORBIDDEN, "Your roles do not allow this request.")))
                .headers(headers -> headers
                        .frameOptions(f -> f.mode(Mode.DENY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicy(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                        .hsts(h -> h.includeSubdomains(true).maxAge(Duration.ofDays(365))))
                .build();
    }

    /**
     * No observation around each of Spring Security's filters, its authentication and its authorization: nothing
     * reads them, and the wrapping was a tenth of the gateway's time per request.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Each token's signature and claims are checked once a minute at most; see {@link VerifiedTokenCache}. */
    @Bean
    static BeanPostProcessor verifiedTokenCache() {
        return VerifiedTokenCache.wrapping(Clock.systemUTC(), 10_000, Duration.ofMinutes(1));
    }

    /** Paths the firewall refuses (encoded slashes, traversal, NUL...) get a problem+json 400, not an empty one. */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST,
                "The request path or headers are not acceptable.");
    }

    /** Browser origins allowed to call the API: none unless configured ({@code ARS_GATEWAY_CORS_ORIGINS}). */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.cors() == null ? List.of() : properties.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match",
                    "X-Correlation-Id", "traceparent"));
            config.setExposedHeaders(List.of("Location", "ETag", "Retry-After", "X-Correlation-Id",
                    "Idempotent-Replayed"));
            config.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }
}
