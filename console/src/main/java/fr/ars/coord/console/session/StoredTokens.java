package fr.ars.coord.console.session;

import java.time.Instant;
import java.util.Set;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

/**
 * The signed-in user's tokens as their session keeps them: the access token and the refresh token with their times
 * and scopes, and whose they are. The client's registration (and its secret) is not stored: it is the console's
 * configuration, joined again when the tokens are read.
 */
public record StoredTokens(
        String principalName,
        String accessToken,
        Instant accessTokenIssuedAt,
        Instant accessTokenExpiresAt,
        Set<String> scopes,
        String refreshToken,
        Instant refreshTokenIssuedAt,
        Instant refreshTokenExpiresAt) {

    public StoredTokens {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public static StoredTokens of(OAuth2AuthorizedClient client) {
        OAuth2AccessToken access = client.getAccessToken();
        OAuth2RefreshToken refresh = client.getRefreshToken();
        return new StoredTokens(
                client.getPrincipalName(),
                access.getTokenValue(),
                access.getIssuedAt(),
                access.getExpiresAt(),
                access.getScopes(),
                refresh == null ? null : refresh.getTokenValue(),
                refresh == null ? null : refresh.getIssuedAt(),
                refresh == null ? null : refresh.getExpiresAt());
    }

    public OAuth2AuthorizedClient toClient(ClientRegistration registration) {
        OAuth2AccessToken access = new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, accessToken, accessTokenIssuedAt, accessTokenExpiresAt, scopes);
        OAuth2RefreshToken refresh = refreshToken == null
                ? null
                : new OAuth2RefreshToken(refreshToken, refreshTokenIssuedAt, refreshTokenExpiresAt);
        return new OAuth2AuthorizedClient(registration, principalName, access, refresh);
    }

    @Override
    public String toString() {
        return "StoredTokens[principalName=" + principalName + ", accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
    }
}
