package fr.ars.coord.gateway.filter;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests for the console's pages: they carry the console's session cookie, not a token, so the gateway cannot tell
 * a signed-in user from anyone; it keeps them apart from the API's anonymous callers (their own buckets, their own
 * upload slots, a smaller body size) and, without the session cookie, in a tighter bucket still.
 */
final class ConsoleRequests {

    /** The console's session cookie (its name is the console's {@code server.servlet.session.cookie.name}). */
    static final String SESSION_COOKIE = "ARS_CONSOLE_SESSION";

    private ConsoleRequests() {}

    static boolean isConsole(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/console") || path.startsWith("/console/");
    }

    static boolean carriesSession(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return true;
            }
        }
        return false;
    }
}
