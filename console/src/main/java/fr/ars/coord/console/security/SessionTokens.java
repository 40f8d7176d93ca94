package fr.ars.coord.console.security;

import fr.ars.coord.console.session.StoredTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * The users' tokens in their session, which is in PostgreSQL (encrypted): every console instance can call the API
 * for any signed-in user, and a restart keeps them. Only the tokens are stored ({@link StoredTokens}); the client's
 * registration is the console's configuration, joined again on reading.
 */
public final class SessionTokens implements OAuth2AuthorizedClientRepository {

    static final String ATTRIBUTE = "ars.console.tokens";

    private final ClientRegistrationRepository registrations;

    public SessionTokens(ClientRegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
            String registrationId, Authentication principal, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        ClientRegistration registration = registrations.findByRegistrationId(registrationId);
        if (session == null
                || registration == null
                || !(session.getAttribute(ATTRIBUTE + "." + registrationId) instanceof StoredTokens tokens)) {
            return null;
        }
        return (T) tokens.toClient(registration);
    }

    @Override
    public void saveAuthorizedClient(
            OAuth2AuthorizedClient client,
            Authentication principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        request.getSession()
                .setAttribute(
                        ATTRIBUTE + "." + client.getClientRegistration().getRegistrationId(), StoredTokens.of(client));
    }

    @Override
    public void removeAuthorizedClient(
            String registrationId, Authentication principal, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE + "." + registrationId);
        }
    }
}
