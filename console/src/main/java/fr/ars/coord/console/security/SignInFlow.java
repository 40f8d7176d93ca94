package fr.ars.coord.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Signing in without a session until it has succeeded: the page asked for travels as a parameter of the sign-in
 * link ({@code /oauth2/authorization/keycloak?continue=/incidents/...}, only for the console's pages), then inside
 * the authorization request, which the sign-in cookie keeps ({@link SignInCookie}); once Keycloak has sent the user
 * back and the tokens are obtained, the session is created and the user is sent to that page. Every redirect is
 * relative to the console: no address is built from the request's {@code Host}.
 */
final class SignInFlow {

    static final String AUTHORIZATION_PATH = "/oauth2/authorization";

    private SignInFlow() {}

    /** A visitor without session is sent to sign in, with the page asked for if it is one of the console's. */
    static final class EntryPoint implements AuthenticationEntryPoint {

        private final String registrationId;

        EntryPoint(String registrationId) {
            this.registrationId = registrationId;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
                throws IOException {
            String signIn = request.getContextPath() + AUTHORIZATION_PATH + "/" + registrationId;
            String page = ReturnPaths.of(request).filter(p -> !p.equals("/")).orElse(null);
            response.sendRedirect(
                    page == null
                            ? signIn
                            : signIn + "?" + ReturnPaths.PARAMETER + "="
                                    + URLEncoder.encode(page, StandardCharsets.UTF_8));
        }
    }

    /** The authorization request, with PKCE (S256) although the client is confidential, and the page to return to. */
    static final class Requests implements OAuth2AuthorizationRequestResolver {

        private final ClientRegistrationRepository registrations;
        private final DefaultOAuth2AuthorizationRequestResolver requests;

        Requests(ClientRegistrationRepository registrations) {
            this.registrations = registrations;
            requests = new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_PATH);
            requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            // a client the console does not have is an unknown page (sign-in), not a failure
            String prefix = request.getContextPath() + AUTHORIZATION_PATH + "/";
            String uri = request.getRequestURI();
            if (uri != null
                    && uri.startsWith(prefix)
                    && registrations.findByRegistrationId(uri.substring(prefix.length())) == null) {
                return null;
            }
            return withPage(request, requests.resolve(request));
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
            return withPage(request, requests.resolve(request, clientRegistrationId));
        }

        private static OAuth2AuthorizationRequest withPage(
                HttpServletRequest request, OAuth2AuthorizationRequest authorization) {
            if (authorization == null) {
                return null;
            }
            return ReturnPaths.of(request.getParameter(ReturnPaths.PARAMETER))
                    .map(page -> OAuth2AuthorizationRequest.from(authorization)
                            .attributes(attributes -> attributes.put(ReturnPaths.ATTRIBUTE, page))
                            .build())
                    .orElse(authorization);
        }
    }

    /** Signed in: to the page the sign-in was for, or the map. */
    static final class BackToPage implements AuthenticationSuccessHandler {

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            }
            String page = SignInCookie.completed(request)
                    .map(authorization -> authorization.<String>getAttribute(ReturnPaths.ATTRIBUTE))
                    .flatMap(ReturnPaths::of)
                    .orElse("/");
            response.sendRedirect(request.getContextPath() + page);
        }
    }
}
