package fr.ars.coord.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's own security, without Keycloak: where an anonymous browser is sent (the realm's authorization
 * endpoint, with PKCE and this client), the session cookie's attributes, the headers every page carries, and what
 * is open (health, assets) and what is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ars.console.issuer=http://localhost:18180/realms/ars", "ars.console.gateway-url=http://127.0.0.1:18080",
        "server.address=127.0.0.1",
        // no PostgreSQL here: the container's own sessions (the platform's, in PostgreSQL, are exercised end to end)
        "spring.autoconfigure.exclude=org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class ConsoleSecurityIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void anAnonymousVisitorIsSentToTheRealmsLoginWithPkceAndThisConsolesClient() throws Exception {
        HttpResponse<String> page = get("/console/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/oauth2/authorization/keycloak");

        HttpResponse<String> authorize = get("/console/oauth2/authorization/keycloak", null);
        assertThat(authorize.statusCode()).isEqualTo(302);
        URI keycloak = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(keycloak.getScheme() + "://" + keycloak.getAuthority() + keycloak.getPath())
                .isEqualTo("http://localhost:18180/realms/ars/protocol/openid-connect/auth");
        assertThat(keycloak.getQuery()).contains("client_id=ars-console", "response_type=code",
                "code_challenge_method=S256", "code_challenge=", "scope=openid profile",
                "redirect_uri=http://127.0.0.1:" + port + "/console/login/oauth2/code/keycloak");
        // the state of the flow is kept in the session: its cookie is HttpOnly, SameSite=Lax, for /console only
        String cookie = authorize.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("ARS_CONSOLE_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/console").doesNotContain("Secure");
    }

    @Test
    void behindTheGatewayTheRedirectNamesTheGatewaysAddress() throws Exception {
        HttpResponse<String> authorize = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/console/oauth2/authorization/keycloak"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "crise.ars.example.org")
                .header("X-Forwarded-Port", "443").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(authorize.headers().firstValue("Location").orElseThrow())
                .contains("redirect_uri=https://crise.ars.example.org/console/login/oauth2/code/keycloak");
    }

    @Test
    void everyPageCarriesASecurityPolicyWithoutInlineScripts() throws Exception {
        HttpResponse<String> page = get("/console/", null);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void healthAndTheBundledAssetsAreOpenEverythingElseNeedsASignedInUser() throws Exception {
        assertThat(get("/console/actuator/health", null).statusCode()).isEqualTo(200);
        for (String asset : List.of("/console/vendor/dsfr/dsfr.min.css", "/console/vendor/leaflet/leaflet.js",
                "/console/geo/regions.geojson", "/console/js/console.js", "/console/js/map.js")) {
            assertThat(get(asset, null).statusCode()).as(asset).isEqualTo(200);
        }
        for (String page : List.of("/console/regions/FR-HDF", "/console/incidents/x", "/console/campagnes",
                "/console/communiques")) {
            assertThat(get(page, null).statusCode()).as(page).isEqualTo(302);
        }
    }

    @Test
    void aFormPostedWithoutSessionOrCsrfTokenRecordsNothing() throws Exception {
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/console/incidents/x/assessments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("estimatedPatients=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isIn(302, 403);
        assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("/incidents/x");
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
