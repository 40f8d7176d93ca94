package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import tools.jackson.databind.JsonNode;

/**
 * The public pages through the gateway, as a reader without an account gets them, in Chromium: a communiqué the
 * regional officer published, its page and the lists, the advice; checked with axe-core on a desktop and a phone
 * width, with no script on the page; the cache headers and the conditional answers kept through the gateway; a
 * reader's subscription by e-mail, confirmed from the mail read on the platform's mail server, the communiqués it
 * brings, and the one-click unsubscription.
 */
@Order(8)
class PublicSiteIT {

    private static final List<String> AXE = new ArrayList<>();
    private static ConsoleBrowser browser;
    private static Path axe;

    private final RunningPlatform platform = RunningPlatform.get();
    private final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private final ApiClient api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());
    private final ApiClient reader = new ApiClient(platform.gatewayUrl());

    @BeforeAll
    static void open() {
        RunningPlatform platform = RunningPlatform.get();
        axe = platform.root().resolve("console/node_modules/axe-core/axe.min.js");
        browser = new ConsoleBrowser(platform.gatewayUrl());
    }

    @AfterAll
    static void close() {
        System.out.println("public pages accessibility (axe-core, serious or critical violations per page): " + AXE);
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aPublishedCommuniqueIsReadOnItsPageByAnyoneOnADesktopOrAPhone() {
        String id = publish();

        Response page = reader.get("/public/communiques/" + id, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.headers().allValues("Content-Security-Policy"))
                .as("one policy, the public pages' own")
                .hasSize(1)
                .allMatch(p -> p.contains("style-src 'self'") && p.contains("default-src 'none'"));
        assertThat(page.header("Cache-Control")).contains("public").contains("max-age=60");
        String etag = page.header("ETag");
        assertThat(reader.get("/public/communiques/" + id, null, "If-None-Match", etag)
                        .status())
                .as("a conditional request through the gateway")
                .isEqualTo(304);
        assertThat(reader.get("/public/dsfr/dsfr.min.css", null).header("Cache-Control"))
                .contains("max-age=604800");
        assertThat(api.get("/feeds/communiques.atom", null).body())
                .contains("type=\"text/html\" href=\"" + platform.gatewayUrl() + "/public/communiques/" + id + "\"");

        browser.open("/public/");
        heading("Communiqués sur les cyber-incidents en santé");
        check("public-01-liste");
        browser.driver()
                .findElement(By.cssSelector("a[href='/public/communiques/" + id + "']"))
                .click();
        assertThat(browser.driver().findElement(By.id("emetteurs")).getText())
                .contains("Agence régionale de santé Normandie");
        assertThat(browser.driver().findElements(By.tagName("script"))).isEmpty();
        check("public-02-communique");
        browser.open("/public/regions/FR-NOR");
        heading("Communiqués — Normandie");
        check("public-03-region");
        browser.open("/public/conseils");
        check("public-04-conseils");

        Dimension desktop = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open("/public/communiques/" + id);
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
            assertThat(overflow).as("nothing wider than a phone's screen").isEqualTo(false);
            check("public-05-communique-telephone");
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    @Test
    void aReaderSubscribesConfirmsReceivesEachCommuniqueOnceAndLeavesInOneClick() throws Exception {
        String address = "lectrice-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        browser.open("/public/regions/FR-NOR");
        browser.driver()
                .findElement(By.linkText("Recevoir par courriel les communiqués de cette région"))
                .click();
        assertThat(browser.driver()
                        .findElement(By.cssSelector("#perimetre option:checked"))
                        .getAttribute("value"))
                .isEqualTo("FR-NOR");
        check("public-06-abonnement");
        browser.driver().findElement(By.id("courriel")).sendKeys(address);
        browser.driver()
                .findElement(By.cssSelector("#abonnement button[type=submit]"))
                .click();
        heading("Vérifiez votre messagerie");
        check("public-07-abonnement-demande");

        MimeMessage confirmation = awaitMail(address, m -> Mailboxes.subject(m).startsWith("Confirmez"));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        "(http\\S+/public/abonnement/confirmer\\?jeton=\\S+)")
                .matcher(Mailboxes.text(confirmation));
        assertThat(link.find()).as(Mailboxes.text(confirmation)).isTrue();
        assertThat(link.group(1)).startsWith(platform.gatewayUrl());
        browser.driver().get(link.group(1));
        heading("Confirmer votre abonnement");
        check("public-08-confirmation");
        browser.driver().findElement(By.cssSelector("main form button")).click();
        heading("Abonnement confirmé");

        // a second subscriber, who stays: when the later communiqué reaches them, it would have reached her too
        String stays = subscribedOverHttp("FR-NOR");
        String first = publish();
        MimeMessage mail = awaitMail(address, m -> Mailboxes.text(m).contains("/public/communiques/" + first));
        assertThat(Mailboxes.text(mail)).contains(platform.gatewayUrl() + "/public/communiques/" + first);
        assertThat(Mailboxes.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = Mailboxes.header(mail, "List-Unsubscribe");
        assertThat(unsubscribe).startsWith("<" + platform.gatewayUrl() + "/public/abonnement/desabonner?jeton=");

        // her mail reader's one-click unsubscription (RFC 8058), through the gateway, without any token
        java.net.http.HttpResponse<String> left = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(unsubscribe.substring(1, unsubscribe.length() - 1)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
        assertThat(left.body()).contains("Vous êtes désabonné");

        String second = publish();
        awaitMail(stays, m -> Mailboxes.text(m).contains("/public/communiques/" + second));
        assertThat(Mailboxes.of(address))
                .as("one mail per communiqué while subscribed, none after")
                .filteredOn(m -> Mailboxes.text(m).contains("/public/communiques/"))
                .hasSize(1);
        assertThat(Mailboxes.of(stays))
                .filteredOn(m -> Mailboxes.text(m).contains("/public/communiques/" + first))
                .hasSize(1);
    }

    @Test
    void aJointCommuniqueIsPublishedOnceTheAgencyAndItsGradesApprovedItAndNamesBoth() {
        String incident = reportedAndAssessed("""
                {"region": "FR-NOR", "title": "Hameçonnage après la fuite", "summary": "SMS frauduleux",
                 "awareAt": "2025-11-26T08:00:00Z", "attackVector": "PHISHING", "operationalImpact": "NONE"}""", 95);
        // the e-health group of Normandie records what it did: it co-issues the region's communiqué
        Response blocked = api.post(
                "/api/incidents/" + incident + "/containment-actions",
                keycloak.password("esante-nor"),
                "{\"action\": \"ACCOUNTS_BLOCKED\"}");
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(201);

        String agency = keycloak.password("comms-nor");
        String grades = keycloak.password("comms-esante-nor");
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode draft = null;
                    for (JsonNode c : api.get("/api/communiques?region=FR-NOR&status=DRAFT", agency)
                            .json()) {
                        draft = c;
                    }
                    assertThat(draft).isNotNull();
                    assertThat(draft.get("issuers").toString()).isEqualTo("[\"ARS\",\"GRADES\"]");
                    id[0] = draft.get("id").asText();
                });
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Response byAgency = api.post("/api/communiques/" + id[0] + "/approve", agency, "");
                    assertThat(byAgency.status()).as(byAgency.toString()).isIn(200, 409);
                    JsonNode current =
                            api.get("/api/communiques/" + id[0], agency).json();
                    if (current.get("status").asText().equals("DRAFT")) {
                        assertThat(current.get("approvals").findValuesAsString("issuer"))
                                .containsExactly("ARS");
                        assertThat(api.post("/api/communiques/" + id[0] + "/publish", agency, "")
                                        .status())
                                .as("not before the GRADeS approved")
                                .isEqualTo(409);
                        Response byGrades = api.post("/api/communiques/" + id[0] + "/approve", grades, "");
                        assertThat(byGrades.status()).as(byGrades.toString()).isEqualTo(200);
                    }
                    Response published = api.post("/api/communiques/" + id[0] + "/publish", agency, "");
                    assertThat(published.status()).as(published.toString()).isEqualTo(200);
                });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reader.get("/public/communiques/" + id[0], null).status() == 200);
        browser.open("/public/communiques/" + id[0]);
        assertThat(browser.driver().findElement(By.id("emetteurs")).getText())
                .contains("Agence régionale de santé Normandie")
                .contains("(GRADeS) Normandie");
        check("public-09-communique-conjoint");
    }

    private String subscribedOverHttp(String scope) {
        String address = "lecteur-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@exemple.fr";
        Response asked = reader.post(
                "/public/abonnement",
                null,
                ("courriel=" + address + "&perimetre=" + scope).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded");
        assertThat(asked.status()).isEqualTo(200);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("jeton=(\\S+)")
                .matcher(Mailboxes.text(
                        awaitMail(address, m -> Mailboxes.subject(m).startsWith("Confirmez"))));
        assertThat(token.find()).isTrue();
        assertThat(reader.post(
                                "/public/abonnement/confirmer",
                                null,
                                ("jeton=" + token.group(1)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                "application/x-www-form-urlencoded")
                        .status())
                .isEqualTo(200);
        return address;
    }

    /** The page's heading, once the page a click or a link led to has replaced the one before. */
    private void heading(String expected) {
        browser.waiting(Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.tagName("h1"), expected));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo(expected);
    }

    private static MimeMessage awaitMail(String address, java.util.function.Predicate<MimeMessage> which) {
        MimeMessage[] found = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    found[0] = Mailboxes.of(address).stream()
                            .filter(which)
                            .findFirst()
                            .orElse(null);
                    return found[0] != null;
                });
        return found[0];
    }

    private void check(String name) {
        browser.screenshot(name);
        List<String> serious = browser.seriousAccessibilityViolations(axe, name);
        AXE.add(name + "=" + serious.size());
        assertThat(serious).as("axe-core on %s", name).isEmpty();
    }

    /** An incident of Normandie reported by its ARS as {@code report} says, assessed with names and phone numbers. */
    private String reportedAndAssessed(String report, long patients) {
        String staff = keycloak.password("ars-nor");
        Response created = api.post("/api/incidents", staff, report);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String incident = created.json().get("id").asText();
        assertThat(api.post(
                                "/api/incidents/" + incident + "/assessments",
                                staff,
                                "{\"exposedData\": [\"LAST_NAME\", \"PHONE\"], \"medicalDataExposed\": false,"
                                        + " \"estimatedPatients\": " + patients + "}")
                        .status())
                .isEqualTo(201);
        return incident;
    }

    /** A communiqué of Normandie: reported and assessed by its ARS, approved and published by its officer. */
    private String publish() {
        reportedAndAssessed("""
                {"region": "FR-NOR", "title": "Usurpation d'un compte de professionnel", "summary": "Identités exposées",
                 "awareAt": "2025-11-24T08:00:00Z", "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""", 410);
        String published = Publications.publishDraft(api, keycloak, "comms-nor", "FR-NOR");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        reader.get("/public/communiques/" + published, null).status() == 200);
        return published;
    }
}
