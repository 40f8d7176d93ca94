package fr.ars.coord.gateway.security;

import fr.ars.coord.gateway.config.GatewayProperties;
import fr.ars.coord.gateway.web.Problems;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Every route needs a valid Keycloak access token (issuer, signature, expiry, audience) except the public
 * communiqués, the feeds, health and API documentation. The token is relayed unchanged: services check roles
 * and regions themselves. 401 and 403 are problem+json; security headers go on every response.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    static final String[] CONSOLE_PATHS = {"/console", "/console/**"};

    /** The public pages (communiqués for patients and the press): HTML styled by its own stylesheet, no script. */
    static final String[] PUBLIC_PAGES_PATHS = {"/public", "/public/**"};

    static final String[] OPEN_PATHS = {
        "/api/public/**",
        "/feeds/**",
        PUBLIC_PAGES_PATHS[0],
        PUBLIC_PAGES_PATHS[1],
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs/**",
        "/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/webjars/**",
        // the console signs its users in itself (Keycloak, its session) and sets its own security headers
        CONSOLE_PATHS[0],
        CONSOLE_PATHS[1]
    };

    /** Swagger UI and the documents it reads: a policy of their own, apart from the console's and the API's. */
    static final String[] API_DOCUMENTATION_PATHS = {
        "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**", "/api-docs/**"
    };

    /** The API's answers are data (JSON, Atom): a browser that renders one runs nothing and loads nothing with it. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /** The public pages load their stylesheet, its fonts and icons from beside them, and run nothing. */
    static final String PUBLIC_PAGES_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final AuthenticationEntryPoint UNAUTHORIZED = (request, response, e) -> Problems.write(
            response, request.getRequestURI(), HttpStatus.UNAUTHORIZED, "A valid access token is required.");
    private static final AccessDeniedHandler FORBIDDEN = (request, response, e) -> Problems.write(
            response, request.getRequestURI(), HttpStatus.FORBIDDEN, "Your roles do not allow this request.");

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, GatewayProperties properties, JwtDecoder decoder)
            throws Exception {
        // path patterns matched directly: Spring MVC's matchers would look up the handler of every request first
        RequestMatcher open = new OrRequestMatcher(Arrays.stream(OPEN_PATHS)
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
        RequestMatcher console = new OrRequestMatcher(Arrays.stream(CONSOLE_PATHS)
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
        RequestMatcher apiDocumentation = new OrRequestMatcher(Arrays.stream(API_DOCUMENTATION_PATHS)
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
        RequestMatcher publicPages = new OrRequestMatcher(Arrays.stream(PUBLIC_PAGES_PATHS)
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(path))
                .toList());
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // no servlet API wrapper around each request: nothing here asks the request for its user
                .servletApi(AbstractHttpConfigurer::disable)
                // every call carries its token: no session is looked up or created for a security context
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(c -> c.configurationSource(cors(properties)))
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(open)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(rs -> rs.bearerTokenResolver(new BearerTokenHeader())
                        .jwt(jwt -> jwt.authenticationManager(verifiedTokens(decoder)))
                        .authenticationEntryPoint(UNAUTHORIZED)
                        .accessDeniedHandler(FORBIDDEN))
                .exceptionHandling(
                        ex -> ex.authenticationEntryPoint(UNAUTHORIZED).accessDeniedHandler(FORBIDDEN))
                .headers(headers -> headers.frameOptions(f -> f.deny())
                        // the console's pages carry the console's own policy (its sign-out form goes on to Keycloak);
                        // Swagger UI has a policy of its own; the API's answers (JSON, feeds) need nothing at all
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                apiDocumentation, new ContentSecurityPolicyHeaderWriter(swaggerUiPolicy(properties))))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                publicPages, new ContentSecurityPolicyHeaderWriter(PUBLIC_PAGES_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(new OrRequestMatcher(console, apiDocumentation, publicPages)),
                                new ContentSecurityPolicyHeaderWriter(API_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                        .httpStrictTransportSecurity(h -> h.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())))
                .build();
    }

    /**
     * Swagger UI runs only its own scripts (no inline script: its pages and its sign-in redirect load theirs from
     * files); its styles are partly inline; it calls the gateway and, to sign in, the Keycloak realm.
     */
    static String swaggerUiPolicy(GatewayProperties properties) {
        String signIn = properties.publicIssuer() == null
                ? ""
                : " " + properties.publicIssuer().getScheme() + "://"
                        + properties.publicIssuer().getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " connect-src 'self'" + signIn + "; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
                + signIn;
    }

    /**
     * No observation around each of Spring Security's filters, its authentication and its authorization: nothing
     * reads them, and the wrapping was a tenth of the gateway's time per request.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** See {@link PlainSecurityFilterChain}. */
    @Bean
    static BeanFactoryPostProcessor plainSecurityFilterChain() {
        return new PlainSecurityFilterChain();
    }

    /**
     * Each token's signature and claims are checked by the decoder Spring Boot configures (issuer, keys, audience),
     * once a minute at most; see {@link VerifiedTokenCache}.
     */
    private static AuthenticationManager verifiedTokens(JwtDecoder decoder) {
        JwtAuthenticationProvider verifier = new JwtAuthenticationProvider(decoder);
        verifier.setJwtAuthenticationConverter(new KeycloakRolesConverter());
        return new VerifiedTokenCache(new ProviderManager(verifier), Clock.systemUTC(), 10_000, Duration.ofMinutes(1));
    }

    /** Paths the firewall refuses (encoded slashes, traversal, NUL...) get a problem+json 400, not an empty one. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> Problems.write(
                response, request.getRequestURI(), HttpStatus.BAD_REQUEST, Problems.UNACCEPTABLE_REQUEST);
    }

    /** Browser origins allowed to call the API: none unless configured ({@code ARS_GATEWAY_CORS_ORIGINS}). */
    private static CorsConfigurationSource cors(GatewayProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins =
                properties.cors() == null ? List.of() : properties.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of(
                    "Authorization", "Content-Type", "Idempotency-Key", "If-Match", "X-Correlation-Id", "traceparent"));
            config.setExposedHeaders(
                    List.of("Location", "ETag", "Retry-After", "X-Correlation-Id", "Idempotent-Replayed"));
            config.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }
}
