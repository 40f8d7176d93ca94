package fr.ars.coord.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the session, as usual, but never the reason a session is created: only a signed-in user has
 * forms, so a token generated for a visitor without session (a form posted anonymously, refused) is not kept.
 */
final class SessionCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return tokens.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null || request.getSession(false) != null) {
            tokens.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return tokens.loadToken(request);
    }
}
