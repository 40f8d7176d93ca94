package fr.ars.coord.console.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pages a user may be sent back to after signing in: the console's own pages, as a path within the console
 * (and its query), never an address elsewhere. Anything else (an asset, an unknown path, an absolute or
 * protocol-relative address, odd characters) is not a page to return to: the user lands on the map.
 */
final class ReturnPaths {

    /** The sign-in link's parameter naming the page to return to. */
    static final String PARAMETER = "continue";

    /** The attribute of the authorization request (kept in the sign-in cookie) holding it. */
    static final String ATTRIBUTE = "ars.console.return-to";

    private static final String ID = "[A-Za-z0-9-]{1,64}";

    /** The console's pages (the GET mappings of its controllers, but the signed-out page). */
    private static final Pattern PAGE = Pattern.compile(String.join(
            "|",
            "/",
            "/regions/" + ID,
            "/incidents/" + ID,
            "/campagnes",
            "/campagnes/" + ID,
            "/communiques",
            "/communiques/" + ID));

    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~%=&:+-]{1,256}");

    private ReturnPaths() {}

    /** {@code pathAndQuery} if it names one of the console's pages, relative to the console. */
    static Optional<String> of(String pathAndQuery) {
        if (pathAndQuery == null || pathAndQuery.length() > 400) {
            return Optional.empty();
        }
        int mark = pathAndQuery.indexOf('?');
        String path = mark < 0 ? pathAndQuery : pathAndQuery.substring(0, mark);
        String query = mark < 0 ? null : pathAndQuery.substring(mark + 1);
        if (!PAGE.matcher(path).matches()
                || (query != null && !QUERY.matcher(query).matches())) {
            return Optional.empty();
        }
        return Optional.of(pathAndQuery);
    }

    /** The page a GET request asked for, if it is one of the console's pages. */
    static Optional<String> of(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return Optional.empty();
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null || !uri.startsWith(context)) {
            return Optional.empty();
        }
        String path = uri.substring(context.length());
        return of(request.getQueryString() == null ? path : path + "?" + request.getQueryString());
    }
}
