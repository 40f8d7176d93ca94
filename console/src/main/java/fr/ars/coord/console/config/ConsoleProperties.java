package fr.ars.coord.console.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ars.console.*}: where the API is reached (the gateway), the Keycloak realm users sign in on, this
 * console's client of it, how often open pages refresh themselves when they cannot be told of changes, the address browsers know the console by, and
 * the key that seals its sessions.
 *
 * @param gatewayUrl   the gateway the pages' API calls go through, with the user's token
 * @param issuer       the realm's issuer ({@code KEYCLOAK_ISSUER}); its endpoints are derived from it, so the
 *                     console starts without Keycloak being up
 * @param clientId     this console's confidential client of the realm
 * @param clientSecret its secret
 * @param refresh      how often an open page asks for its live part again when it cannot be told of changes (its
 *                     stream refused or lost; 1 to 60 seconds): told of them, it asks only then
 * @param publicUrl    the gateway's public address ({@code ARS_PUBLIC_BASE_URL}); the console is at
 *                     {@code <publicUrl>/console}. Every absolute address the console writes (the sign-in
 *                     {@code redirect_uri}, the address Keycloak sends back to after sign-out) is built from it,
 *                     never from a request's {@code Host} or {@code X-Forwarded-*} headers
 * @param sessionKey   the secret ({@code ARS_CONSOLE_SESSION_KEY}, at least 32 characters, the same on every
 *                     instance) the keys that encrypt the sessions at rest, their cookie and the sign-in cookie are
 *                     derived from
 */
@ConfigurationProperties("ars.console")
public record ConsoleProperties(
        URI gatewayUrl,
        String issuer,
        String clientId,
        String clientSecret,
        Duration refresh,
        URI publicUrl,
        String sessionKey) {

    /** The shortest {@link #sessionKey()} accepted. */
    public static final int SESSION_KEY_MIN_LENGTH = 32;

    /** Where the console is served, under {@link #publicUrl()}. */
    public static final String CONTEXT_PATH = "/console";

    public ConsoleProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("ars.console.issuer (KEYCLOAK_ISSUER) is required");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        refresh = refresh == null ? Duration.ofSeconds(30) : refresh;
        if (refresh.compareTo(Duration.ofSeconds(60)) > 0 || refresh.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ars.console.refresh is between 1 and 60 seconds, not " + refresh);
        }
        publicUrl = checkedPublicUrl(publicUrl);
        if (sessionKey == null || sessionKey.isBlank() || sessionKey.strip().length() < SESSION_KEY_MIN_LENGTH) {
            throw new IllegalArgumentException("ars.console.session-key (ARS_CONSOLE_SESSION_KEY) must be a secret of"
                    + " at least " + SESSION_KEY_MIN_LENGTH + " characters, the same on every console instance (it"
                    + " encrypts the sessions and their cookies): "
                    + (sessionKey == null || sessionKey.isBlank()
                            ? "none is set"
                            : "the one set has only " + sessionKey.strip().length() + " characters"));
        }
    }

    private static URI checkedPublicUrl(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("ars.console.public-url (ARS_PUBLIC_BASE_URL) is required");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || url.getHost() == null
                || url.getRawQuery() != null
                || url.getRawFragment() != null
                || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("ars.console.public-url (ARS_PUBLIC_BASE_URL) is the gateway's public"
                    + " address, http(s)://host[:port][/path] without query or fragment, not " + url);
        }
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    /** The realm's OpenID Connect endpoint of this name (auth, token, certs, userinfo, logout). */
    public String endpoint(String name) {
        return issuer + "/protocol/openid-connect/" + name;
    }

    /** The console's own public address: {@code <publicUrl>/console}, without a trailing slash. */
    public String consoleUrl() {
        return publicUrl + CONTEXT_PATH;
    }

    /** The realm's origin (scheme, host and port of the issuer): where sign-in and sign-out forms lead. */
    public String keycloakOrigin() {
        URI uri = URI.create(issuer);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Without the secrets. */
    @Override
    public String toString() {
        return "ConsoleProperties[gatewayUrl=" + gatewayUrl + ", issuer=" + issuer + ", clientId=" + clientId
                + ", refresh=" + refresh + ", publicUrl=" + publicUrl + "]";
    }
}
