package fr.ars.coord.platform.security;

import fr.ars.coord.platform.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server on Keycloak tokens (defence in depth behind the gateway):
 * stateless, health and API docs open, everything else needs a valid token. Finer rules (roles, region)
 * are decided by each service against {@link StaffMember}. 401 and 403 answer in problem+json.
 */
@AutoConfiguration(
        before = {
            SecurityAutoConfiguration.class,
            ServletWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            OAuth2ResourceServerWebSecurityAutoConfiguration.class
        })
public class ResourceServerSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, JsonMapper objectMapper) throws Exception {
        JwtAuthenticationConverter tokenConverter = new JwtAuthenticationConverter();
        tokenConverter.setJwtGrantedAuthoritiesConverter(new KeycloakRealmRoleConverter());
        tokenConverter.setPrincipalClaimName("sub");
        ProblemResponses problems = new ProblemResponses(objectMapper);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/actuator/health/**",
                                "/actuator/health",
                                "/actuator/info",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/error")
                        .permitAll()
                        .requestMatchers("/api/public/**", "/feeds/**", "/public", "/public/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(tokenConverter))
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(response, HttpStatus.UNAUTHORIZED, "A valid access token is required."))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                response, HttpStatus.FORBIDDEN, "Your roles do not allow this request.")))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) ->
                                problems.write(response, HttpStatus.UNAUTHORIZED, "A valid access token is required."))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                response, HttpStatus.FORBIDDEN, "Your roles do not allow this request.")));
        return http.build();
    }

    /**
     * One timer per request (http.server.requests) is kept; Spring Security's observation of each of its filters,
     * its authentication and its authorization is not worth its cost on every call. Switching its observations
     * off by name would leave the wrapping around every filter in place; this removes it.
     */
    @Bean
    @ConditionalOnMissingBean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Requests the firewall refuses (encoded slashes, traversal, bad characters) get a problem+json 400. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(JsonMapper objectMapper) {
        ProblemResponses problems = new ProblemResponses(objectMapper);
        return (request, response, e) ->
                problems.write(response, HttpStatus.BAD_REQUEST, "The request path or headers are not acceptable.");
    }
}
