package fr.ars.coord.console.security;

import fr.ars.coord.console.config.ConsoleProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the console's session is gone, the browser is sent to Keycloak's end-session endpoint with the ID token
 * as hint, so that the Keycloak session ends too (otherwise the next sign-in would pass without a password), and
 * comes back to the console's signed-out page, at the console's configured public address.
 */
final class KeycloakSignOut implements LogoutSuccessHandler {

    private final ConsoleProperties properties;

    KeycloakSignOut(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String back = properties.consoleUrl() + "/signed-out";
        UriComponentsBuilder logout = UriComponentsBuilder.fromUriString(properties.endpoint("logout"))
                .queryParam("client_id", properties.clientId())
                .queryParam("post_logout_redirect_uri", back);
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            logout.queryParam("id_token_hint", user.getIdToken().getTokenValue());
        }
        response.sendRedirect(logout.encode().build().toUriString());
    }
}
