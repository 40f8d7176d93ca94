package fr.ars.coord.console;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ars.console.*}: where the API is reached (the gateway), the Keycloak realm users sign in on, this
 * console's client of it, and how often open pages refresh themselves.
 *
 * @param gatewayUrl   the gateway the pages' API calls go through, with the user's token
 * @param issuer       the realm's issuer ({@code KEYCLOAK_ISSUER}); its endpoints are derived from it, so the
 *                     console starts without Keycloak being up
 * @param clientId     this console's confidential client of the realm
 * @param clientSecret its secret
 * @param refresh      how often an open page asks for its live part again (at most 5 seconds)
 */
@ConfigurationProperties("ars.console")
public record ConsoleProperties(URI gatewayUrl, String issuer, String clientId, String clientSecret,
                                Duration refresh) {

    public ConsoleProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("ars.console.issuer (KEYCLOAK_ISSUER) is required");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        refresh = refresh == null ? Duration.ofSeconds(4) : refresh;
        if (refresh.compareTo(Duration.ofSeconds(5)) > 0 || refresh.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ars.console.refresh is between 1 and 5 seconds, not " + refresh);
        }
    }

    /** The realm's OpenID Connect endpoint of this name (auth, token, certs, userinfo, logout). */
    public String endpoint(String name) {
        return issuer + "/protocol/openid-connect/" + name;
    }
}
