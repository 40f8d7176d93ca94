package fr.ars.coord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokenHeaderTest {

    private final BearerTokenHeader resolver = new BearerTokenHeader();
    private final DefaultBearerTokenResolver springDefault = new DefaultBearerTokenResolver();

    private static MockHttpServletRequest withAuthorization(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/incidents");
        if (value != null) {
            request.addHeader("Authorization", value);
        }
        request.setParameter("access_token", "from-the-query");
        return request;
    }

    @Test
    void takesTheTokenOfABearerHeaderOnly() {
        assertThat(resolver.resolve(withAuthorization("Bearer eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl")))
                .isEqualTo("eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl");
        assertThat(resolver.resolve(withAuthorization("bearer abc+/_~-.=="))).isEqualTo("abc+/_~-.==");
        assertThat(resolver.resolve(withAuthorization(null))).isNull();
        assertThat(resolver.resolve(withAuthorization("Basic dXNlcjpwYXNz"))).isNull();
    }

    @Test
    void refusesWhatSpringSecuritysOwnResolverRefuses() {
        for (String malformed : List.of(
                "Bearer",
                "Bearer ",
                "Bearer  abc",
                "Bearer abc def",
                "Bearer a=b",
                "Bearer =",
                "Bearerabc",
                "Bearer abc\u00e9",
                "Bearer abc\n",
                "Bearer {abc}")) {
            assertThatThrownBy(() -> springDefault.resolve(withAuthorization(malformed)))
                    .as(malformed)
                    .isInstanceOf(OAuth2AuthenticationException.class);
            assertThatThrownBy(() -> resolver.resolve(withAuthorization(malformed)))
                    .as(malformed)
                    .isInstanceOf(OAuth2AuthenticationException.class);
        }
    }
}
