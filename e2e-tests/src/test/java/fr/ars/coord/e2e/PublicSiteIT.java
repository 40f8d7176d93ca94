package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
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

/**
 * The public pages through the gateway, as a reader without an account gets them, in Chromium: a communiqué the
 * regional officer published, its page and the lists, the advice; checked with axe-core on a desktop and a phone
 * width, with no script on the page; the cache headers and the conditional answers kept through the gateway.
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
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Communiqués sur les cyber-incidents en santé");
        check("public-01-liste");
        browser.driver()
                .findElement(By.cssSelector("a[href='/public/communiques/" + id + "']"))
                .click();
        assertThat(browser.driver().findElement(By.id("emetteurs")).getText())
                .contains("Agence régionale de santé Normandie");
        assertThat(browser.driver().findElements(By.tagName("script"))).isEmpty();
        check("public-02-communique");
        browser.open("/public/regions/FR-NOR");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Communiqués — Normandie");
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

    private void check(String name) {
        browser.screenshot(name);
        List<String> serious = browser.seriousAccessibilityViolations(axe, name);
        AXE.add(name + "=" + serious.size());
        assertThat(serious).as("axe-core on %s", name).isEmpty();
    }

    /** A communiqué of Normandie: reported and assessed by its ARS, approved and published by its officer. */
    private String publish() {
        String staff = keycloak.password("ars-nor");
        Response created = api.post("/api/incidents", staff, """
                {"region": "FR-NOR", "title": "Usurpation d'un compte de professionnel", "summary": "Identités exposées",
                 "awareAt": "2025-11-24T08:00:00Z", "attackVector": "ACCOUNT_USURPATION", "operationalImpact": "NONE"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String incident = created.json().get("id").asText();
        assertThat(api.post(
                                "/api/incidents/" + incident + "/assessments",
                                staff,
                                "{\"exposedData\": [\"LAST_NAME\", \"PHONE\"], \"medicalDataExposed\": false,"
                                        + " \"estimatedPatients\": 410}")
                        .status())
                .isEqualTo(201);
        String published = Publications.publishDraft(api, keycloak.password("comms-nor"), "FR-NOR");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        reader.get("/public/communiques/" + published, null).status() == 200);
        return published;
    }
}
