package fr.ars.coord.console.security;

import fr.ars.coord.console.config.ConsoleProperties;
import fr.ars.coord.console.session.ConsoleKeys;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Sign-in on Keycloak with the authorization-code flow and PKCE, as a confidential client: the tokens stay in the
 * server's session, the browser holds only the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS). A
 * visitor who is not signed in creates no session: the sign-in under way is kept in a sealed cookie
 * ({@link SignInCookie}), the page to return to travels with the sign-in link ({@link SignInFlow}); the session is
 * created once the sign-in has completed. Every form carries a CSRF token; sign-out is a POST that ends the Keycloak
 * session too. Health is open; everything else needs a signed-in user. Every absolute address the console writes
 * comes from its configuration ({@code ars.console.public-url}, the issuer), never from the request.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String REGISTRATION = "keycloak";

    @Bean
    SecurityFilterChain consoleSecurity(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            ConsoleProperties properties,
            ConsoleKeys keys,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
        failure.setAllowSessionCreation(false);
        boolean httpsOnly = "https".equalsIgnoreCase(properties.publicUrl().getScheme());
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/css/**",
                                "/js/**",
                                "/vendor/**",
                                "/geo/**",
                                "/signed-out",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // nothing of an anonymous request is kept on the server: no saved request, no CSRF token, no
                // authorization request in a session
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(
                        exceptions -> exceptions.authenticationEntryPoint(new SignInFlow.EntryPoint(REGISTRATION)))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens()))
                .oauth2Login(login -> login.authorizationEndpoint(
                                a -> a.authorizationRequestResolver(new SignInFlow.Requests(registrations))
                                        .authorizationRequestRepository(new SignInCookie(
                                                keys.signInCookie(), secureCookies, Clock.systemUTC())))
                        .successHandler(new SignInFlow.BackToPage())
                        .failureHandler(failure)
                        .userInfoEndpoint(u -> u.oidcUserService(new StaffOidcUserService())))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(new KeycloakSignOut(properties)))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(f -> f.deny())
                        // HTTPS or not as the configured public address says, not as forwarded headers would
                        .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(request -> httpsOnly))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Everything from the console itself; forms lead to the console or to Keycloak (Chromium applies
     * {@code form-action} to the redirects after a form is posted: sign-out is a POST answered with a redirect to
     * Keycloak's end-session endpoint).
     */
    static String contentSecurityPolicy(ConsoleProperties properties) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
                + " form-action 'self' " + properties.keycloakOrigin();
    }

    /**
     * The realm's client, with its endpoints derived from the issuer rather than discovered: the console starts
     * whether Keycloak is up yet or not. Keycloak sends the browser back to the console's configured public
     * address.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(ConsoleProperties properties) {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(properties.consoleUrl() + "/login/oauth2/code/{registrationId}")
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

    /** The users' tokens in their (encrypted) session. */
    @Bean
    SessionTokens authorizedClientRepository(ClientRegistrationRepository registrations) {
        return new SessionTokens(registrations);
    }
}
