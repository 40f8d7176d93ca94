package fr.ars.coord.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.FlashMap;

class SessionValuesTest {

    private final SessionValues values = new SessionValues();

    @Test
    void theSignedInUserIsWrittenAsJsonAndReadBack() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", URI.create("http://localhost:8180/realms/ars").toURL());
        claims.put("sub", "5b0e7c1e-0000-4000-8000-000000000001");
        // as the ID token decoder converts them: the issuer a URL, the audience a set
        claims.put("aud", new java.util.LinkedHashSet<>(List.of("ars-console")));
        claims.put("iat", now);
        claims.put("exp", now.plusSeconds(300));
        claims.put("nonce", "n-0S6_WzA2Mj");
        claims.put("preferred_username", "ars-hdf");
        claims.put("name", "Agent Hauts-de-France");
        claims.put("region", "FR-HDF");
        claims.put("email_verified", false);
        OidcIdToken idToken = new OidcIdToken("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", now, now.plusSeconds(300), claims);
        OidcUserInfo userInfo = new OidcUserInfo(Map.of(
                "sub", "5b0e7c1e-0000-4000-8000-000000000001", "preferred_username", "ars-hdf", "region", "FR-HDF"));
        Set<GrantedAuthority> authorities = Set.of(
                new OidcUserAuthority(idToken, userInfo),
                new SimpleGrantedAuthority("SCOPE_openid"),
                new SimpleGrantedAuthority("ROLE_ars-staff"));
        DefaultOidcUser user = new DefaultOidcUser(authorities, idToken, userInfo, "preferred_username");
        SecurityContextImpl context =
                new SecurityContextImpl(new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak"));

        byte[] json = values.write(context);
        assertThat(json[0]).isEqualTo((byte) '{');
        SecurityContextImpl read = (SecurityContextImpl) values.read(json);
        OAuth2AuthenticationToken authentication = (OAuth2AuthenticationToken) read.getAuthentication();
        assertThat(authentication.getAuthorizedClientRegistrationId()).isEqualTo("keycloak");
        assertThat(authentication.getName()).isEqualTo("ars-hdf");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_ars-staff", "SCOPE_openid");
        DefaultOidcUser readUser = (DefaultOidcUser) authentication.getPrincipal();
        assertThat(readUser.getIdToken().getTokenValue()).isEqualTo(idToken.getTokenValue());
        assertThat(readUser.getClaimAsString("region")).isEqualTo("FR-HDF");
        assertThat(readUser.getIssuer().toString()).isEqualTo("http://localhost:8180/realms/ars");
        assertThat(readUser.getExpiresAt()).isEqualTo(now.plusSeconds(300));
    }

    @Test
    void tokensCsrfTokensFlashMessagesAndTextAreWrittenWithoutClassNames() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StoredTokens tokens = new StoredTokens(
                "ars-hdf",
                "access",
                now,
                now.plusSeconds(300),
                Set.of("openid", "profile"),
                "refresh",
                now,
                now.plusSeconds(1800));
        assertThat(values.read(values.write(tokens))).isEqualTo(tokens);

        CsrfToken csrf = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "t-1");
        CsrfToken readCsrf = (CsrfToken) values.read(values.write(csrf));
        assertThat(readCsrf.getToken()).isEqualTo("t-1");
        assertThat(readCsrf.getParameterName()).isEqualTo("_csrf");
        assertThat(readCsrf.getHeaderName()).isEqualTo("X-CSRF-TOKEN");

        FlashMap flash = new FlashMap();
        flash.setTargetRequestPath("/console/communiques/c-1");
        flash.addTargetRequestParam("tab", "texte");
        flash.startExpirationPeriod(180);
        flash.put("refused", "Le texte a changé.");
        flash.put("refusedFields", new LinkedHashMap<>(Map.of("reason", "obligatoire")));
        byte[] json = values.write(List.of(flash));
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text)
                .doesNotContain("java.")
                .doesNotContain("org.springframework")
                .doesNotContain("@class");
        @SuppressWarnings("unchecked")
        List<FlashMap> read = (List<FlashMap>) values.read(json);
        assertThat(read).hasSize(1);
        assertThat((Map<String, Object>) read.get(0))
                .containsEntry("refused", "Le texte a changé.")
                .containsEntry("refusedFields", Map.of("reason", "obligatoire"));
        assertThat(read.get(0).getTargetRequestPath()).isEqualTo("/console/communiques/c-1");
        assertThat(read.get(0).getTargetRequestParams().getFirst("tab")).isEqualTo("texte");
        assertThat(read.get(0).getExpirationTime()).isEqualTo(flash.getExpirationTime());

        assertThat(values.read(values.write("un texte"))).isEqualTo("un texte");
    }

    @Test
    void anythingElseIsNeitherWrittenNorRead() {
        assertThatThrownBy(() -> values.write(new java.util.Date())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values.write(42)).isInstanceOf(IllegalArgumentException.class);
        FlashMap withObject = new FlashMap();
        withObject.put("x", new java.util.Date());
        assertThatThrownBy(() -> values.write(List.of(withObject))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> values.read("{\"type\":\"java\",\"value\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        // a security context naming a class outside Spring Security's allow-list
        assertThatThrownBy(() -> values.read(("{\"type\":\"security-context\",\"value\":{\"@class\":"
                                + "\"org.springframework.security.core.context.SecurityContextImpl\",\"authentication\":{\"@class\":"
                                + "\"java.net.URL\",\"x\":1}}}")
                        .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuntimeException.class);
    }
}
