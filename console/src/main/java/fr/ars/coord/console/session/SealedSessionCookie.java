package fr.ars.coord.console.session;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie carries the session's id sealed (AES-256-GCM under the session-cookie key), not the id itself:
 * the {@code SESSION_ID} of a row read from the database does not sign anyone in, and a cookie value that does not
 * open is ignored (no session). Name and attributes (HttpOnly, SameSite, Secure, path) are those of
 * {@code server.servlet.session.cookie.*}, applied by the {@link DefaultCookieSerializer} this writes through.
 */
final class SealedSessionCookie implements CookieSerializer {

    private static final byte[] CONTEXT = "session-cookie".getBytes(StandardCharsets.US_ASCII);

    private final DefaultCookieSerializer cookies;
    private final SealingKey key;

    SealedSessionCookie(DefaultCookieSerializer cookies, SealingKey key) {
        this.cookies = cookies;
        this.key = key;
    }

    @Override
    public void writeCookieValue(CookieValue cookieValue) {
        String id = cookieValue.getCookieValue();
        if (id == null || id.isEmpty()) {
            // the session ended: the cookie is cleared
            cookies.writeCookieValue(cookieValue);
            return;
        }
        CookieValue sealed = new CookieValue(
                cookieValue.getRequest(),
                cookieValue.getResponse(),
                key.sealToText(id.getBytes(StandardCharsets.US_ASCII), CONTEXT));
        sealed.setCookieMaxAge(cookieValue.getCookieMaxAge());
        cookies.writeCookieValue(sealed);
    }

    @Override
    public List<String> readCookieValues(HttpServletRequest request) {
        return cookies.readCookieValues(request).stream()
                .map(value -> key.openText(value, CONTEXT))
                .flatMap(Optional::stream)
                .map(id -> new String(id, StandardCharsets.US_ASCII))
                .toList();
    }
}
