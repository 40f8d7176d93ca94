package fr.ars.coord.console.security;

import fr.ars.coord.console.ConsoleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in on Keycloak with the authorization-code flow and PKCE, as a confidential client: the tokens stay in the
 * server's session, the browser holds only the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS). Every
 * form carries a CSRF token; sign-out is a POST that ends the Keycloak session too. Health is open; everything
 * else needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                        ConsoleProperties properties) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/css/**", "/js/**", "/vendor/**",
                                "/geo/**", "/signed-out", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(withPkce(registrations)))
                        .userInfoEndpoint(u -> u.oidcUserService(new StaffOidcUserService())))
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessHandler(new KeycloakSignOut(properties)))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
                                        + " data:; font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors"
                                        + " 'none'; base-uri 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** PKCE (S256) on every authorization request, although the client is confidential. */
    private static OAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /**
     * The realm's client, with its endpoints derived from the issuer rather than discovered: the console starts
     * whether Keycloak is up yet or not.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties properties) {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(properties.issuer())
                .authorizationUri(properties.endpoint("auth"))
                .tokenUri(properties.endpoint("token"))
                .jwkSetUri(properties.endpoint("certs"))
                .userInfoUri(properties.endpoint("userinfo"))
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName("Keycloak ARS")
                .build());
    }
}
