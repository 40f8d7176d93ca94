package fr.ars.coord.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ars.coord.console.ConsoleApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console's own security, with its sessions in a real PostgreSQL (the platform's {@code console_session}
 * tables) and a stand-in for the Keycloak realm ({@link FakeRealm}): where an anonymous browser is sent (the realm's
 * authorization endpoint, with PKCE and this client) and that it writes nothing into the database; signing in and
 * being sent back to the page asked for; what the session rows hold (encrypted JSON: no token, no Java
 * serialisation) and what the cookie carries (the id sealed, not the row's id); a row that does not open being no
 * session; a restart with the same key keeping sessions and another key not; the addresses the console writes
 * coming from its configuration, never from the request's {@code Host}; the headers every page carries; what is
 * open and what is not.
 */
class ConsoleSecurityIT {

    /** The gateway's public address as configured ({@code ars.console.public-url}). */
    private static final String PUBLIC_URL = "http://localhost:18080";

    private static final String SESSION_KEY = "test-console-session-key-0123456789-abcdefghij";
    private static final String COOKIE = "ARS_CONSOLE_SESSION";
    private static final Path SCHEMA =
            Path.of("..", "platform", "src", "main", "resources", "db", "migration", "V15__console_session.sql");

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate database;
    private static FakeRealm realm;
    private static ConfigurableApplicationContext console;
    private static int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = new JdbcTemplate(postgres.getPostgresDatabase());
        database.execute(Files.readString(SCHEMA));
        realm = new FakeRealm();
        console = startConsole(SESSION_KEY);
        port = port(console);
    }

    @AfterAll
    static void stop() throws IOException {
        if (console != null) {
            console.close();
        }
        if (realm != null) {
            realm.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anAnonymousVisitorIsSentToTheRealmsLoginWithPkceAndThisConsolesClient() throws Exception {
        HttpResponse<String> page = get(port, "/console/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .endsWith("/console/oauth2/authorization/keycloak");
        // a page of the console: named in the sign-in link, to come back to it
        HttpResponse<String> incident = get(port, "/console/incidents/x-1?asOf=2025-03-01T10:00", null);
        assertThat(incident.headers().firstValue("Location").orElseThrow())
                .endsWith(
                        "/console/oauth2/authorization/keycloak?continue=%2Fincidents%2Fx-1%3FasOf%3D2025-03-01T10%3A00");

        // anything else (an unknown path, a form's address): signed in, the user lands on the map
        for (String other : List.of("/console/unknown/path", "/console/incidents/x-1/assessments", "/console/x.js")) {
            assertThat(get(port, other, null).headers().firstValue("Location").orElseThrow())
                    .as(other)
                    .isEqualTo("/console/oauth2/authorization/keycloak");
        }

        HttpResponse<String> authorize = get(port, "/console/oauth2/authorization/keycloak", null);
        assertThat(authorize.statusCode()).isEqualTo(302);
        URI keycloak = URI.create(authorize.headers().firstValue("Location").orElseThrow());
        assertThat(keycloak.getScheme() + "://" + keycloak.getAuthority() + keycloak.getPath())
                .isEqualTo(realm.issuer() + "/protocol/openid-connect/auth");
        assertThat(keycloak.getQuery())
                .contains(
                        "client_id=ars-console",
                        "response_type=code",
                        "code_challenge_method=S256",
                        "code_challenge=",
                        "nonce=",
                        "scope=openid profile",
                        "redirect_uri=" + PUBLIC_URL + "/console/login/oauth2/code/keycloak");
        // the state of the flow is kept in a sealed cookie, HttpOnly, SameSite=Lax, short-lived, sent back only to the
        // sign-in return address; no session yet
        String cookie = setCookie(authorize, SignInCookie.NAME);
        assertThat(cookie)
                .contains("HttpOnly", "SameSite=Lax", "Path=/console/login/oauth2/code/", "Max-Age=600")
                .doesNotContain("Secure");
        assertThat(cookie.substring(0, cookie.indexOf(';')))
                .doesNotContain(FakeRealm.form(keycloak.getRawQuery()).get("state"));
        assertThat(authorize.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(COOKIE + "="));
    }

    @Test
    void anonymousRequestsWriteNothingIntoTheDatabase() throws Exception {
        database.update("DELETE FROM console_session");
        List<String> paths = List.of(
                "/console/",
                "/console/incidents/x-1",
                "/console/regions/FR-HDF",
                "/console/campagnes",
                "/console/communiques/c-1?x=1",
                "/console/unknown/path",
                "/console/nowhere.php",
                "/console/oauth2/authorization/keycloak",
                "/console/oauth2/authorization/keycloak?continue=%2Fcampagnes",
                "/console/oauth2/authorization/other",
                "/console/login",
                "/console/login?error",
                "/console/logout",
                "/console/login/oauth2/code/keycloak?code=forged&state=forged",
                "/console/signed-out",
                "/console/js/console.js",
                "/console/actuator/health",
                "/console/sign-out");
        for (int round = 0; round < 5; round++) {
            for (String path : paths) {
                HttpResponse<String> answer = get(
                        port,
                        path + (path.contains("?") ? "&" : "?") + "round=" + round,
                        null,
                        "User-Agent",
                        "probe-" + round,
                        "X-Padding",
                        "x".repeat(2000));
                assertThat(answer.statusCode()).as(path).isLessThan(500);
                assertThat(answer.headers().allValues("Set-Cookie"))
                        .as(path)
                        .noneMatch(c -> c.startsWith(COOKIE + "="));
            }
            HttpResponse<String> forged = get(port, "/console/communiques", COOKIE + "=forged-" + round);
            assertThat(forged.statusCode()).isEqualTo(302);
            assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(COOKIE + "="));
            for (String path : List.of("/console/incidents/x-1/assessments", "/console/sign-out", "/console/unknown")) {
                HttpResponse<String> posted = post(port, path, null, "estimatedPatients=1");
                assertThat(posted.statusCode()).as(path).isIn(302, 403);
                assertThat(posted.headers().allValues("Set-Cookie"))
                        .as(path)
                        .noneMatch(c -> c.startsWith(COOKIE + "="));
            }
        }
        assertThat(database.queryForObject("SELECT count(*) FROM console_session", Long.class))
                .isZero();
        assertThat(database.queryForObject("SELECT count(*) FROM console_session_attributes", Long.class))
                .isZero();
    }

    @Test
    void signingInCreatesTheSessionAndReturnsToThePageAskedFor() throws Exception {
        database.update("DELETE FROM console_session");
        SignedIn user = signIn(port, "/console/incidents/x-2?asOf=2025-03-01T10:00", "ars-hdf");
        assertThat(user.landing()).isEqualTo("/console/incidents/x-2?asOf=2025-03-01T10:00");
        assertThat(database.queryForObject("SELECT count(*) FROM console_session", Long.class))
                .isOne();
        // the session's tokens are those the realm gave, read back from the database to call the API
        realm.apiBearers().clear();
        assertSignedIn(port, user.cookie());
        assertThat(realm.apiBearers()).contains(realm.lastIssued().accessToken());

        // a page that is not one of the console's, or an address elsewhere: back to the map
        assertThat(signIn(port, "/console/oauth2/authorization/keycloak?continue=%2F%2Fevil.example%2Fx", "ars-hdf")
                        .landing())
                .isEqualTo("/console/");
        assertThat(signIn(port, "/console/oauth2/authorization/keycloak?continue=https%3A%2F%2Fevil.example", "ars-hdf")
                        .landing())
                .isEqualTo("/console/");
        assertThat(signIn(port, "/console/oauth2/authorization/keycloak?continue=%2Fjs%2Fconsole.js", "ars-hdf")
                        .landing())
                .isEqualTo("/console/");
    }

    @Test
    void theSessionRowsHoldNeitherTokensNorJavaSerialisationNorTheUsersName() throws Exception {
        database.update("DELETE FROM console_session");
        SignedIn user = signIn(port, "/console/", "ars-hdf");
        // a form posted, with the flash message of its redirect kept in the session for the next page
        String csrf = csrfToken(get(port, "/console/communiques", null, "Cookie", COOKIE + "=" + user.cookie())
                .body());
        HttpResponse<String> posted = post(
                port,
                "/console/incidents/x-3/assessments",
                user.cookie(),
                "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&requestKey=k-1&estimatedPatients=5");
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("/console/incidents/x-3");
        List<String> names =
                database.queryForList("SELECT attribute_name FROM console_session_attributes", String.class);
        assertThat(names)
                .contains(
                        "SPRING_SECURITY_CONTEXT",
                        SessionTokens.ATTRIBUTE + ".keycloak",
                        "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS");

        FakeRealm.Tokens tokens = realm.lastIssued();
        List<byte[]> values =
                database.queryForList("SELECT attribute_bytes FROM console_session_attributes", byte[].class);
        assertThat(values).hasSizeGreaterThanOrEqualTo(3);
        for (byte[] value : values) {
            String text = new String(value, StandardCharsets.ISO_8859_1);
            assertThat(text)
                    .doesNotContain(tokens.accessToken())
                    .doesNotContain(tokens.refreshToken())
                    .doesNotContain(tokens.idToken())
                    .doesNotContain("eyJ")
                    .doesNotContain("ars-hdf")
                    .doesNotContain("java.")
                    .doesNotContain("org.springframework")
                    .doesNotContain("@class");
            assertThat(value[0] == (byte) 0xAC && value[1] == (byte) 0xED)
                    .as("Java serialisation")
                    .isFalse();
        }
        assertThat(database.queryForList("SELECT principal_name FROM console_session", String.class))
                .containsOnlyNulls();
        // and it all opens again: the flash message shown, still signed in
        HttpResponse<String> next = get(port, "/console/incidents/x-3", null, "Cookie", COOKIE + "=" + user.cookie());
        assertThat(next.statusCode())
                .as("the API's answer, to a signed-in user")
                .isEqualTo(404);
        assertThat(database.queryForList("SELECT attribute_name FROM console_session_attributes", String.class))
                .as("the flash message read")
                .doesNotContain("org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS");
        assertSignedIn(port, user.cookie());
    }

    @Test
    void signingInAgainOverASessionChangesItsIdAndItsValuesStillOpen() throws Exception {
        database.update("DELETE FROM console_session");
        SignedIn first = signIn(port, "/console/", "ars-hdf");
        String firstId = database.queryForObject("SELECT session_id FROM console_session", String.class);
        SignedIn again = signIn(port, "/console/communiques", "national", first.cookie());
        assertThat(again.landing()).isEqualTo("/console/communiques");
        assertThat(database.queryForObject("SELECT count(*) FROM console_session", Long.class))
                .isOne();
        assertThat(database.queryForObject("SELECT session_id FROM console_session", String.class))
                .isNotEqualTo(firstId);
        assertThat(again.cookie()).isNotEqualTo(first.cookie());
        assertSignedIn(port, again.cookie());
        assertNotSignedIn(port, first.cookie());
    }

    @Test
    void theCookieCarriesTheSessionIdSealedAndTheRowsIdSignsNobodyIn() throws Exception {
        database.update("DELETE FROM console_session");
        SignedIn user = signIn(port, "/console/", "ars-hdf");
        String sessionId = database.queryForObject("SELECT session_id FROM console_session", String.class)
                .strip();
        assertThat(user.cookie())
                .isNotEqualTo(sessionId)
                .doesNotContain(sessionId)
                .doesNotContain(Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.US_ASCII)));
        assertSignedIn(port, user.cookie());
        // what someone reading the table has: the id, as it is or as the cookie of an earlier release wrote it
        assertNotSignedIn(port, sessionId);
        assertNotSignedIn(port, Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.US_ASCII)));
        assertNotSignedIn(port, user.cookie().substring(0, user.cookie().length() - 2) + "AA");
        assertSignedIn(port, user.cookie());
    }

    @Test
    void aValueMovedFromAnotherSessionDoesNotOpen() throws Exception {
        database.update("DELETE FROM console_session");
        SignedIn first = signIn(port, "/console/", "national");
        SignedIn second = signIn(port, "/console/", "ars-hdf");
        // every value of one session copied into the other one's rows
        List<String> ids = database.queryForList("SELECT primary_id FROM console_session", String.class);
        assertThat(ids).hasSize(2);
        String from = ids.get(0);
        String to = ids.get(1);
        database.update(
                "UPDATE console_session_attributes t SET attribute_bytes = f.attribute_bytes FROM "
                        + "console_session_attributes f WHERE f.session_primary_id = ? AND t.session_primary_id = ? AND "
                        + "f.attribute_name = t.attribute_name",
                from,
                to);
        // the session whose values were replaced is no session any more (and is deleted), not an error
        boolean firstOpens = signedIn(port, first.cookie());
        boolean secondOpens = signedIn(port, second.cookie());
        assertThat(firstOpens ^ secondOpens)
                .as("only the session the values were sealed for opens")
                .isTrue();
        assertThat(database.queryForObject("SELECT count(*) FROM console_session", Long.class))
                .isOne();
    }

    @Test
    void aRowThatDoesNotOpenIsNoSessionNotAnError() throws Exception {
        database.update("DELETE FROM console_session");
        SignedIn user = signIn(port, "/console/", "ars-hdf");
        // as an earlier release wrote it: Java serialisation
        ByteArrayOutputStream java = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(java)) {
            out.writeObject(new java.util.HashMap<>(Map.of("a", "b")));
        }
        database.update(
                "UPDATE console_session_attributes SET attribute_bytes = ? WHERE attribute_name = "
                        + "'SPRING_SECURITY_CONTEXT'",
                (Object) java.toByteArray());
        assertNotSignedIn(port, user.cookie());
        assertThat(database.queryForObject("SELECT count(*) FROM console_session", Long.class))
                .isZero();
    }

    @Test
    void aConsoleRestartedWithTheSameKeyKeepsTheSessionWithAnotherKeyItDoesNot() throws Exception {
        database.update("DELETE FROM console_session");
        SignedIn user = signIn(port, "/console/", "ars-hdf");
        try (ConfigurableApplicationContext same = startConsole(SESSION_KEY)) {
            assertSignedIn(port(same), user.cookie());
        }
        try (ConfigurableApplicationContext other = startConsole("another-console-session-key-0123456789-xyz")) {
            assertNotSignedIn(port(other), user.cookie());
        }
        assertSignedIn(port, user.cookie());
    }

    @Test
    void aConsoleWithoutASessionKeyOfAtLeast32CharactersDoesNotStart() {
        for (String key : List.of("", "   ", "too-short-a-key")) {
            assertThatThrownBy(() -> startConsole(key).close())
                    .satisfies(e -> assertThat(causes(e)).contains("ARS_CONSOLE_SESSION_KEY"));
        }
    }

    @Test
    void everyAddressTheConsoleWritesIsTheConfiguredOneWhateverHostTheRequestNames() throws Exception {
        String forged = "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n"
                + "X-Forwarded-Port: 443\r\nForwarded: host=evil.example;proto=https\r\n";
        Map<String, List<String>> authorize = raw(
                port, "GET /console/oauth2/authorization/keycloak HTTP/1.1\r\n" + forged + "Connection: close\r\n\r\n");
        String location = authorize.get("location").get(0);
        assertThat(FakeRealm.form(URI.create(location).getRawQuery()).get("redirect_uri"))
                .isEqualTo(PUBLIC_URL + "/console/login/oauth2/code/keycloak");
        assertThat(location).doesNotContain("evil.example");
        Map<String, List<String>> page =
                raw(port, "GET /console/incidents/x-4 HTTP/1.1\r\n" + forged + "Connection: close\r\n\r\n");
        assertThat(page.get("location").get(0))
                .doesNotContain("evil.example")
                .startsWith("/console/oauth2/authorization/keycloak");

        // sign-out: to Keycloak's end-session endpoint, which sends back to the configured address
        SignedIn user = signIn(port, "/console/", "ars-hdf");
        String csrf = csrfToken(get(port, "/console/communiques", null, "Cookie", COOKIE + "=" + user.cookie())
                .body());
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        Map<String, List<String>> signOut = raw(
                port,
                "POST /console/sign-out HTTP/1.1\r\n" + forged
                        + "Cookie: " + COOKIE + "=" + user.cookie()
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + form.length() + "\r\nConnection: close\r\n\r\n" + form);
        URI endSession = URI.create(signOut.get("location").get(0));
        assertThat(endSession.getScheme() + "://" + endSession.getAuthority() + endSession.getPath())
                .isEqualTo(realm.issuer() + "/protocol/openid-connect/logout");
        Map<String, String> parameters = FakeRealm.form(endSession.getRawQuery());
        assertThat(parameters.get("post_logout_redirect_uri")).isEqualTo(PUBLIC_URL + "/console/signed-out");
        assertThat(parameters.get("id_token_hint")).isEqualTo(realm.lastIssued().idToken());
        assertNotSignedIn(port, user.cookie());
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndForTheConsoleOnly() throws Exception {
        SignedIn user = signIn(port, "/console/", "ars-hdf");
        assertThat(user.setCookie())
                .contains("HttpOnly", "SameSite=Lax", "Path=/console")
                .doesNotContain("Secure");
    }

    @Test
    void everyPageCarriesASecurityPolicyWithoutInlineScriptsAndFormsLeadingOnlyToTheConsoleOrKeycloak()
            throws Exception {
        HttpResponse<String> page = get(port, "/console/", null);
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(policy).contains("form-action 'self' " + realm.origin()).doesNotContain("form-action *");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        // plain http as configured: no HSTS (a public address in https gets it)
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void healthAndTheBundledAssetsAreOpenEverythingElseNeedsASignedInUser() throws Exception {
        assertThat(get(port, "/console/actuator/health", null).statusCode()).isEqualTo(200);
        for (String asset : List.of(
                "/console/vendor/dsfr/dsfr.min.css",
                "/console/vendor/leaflet/leaflet.js",
                "/console/geo/regions.geojson",
                "/console/js/console.js",
                "/console/js/map.js")) {
            assertThat(get(port, asset, null).statusCode()).as(asset).isEqualTo(200);
        }
        for (String page : List.of(
                "/console/regions/FR-HDF", "/console/incidents/x", "/console/campagnes", "/console/communiques")) {
            assertThat(get(port, page, null).statusCode()).as(page).isEqualTo(302);
        }
    }

    @Test
    void aFormPostedWithoutSessionOrCsrfTokenRecordsNothing() throws Exception {
        realm.apiBearers().clear();
        HttpResponse<String> posted = post(port, "/console/incidents/x/assessments", null, "estimatedPatients=1");
        assertThat(posted.statusCode()).isIn(302, 403);
        assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("/incidents/x");
        assertThat(realm.apiBearers()).isEmpty();
    }

    // --- signing in, as a browser does with Keycloak ---------------------------------------------------------------

    record SignedIn(String cookie, String setCookie, String landing) {}

    // --- live pages ----------------------------------------------------------------------------------------------

    @Test
    void livePagesAreToldOnlyOfTheChangesTheirUserMaySee() throws Exception {
        SignedIn hdf = signIn(port, "/console/", "ars-hdf");
        SignedIn national = signIn(port, "/console/", "national");
        try (Live regional = live(hdf.cookie(), null);
                Live cell = live(national.cookie(), null)) {
            assertThat(regional.status).isEqualTo(200);
            assertThat(regional.headers.firstValue("Content-Type").orElseThrow())
                    .startsWith("text/event-stream");
            assertThat(regional.headers.firstValue("Cache-Control").orElseThrow())
                    .contains("no-store");

            tell("FR-NOR");
            assertThat(cell.nextChange(Duration.ofSeconds(10))).isNotNull();
            // not even that something moved in another region
            assertThat(regional.nextChange(Duration.ofMillis(1500))).isNull();

            tell("FR-HDF,national");
            assertThat(regional.nextChange(Duration.ofSeconds(10))).isNotNull();
            assertThat(cell.nextChange(Duration.ofSeconds(10))).isNotNull();

            tell("national");
            assertThat(cell.nextChange(Duration.ofSeconds(10))).isNotNull();
            tell("public");
            assertThat(regional.nextChange(Duration.ofSeconds(10)))
                    .as("a national communiqué published: the public one, for everyone")
                    .isNotNull();
            assertThat(cell.nextChange(Duration.ofSeconds(10))).isNotNull();
        }
    }

    @Test
    void aPageThatComesBackIsToldAtOnceOfWhatItMissedAndOnlyOfThat() throws Exception {
        SignedIn hdf = signIn(port, "/console/", "ars-hdf");
        String seen;
        try (Live page = live(hdf.cookie(), null)) {
            tell("FR-HDF");
            seen = page.nextChange(Duration.ofSeconds(10));
            assertThat(seen).matches("\\d+");
        }
        try (Live page = live(hdf.cookie(), seen)) {
            assertThat(page.nextChange(Duration.ofMillis(1500)))
                    .as("nothing missed")
                    .isNull();
        }
        tell("FR-NOR");
        try (Live page = live(hdf.cookie(), seen)) {
            assertThat(page.nextChange(Duration.ofMillis(1500)))
                    .as("another region's: not theirs")
                    .isNull();
        }
        tell("FR-HDF");
        try (Live page = live(hdf.cookie(), seen)) {
            assertThat(page.nextChange(Duration.ofSeconds(5)))
                    .as("theirs, missed")
                    .isNotNull();
        }
        // a page whose stream was cut before it was told of anything comes back with where it stood
        String stood;
        try (Live page = live(hdf.cookie(), null)) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> page.firstId != null);
            stood = page.firstId;
        }
        tell("FR-HDF");
        try (Live page = live(hdf.cookie(), stood)) {
            assertThat(page.nextChange(Duration.ofSeconds(5)))
                    .as("told while it was away")
                    .isNotNull();
        }
        try (Live page = live(hdf.cookie(), "not-an-id")) {
            assertThat(page.nextChange(Duration.ofSeconds(5)))
                    .as("an id not ours: ask again")
                    .isNotNull();
        }
    }

    @Test
    void aSessionHasAFewStreamsTheInstanceAFewMoreBeyondThemPagesAreToldToAskNowAndThen() throws Exception {
        assertThat(get(port, "/console/live/changes", null).statusCode())
                .as("no stream without a session")
                .isEqualTo(302);
        SignedIn first = signIn(port, "/console/", "ars-hdf");
        SignedIn second = signIn(port, "/console/", "ars-nor");
        SignedIn third = signIn(port, "/console/", "national");
        try (Live oldest = live(first.cookie(), null);
                Live next = live(first.cookie(), null);
                Live newest = live(first.cookie(), null)) {
            assertThat(oldest.endsWithin(Duration.ofSeconds(5)))
                    .as("the session's oldest stream closed for its third")
                    .isTrue();
            assertThat(newest.status).isEqualTo(200);
            try (Live other = live(second.cookie(), null);
                    Live another = live(second.cookie(), null);
                    Live refused = openLive(third.cookie(), null)) {
                assertThat(refused.status).isEqualTo(503);
                assertThat(refused.headers.firstValue("Retry-After")).hasValue("30");
                tell("FR-HDF");
                assertThat(next.nextChange(Duration.ofSeconds(10))).isNotNull();
                assertThat(newest.nextChange(Duration.ofSeconds(10))).isNotNull();
            }
        }
    }

    /** A change told by a service, as the services tell it ({@code ars_views_changed}). */
    private static void tell(String scopes) {
        database.queryForObject("SELECT pg_notify('ars_views_changed', ?)::text", String.class, scopes);
    }

    /**
     * A stream for the session; while the console is full, asked again for a few seconds: the streams of pages gone
     * (earlier tests') are found out at their next heartbeat.
     */
    private Live live(String session, String lastEventId) throws Exception {
        Live live = openLive(session, lastEventId);
        for (int attempt = 0; live.status == 503 && attempt < 25; attempt++) {
            live.close();
            Thread.sleep(200);
            live = openLive(session, lastEventId);
        }
        return live;
    }

    private Live openLive(String session, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/console/live/changes"))
                .header("Cookie", COOKIE + "=" + session)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new Live(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    /** An open stream of live changes: the ids of its {@code changed} events as they come. */
    private static final class Live implements AutoCloseable {
        private static final String ENDED = "";
        final int status;
        final HttpHeaders headers;
        /** The id the stream first said (where the page stands), event or not. */
        volatile String firstId;

        private final java.util.stream.Stream<String> lines;
        private final java.util.concurrent.BlockingQueue<String> changes =
                new java.util.concurrent.LinkedBlockingQueue<>();

        Live(HttpResponse<java.util.stream.Stream<String>> response) {
            status = response.statusCode();
            headers = response.headers();
            lines = response.body();
            Thread reader = new Thread(() -> {
                String id = null;
                boolean changed = false;
                try {
                    for (java.util.Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                        String line = it.next();
                        if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                            if (firstId == null) {
                                firstId = id;
                            }
                        } else if (line.equals("event:changed")) {
                            changed = true;
                        } else if (line.isEmpty()) {
                            if (changed) {
                                changes.add(id);
                            }
                            changed = false;
                        }
                    }
                } catch (RuntimeException closed) {
                    // closed by the test
                }
                changes.add(ENDED);
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The id of the next change told within {@code wait}, or null. */
        String nextChange(Duration wait) throws InterruptedException {
            String id = changes.poll(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return ENDED.equals(id) ? null : id;
        }

        boolean endsWithin(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                String next = changes.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (ENDED.equals(next)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    /** Asks for {@code page}, follows the console to the realm, signs in there and comes back. */
    private SignedIn signIn(int consolePort, String page, String username) throws Exception {
        return signIn(consolePort, page, username, null);
    }

    /** The same, with the cookie of a session the browser already has, if any. */
    private SignedIn signIn(int consolePort, String page, String username, String session) throws Exception {
        String sessionCookie = session == null ? null : COOKIE + "=" + session;
        String signInLink = page;
        HttpResponse<String> first = session == null ? get(consolePort, page, null) : null;
        if (session != null || !page.startsWith("/console/oauth2/")) {
            if (session == null) {
                assertThat(first.statusCode()).as(page).isEqualTo(302);
                signInLink = first.headers().firstValue("Location").orElseThrow();
            } else {
                signInLink = "/console/oauth2/authorization/keycloak?continue="
                        + URLEncoder.encode(page.substring("/console".length()), StandardCharsets.UTF_8);
            }
            first = get(consolePort, signInLink, sessionCookie);
        }
        assertThat(first.statusCode()).as(signInLink).isEqualTo(302);
        URI authorization = URI.create(first.headers().firstValue("Location").orElseThrow());
        Map<String, String> request = FakeRealm.form(authorization.getRawQuery());
        String signInCookie = setCookie(first, SignInCookie.NAME);
        String code = realm.signIn(username, request.get("nonce"), request.get("code_challenge"));
        String back = URI.create(request.get("redirect_uri")).getPath() + "?state="
                + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8) + "&session_state=s-1&code=" + code;
        String cookies = signInCookie.substring(0, signInCookie.indexOf(';'))
                + (sessionCookie == null ? "" : "; " + sessionCookie);
        HttpResponse<String> callback = get(consolePort, back, null, "Cookie", cookies);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(setCookie(callback, SignInCookie.NAME)).contains("Max-Age=0");
        String created = setCookie(callback, COOKIE);
        return new SignedIn(
                created.substring(COOKIE.length() + 1, created.indexOf(';')),
                created,
                callback.headers().firstValue("Location").orElseThrow());
    }

    /** A page of the console with the session cookie: the page and its sign-out button, for a signed-in user. */
    private boolean signedIn(int consolePort, String cookie) throws Exception {
        HttpResponse<String> page = get(consolePort, "/console/communiques", null, "Cookie", COOKIE + "=" + cookie);
        assertThat(page.statusCode()).as("never an error").isLessThan(500);
        if (page.statusCode() == 302) {
            assertThat(page.headers().firstValue("Location").orElseThrow())
                    .startsWith("/console/oauth2/authorization/keycloak");
            return false;
        }
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"se-deconnecter\"");
        return true;
    }

    private void assertSignedIn(int consolePort, String cookie) throws Exception {
        assertThat(signedIn(consolePort, cookie)).as("signed in").isTrue();
    }

    private void assertNotSignedIn(int consolePort, String cookie) throws Exception {
        assertThat(signedIn(consolePort, cookie)).as("signed in").isFalse();
    }

    private static String csrfToken(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a form with its CSRF token").isTrue();
        return token.group(1);
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no " + name + " cookie set: " + response.headers().map()));
    }

    // --- the consoles under test ---------------------------------------------------------------------------------

    private static ConfigurableApplicationContext startConsole(String sessionKey) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("server.address", "127.0.0.1");
        settings.put("ars.console.issuer", realm.issuer());
        settings.put("ars.console.gateway-url", realm.origin());
        settings.put("ars.console.public-url", PUBLIC_URL);
        settings.put("ars.console.session-key", sessionKey);
        settings.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "postgres");
        // live pages: few streams, so that the limits are reached; changes told at once
        settings.put("ars.console.live.streams", "4");
        settings.put("ars.console.live.per-session", "2");
        settings.put("ars.console.live.coalesce", "PT0.02S");
        settings.put("ars.console.live.gap", "PT0.05S");
        // a stream whose page is gone is found out at its next write: soon, so that the tests' closed ones free room
        settings.put("ars.console.live.heartbeat", "PT0.2S");
        List<String> arguments = new ArrayList<>();
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(ConsoleApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String causes(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private HttpResponse<String> get(int consolePort, String path, String cookie, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort + path))
                .GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int consolePort, String path, String sessionCookie, String form)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + consolePort + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (sessionCookie != null) {
            request.header("Cookie", COOKIE + "=" + sessionCookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request written as it is (a {@code Host} of one's choosing): the answer's headers, names in lower case. */
    private static Map<String, List<String>> raw(int consolePort, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", consolePort)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            headers.put(":status", List.of(lines[0]));
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(
                                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                    k -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).trim());
                }
            }
            assertThat(headers).as(lines[0]).containsKey("location");
            return headers;
        }
    }
}
