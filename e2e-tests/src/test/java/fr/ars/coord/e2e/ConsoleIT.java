package fr.ars.coord.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import fr.ars.coord.platform.testing.ApiClient;
import fr.ars.coord.platform.testing.ApiClient.Response;
import fr.ars.coord.platform.testing.ApiContract;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser (headless Chromium), against the platform started as infra/run.sh does, signing
 * in on Keycloak's real login page, after the demo scenario. Every page visited is checked with axe-core (no
 * violation of impact serious or critical) and photographed under target/console-screenshots/.
 */
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final RunningPlatform platform = RunningPlatform.get();
    private static final Keycloak keycloak = new Keycloak(platform.tokenUrl());
    private static final ApiClient api = ApiClient.checkedAgainst(platform.gatewayUrl(), ApiContract.committed());
    private static final String CONSOLE = platform.gatewayUrl() + "/console";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final List<String> AXE = new ArrayList<>();

    private static Path axe;
    private static String hdfIncident;
    private static String norIncident;

    @BeforeAll
    static void demoScenario() throws Exception {
        axe = platform.root().resolve("console/node_modules/axe-core/axe.min.js");
        assertThat(axe).as("axe-core, installed by the console's build").exists();
        platform.demo();
        hdfIncident = demoIncident("FR-HDF");
        norIncident = demoIncident("FR-NOR");
    }

    @AfterAll
    static void axeSummary() {
        System.out.println("console accessibility (axe-core, serious or critical violations per page): " + AXE);
    }

    @Test
    @Order(1)
    void aWrongPasswordShowsKeycloaksErrorAndNoConsolePage() {
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.open("/");
            browser.fillKeycloakLogin("national", "not-the-password");
            By error = By.cssSelector(".kc-feedback-text");
            browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(error));
            assertThat(browser.driver().findElement(error).getText())
                    .containsAnyOf("Invalid username or password", "Nom d'utilisateur ou mot de passe invalide");
            assertThat(browser.driver().getCurrentUrl())
                    .startsWith("http://localhost:" + RunningPlatform.KEYCLOAK_PORT);
            browser.screenshot("00-mauvais-mot-de-passe");
        }
    }

    @Test
    @Order(2)
    void theNationalCellSeesTheMapWithHautsDeFranceAndNormandieColoured() {
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("national", Keycloak.DEMO_PASSWORD);
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.attributeToBe(By.id("carte"), "data-ready", "true"));
            // the map's regions: the demo's two regions carry an impact level, the others none
            assertThat(regionLevel(browser, "FR-HDF")).isIn("LOW", "MODERATE", "HIGH", "CRITICAL");
            assertThat(regionLevel(browser, "FR-NOR")).isIn("LOW", "MODERATE", "HIGH", "CRITICAL");
            assertThat(regionLevel(browser, "FR-BRE")).isEqualTo("NONE");
            assertThat(regionLevel(browser, "FR-974")).as("an overseas inset").isEqualTo("NONE");
            // its text alternative, with the same figures
            List<String> rows =
                    browser.driver().findElements(By.cssSelector("#tableau-regions tbody tr[data-region]")).stream()
                            .map(row -> row.getAttribute("data-region"))
                            .toList();
            assertThat(rows).contains("FR-HDF", "FR-NOR");
            checkPage(browser, "01-carte-nationale");

            // a click on a region opens it
            browser.driver()
                    .findElement(By.cssSelector("#tableau-regions tr[data-region='FR-NOR'] a"))
                    .click();
            browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/regions/FR-NOR"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Normandie");
            assertThat(browser.driver().findElements(By.cssSelector("#incidents tbody a")))
                    .isNotEmpty();
            checkPage(browser, "02-region");

            browser.open("/campagnes");
            assertThat(browser.driver().findElement(By.id("campagnes")).getText())
                    .contains("Hauts-de-France")
                    .contains("Normandie");
            checkPage(browser, "03-campagnes");
            browser.driver().findElement(By.cssSelector("#campagnes tbody a")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("incidents-campagne")));
            checkPage(browser, "04-campagne");

            // the session cookie: HttpOnly, SameSite=Lax, scoped to the console
            Cookie session = browser.driver().manage().getCookieNamed("ARS_CONSOLE_SESSION");
            assertThat(session).isNotNull();
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            assertThat(session.getPath()).startsWith("/console");
            // a form posted without its CSRF token, with a valid session, is refused and records nothing
            assertThat(postWithoutCsrf(
                            session,
                            "/incidents/" + hdfIncident + "/containment-actions",
                            "action=OTHER&description=sans+jeton"))
                    .isEqualTo(403);
        }
    }

    @Test
    @Order(3)
    void regionalStaffRecordAnAssessmentThroughTheFormSeeItInTheTimelineAndCannotOpenAnotherRegionsIncident() {
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("ars-hdf", Keycloak.DEMO_PASSWORD);
            // a regional user's map: their region and the national totals only
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.attributeToBe(By.id("carte"), "data-ready", "true"));
            assertThat(regionLevel(browser, "FR-HDF")).isIn("LOW", "MODERATE", "HIGH", "CRITICAL");
            assertThat(regionLevel(browser, "FR-NOR"))
                    .as("another region: not shown")
                    .isEqualTo("hidden");
            assertThat(browser.driver().findElement(By.id("tableau-regions")).getText())
                    .doesNotContain("Normandie");

            browser.open("/incidents/" + hdfIncident);
            Instant beforeAssessment = Instant.now();
            checkPage(browser, "05-incident");
            long before = timelineCount(browser);

            // bad input: the API's reason appears next to the field, nothing is recorded
            openForm(browser, "form-evaluation");
            browser.driver().findElement(By.id("estimatedPatients")).sendKeys("beaucoup");
            browser.driver().findElement(By.id("enregistrer-evaluation")).click();
            WebElement error = browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("estimatedPatients-erreur")));
            assertThat(error.getText()).isNotBlank();
            assertThat(browser.driver().findElement(By.id("estimatedPatients")).getAttribute("value"))
                    .isEqualTo("beaucoup");
            checkPage(browser, "06-incident-erreur-de-saisie");
            assertThat(history(hdfIncident, "ars-hdf").size()).isEqualTo(before);

            // corrected: recorded, and shown in the timeline with who recorded it
            WebElement patients = browser.driver().findElement(By.id("estimatedPatients"));
            patients.clear();
            patients.sendKeys("13500");
            browser.driver()
                    .findElement(By.cssSelector("label[for=exposed-LAST_NAME]"))
                    .click();
            browser.driver()
                    .findElement(By.cssSelector("label[for=exposed-FIRST_NAME]"))
                    .click();
            browser.driver().findElement(By.id("note")).sendKeys("Réévaluation saisie depuis la console.");
            browser.driver().findElement(By.id("enregistrer-evaluation")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("message-succes")));
            String latest = browser.waiting(Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector("#timeline li")).getText());
            assertThat(plain(latest))
                    .contains("Évaluation enregistrée")
                    .contains("ars-hdf")
                    .contains("13 500 patients estimés")
                    .contains("Réévaluation saisie depuis la console.");
            assertThat(plain(browser.driver().findElement(By.id("patients")).getText()))
                    .isEqualTo("13 500");
            JsonNode recorded = history(hdfIncident, "ars-hdf");
            assertThat(recorded.size()).isEqualTo(before + 1);
            assertThat(recorded.get(recorded.size() - 1)
                            .at("/recordedBy/username")
                            .asText())
                    .isEqualTo("ars-hdf");

            // as of just before: the earlier estimate, and the timeline without the new assessment
            String asOf = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                    .format(LocalDateTime.ofInstant(beforeAssessment, PARIS));
            browser.open("/incidents/" + hdfIncident + "?asOf=" + asOf);
            assertThat(browser.driver().findElement(By.id("vue-passee")).getText())
                    .contains("Vue au");
            assertThat(plain(browser.driver().findElement(By.id("patients")).getText()))
                    .isNotEqualTo("13 500");
            assertThat(browser.driver().findElement(By.id("timeline")).getText())
                    .doesNotContain("Réévaluation saisie");
            assertThat(browser.driver().findElements(By.id("form-evaluation")))
                    .as("no form on a past view")
                    .isEmpty();
            checkPage(browser, "07-incident-vue-passee");

            // another region's incident: not found, as the API answers
            browser.open("/incidents/" + norIncident);
            assertThat(browser.driver().findElement(By.id("erreur")).getText()).isEqualTo("Page introuvable");
            assertThat(browser.driver().getPageSource()).doesNotContain("Normandie)");
            browser.open("/regions/FR-NOR");
            assertThat(browser.driver().findElement(By.id("erreur")).getText()).isEqualTo("Accès refusé");
        }
    }

    @Test
    @Order(4)
    void theCommunicationOfficerApprovesAndPublishesTheHautsDeFranceCommuniqueAndItReachesTheAtomFeed() {
        String token = keycloak.password("comms-hdf");
        // the assessment above changed the facts: a correction of the region's published communiqué is drafted
        String[] draft = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            // written from the region's facts as they now stand: its estimate of patients includes the new one
            long patients = api.get("/api/regions/FR-HDF", keycloak.password("national"))
                    .json()
                    .at("/impact/estimatedPatients")
                    .asLong();
            String figure = plain(java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRANCE)
                    .format(patients));
            for (JsonNode c : api.get("/api/communiques?region=FR-HDF&status=DRAFT", token)
                    .json()) {
                if (plain(c.get("body").asText()).contains(figure + " patients")) {
                    draft[0] = c.get("id").asText();
                    return true;
                }
            }
            return false;
        });
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("comms-hdf", Keycloak.DEMO_PASSWORD);
            browser.open("/communiques");
            assertThat(browser.driver().findElement(By.cssSelector("a[href$='/communiques/" + draft[0] + "']")))
                    .isNotNull();
            checkPage(browser, "08-communiques");
            browser.open("/communiques/" + draft[0]);
            assertThat(status(browser)).isEqualTo("Brouillon");
            // each sentence is followed by the events it rests on
            assertThat(browser.driver().findElements(By.cssSelector("#texte .console-sources li")))
                    .isNotEmpty();
            // the correction of a published communiqué shows what it changes
            if (!browser.driver().findElements(By.id("diff")).isEmpty()) {
                assertThat(browser.driver().findElements(By.cssSelector("#diff ins")))
                        .isNotEmpty();
            }
            checkPage(browser, "09-communique-brouillon");
            for (int attempt = 0; attempt < 3 && !"Publié".equals(status(browser)); attempt++) {
                if ("Brouillon".equals(status(browser))) {
                    browser.driver().findElement(By.id("approuver")).click();
                    // the region's e-health group recorded facts: it co-issues the communiqué and approves it too
                    if (api.get("/api/communiques/" + draft[0], token)
                            .json()
                            .get("issuers")
                            .toString()
                            .contains("GRADES")) {
                        api.post(
                                "/api/communiques/" + draft[0] + "/approve", keycloak.password("comms-esante-hdf"), "");
                        // the page's actions are those of the draft it was opened on
                        browser.open("/communiques/" + draft[0]);
                    }
                    browser.waiting(Duration.ofSeconds(20)).until(d -> !"Brouillon".equals(status(browser)));
                }
                if ("Approuvé".equals(status(browser))) {
                    browser.driver().findElement(By.id("publier")).click();
                    browser.waiting(Duration.ofSeconds(20)).until(d -> !"Approuvé".equals(status(browser)));
                }
            }
            assertThat(status(browser)).isEqualTo("Publié");
            assertThat(browser.driver().findElement(By.id("message-succes")).getText())
                    .isEqualTo("Communiqué publié.");
            checkPage(browser, "10-communique-publie");
            assertThat(browser.driver().findElement(By.id("page-publique")).getAttribute("href"))
                    .as("the officer follows the published text to what the public reads")
                    .endsWith("/public/communiques/" + draft[0]);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SyndFeed feed = new SyndFeedInput()
                    .build(new StringReader(
                            api.get("/feeds/communiques.atom", null).body()));
            assertThat(feed.getEntries()).anyMatch(e -> e.getUri().contains(draft[0]));
        });
    }

    /** The changes the page was told of since it was loaded (its script counts them). */
    private static long told(ConsoleBrowser browser) {
        String told = browser.driver().findElement(By.id("live")).getDomAttribute("data-told");
        return told == null ? 0 : Long.parseLong(told);
    }

    /** Requests this page has made since it was loaded (its fetches, its streams), as the browser counts them. */
    private static long requestsMade(ConsoleBrowser browser) {
        Object count = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("return performance.getEntriesByType('resource')"
                        + ".filter(function (e) { return e.initiatorType === 'fetch'"
                        + " || e.name.indexOf('/live/changes') >= 0; }).length;");
        return ((Number) count).longValue();
    }

    @Test
    @Order(5)
    void anOpenPageFollowsNewFactsOnItsOwnASessionOutlivesAConsoleRestartAndSignOutEndsTheKeycloakSession()
            throws Exception {
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("national", Keycloak.DEMO_PASSWORD);
            browser.open("/incidents/" + norIncident);
            long before = browser.driver()
                    .findElements(By.cssSelector("#timeline li"))
                    .size();
            // a mark on this document: it is still there at the end only if the page was never reloaded
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("window.consoleTestMark = 'open';");
            // the page is told of changes through the gateway (server-sent events), and asks for nothing while idle
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> "open".equals(d.findElement(By.id("live")).getDomAttribute("data-live")));
            // the platform quiet first (what earlier tests set going has settled: nothing told for 5 s), then 31 s
            browser.waiting(Duration.ofSeconds(120)).until(d -> {
                long toldSoFar = told(browser);
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return told(browser) == toldSoFar;
            });
            long requestsBefore = requestsMade(browser);
            long toldBefore = told(browser);
            Thread.sleep(31_000);
            long idleRequests = requestsMade(browser) - requestsBefore;
            long toldMeanwhile = told(browser) - toldBefore;
            System.out.printf(
                    "console: requests of an open page in 31 s: %d, changes it was told of meanwhile: %d%n",
                    idleRequests, toldMeanwhile);
            assertThat(idleRequests)
                    .as("requests of an open page in 31 s: one per change told at most, and at most one besides")
                    .isLessThanOrEqualTo(toldMeanwhile + 1);
            long changedAt = System.nanoTime();
            Response contained = api.post(
                    "/api/incidents/" + norIncident + "/containment-actions",
                    keycloak.password("esante-nor"),
                    "{\"action\": \"SYSTEMS_ISOLATED\", \"description\": \"Serveur isolé (suivi en direct).\"}");
            assertThat(contained.status()).as(contained.toString()).isEqualTo(201);
            // no reload, and well before its fallback round (30 s): the page was told, then asked for its live part
            browser.waiting(Duration.ofSeconds(15))
                    .until(d -> d.findElement(By.id("timeline")).getText().contains("Mesure de confinement")
                            && d.findElements(By.cssSelector("#timeline li")).size() > before);
            System.out.printf(
                    "console: a fact recorded shown on the open page %.0f ms after its 201 (including the browser's"
                            + " polling of the page for it)%n",
                    (System.nanoTime() - changedAt) / 1e6);
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver())
                            .executeScript("return window.consoleTestMark || null;"))
                    .as("the page was updated in place, not reloaded")
                    .isEqualTo("open");
            browser.waiting(Duration.ofSeconds(5)).until(d -> {
                String refreshedAt = d.findElement(By.id("live")).getDomAttribute("data-refreshed-at");
                return refreshedAt != null && !refreshedAt.isBlank();
            });

            // the console restarted (a deployment, a crash): the session is kept in PostgreSQL, nobody is signed out
            platform.kill("console");
            platform.restart("console", RunningPlatform.CONSOLE_PORT);
            browser.open("/incidents/" + norIncident);
            assertThat(browser.driver().findElements(By.id("kc-form-login"))).isEmpty();
            assertThat(browser.driver().findElement(By.id("se-deconnecter")).isDisplayed())
                    .isTrue();
            assertThat(browser.driver().findElement(By.id("timeline")).getText())
                    .contains("Serveur isolé (suivi en direct).");

            // the published correction as the national cell reads it: each sentence's sources named and linked, and
            // what the correction changed from the communiqué it replaces
            String published = api.get("/api/communiques?region=FR-HDF&status=PUBLISHED", keycloak.password("national"))
                    .json()
                    .get(0)
                    .get("id")
                    .asText();
            browser.open("/communiques/" + published);
            assertThat(browser.driver().findElements(By.cssSelector("#texte .console-sources a[href*='/incidents/']")))
                    .isNotEmpty();
            checkPage(browser, "12-communique-sources");

            browser.driver().findElement(By.id("se-deconnecter")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("se-reconnecter")));
            browser.screenshot("11-deconnecte");
            // the Keycloak session ended too: the console asks for the password again
            browser.driver().findElement(By.id("se-reconnecter")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        }
    }

    @Test
    @Order(6)
    void theNationalCellAcceptsALinkSuggestionInOneAction() {
        String hdf = report("ars-hdf", "FR-HDF");
        String nor = report("ars-nor", "FR-NOR");
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("national", Keycloak.DEMO_PASSWORD);
            By suggestion = By.xpath("//form[input[@name='incidentIds' and @value='" + hdf + "']]");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        browser.open("/campagnes");
                        return !browser.driver().findElements(suggestion).isEmpty();
                    });
            WebElement form = browser.driver().findElement(suggestion);
            assertThat(form.findElements(By.cssSelector("input[name=incidentIds][value='" + nor + "']")))
                    .hasSize(1);
            checkPage(browser, "13-suggestions");
            form.findElement(By.tagName("button")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("incidents-campagne")));
            assertThat(browser.driver().findElement(By.id("message-succes")).getText())
                    .startsWith("Campagne ouverte");
            String linked =
                    browser.driver().findElement(By.id("incidents-campagne")).getText();
            assertThat(linked).contains("Hauts-de-France").contains("Normandie");
            String campaign = browser.driver().getCurrentUrl().replaceAll(".*/campagnes/", "");
            JsonNode view = api.get("/api/national/campaigns/" + campaign, keycloak.password("national"))
                    .json();
            List<String> ids = new ArrayList<>();
            view.get("incidents").forEach(i -> ids.add(i.get("incidentId").asText()));
            assertThat(ids).contains(hdf, nor);
            checkPage(browser, "14-campagne-ouverte");

            // its review: each linked incident with its delays, as the API computes it
            JsonNode review = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> api.get("/api/reviews/campaigns/" + campaign, keycloak.password("national"))
                                    .json(),
                            r -> r.get("incidents").size() == ids.size());
            browser.driver().findElement(By.id("lien-revue-campagne")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("titre-revue-campagne")));
            assertThat(browser.driver().findElements(By.cssSelector("#incidents-revue-campagne tbody tr th a")))
                    .hasSize(ids.size());
            assertThat(browser.driver().findElement(By.id("delais-campagne")).getText())
                    .contains(review.get("regions").size() == 1 ? "" : "Hauts-de-France, Normandie");
            // its chart: the opening, each link, and each incident's instants
            assertThat(browser.driver().findElements(By.cssSelector("#chronologie circle.repere")))
                    .hasSize((int) (1 + review.get("links").size() + incidentMarks(review.get("incidents"))));
            checkPage(browser, "14-revue-campagne");
        }
    }

    @Test
    @Order(7)
    void regionalStaffPasteObservablesConfirmTheirTypesAndSeeWhatWasRefused() {
        String incident = report("ars-hdf", "FR-HDF");
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("ars-hdf", Keycloak.DEMO_PASSWORD);
            browser.open("/incidents/" + incident);
            openForm(browser, "form-observables");
            browser.driver()
                    .findElement(By.id("observable-values"))
                    .sendKeys("ameli-remboursement[.]example\n203.0.113.77\n\nce n'est pas une valeur\n");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("observable-role")))
                    .selectByValue("INTRUSION_SOURCE");
            browser.driver().findElement(By.id("verifier-observables")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("form-observables-confirmation")));
            List<String> proposed = new ArrayList<>();
            browser.driver()
                    .findElements(By.cssSelector("select.observable-type"))
                    .forEach(select -> proposed.add(new org.openqa.selenium.support.ui.Select(select)
                            .getFirstSelectedOption()
                            .getAttribute("value")));
            assertThat(proposed).as("one per non-blank line").containsExactly("domain-name", "ipv4-addr", "");
            assertThat(history(incident, "ars-hdf").size())
                    .as("nothing recorded before confirmation")
                    .isEqualTo(1);
            checkPage(browser, "15-observables-confirmation");

            browser.driver().findElement(By.id("enregistrer-observables")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("message-succes")));
            assertThat(browser.driver().findElement(By.id("message-succes")).getText())
                    .isEqualTo("2 observable(s) enregistré(s) sur 3.");
            assertThat(browser.driver()
                            .findElement(By.id("observables-refuses"))
                            .getText())
                    .startsWith("ce n'est pas une valeur : type");
            String table =
                    browser.driver().findElement(By.id("table-observables")).getText();
            assertThat(table)
                    .contains("ameli-remboursement.example")
                    .contains("203.0.113.77")
                    .contains("Source de l'intrusion")
                    .contains("ars-hdf");
            checkPage(browser, "16-observables");
            JsonNode view = api.get("/api/incidents/" + incident, keycloak.password("ars-hdf"))
                    .json();
            assertThat(view.get("observables").findValuesAsString("value"))
                    .containsExactly("ameli-remboursement.example", "203.0.113.77");
        }

        // the same domain recorded in Normandie: the national cell's map lists it with both regions
        String norIncident = report("ars-nor", "FR-NOR");
        Response recorded = api.post(
                "/api/incidents/" + norIncident + "/observables",
                keycloak.password("ars-nor"),
                "{\"type\": \"domain-name\", \"value\": \"AMELI-REMBOURSEMENT.example\", \"role\": \"PHISHING_SENDER\"}");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("national", Keycloak.DEMO_PASSWORD);
            By shared =
                    By.xpath("//table[@id='table-observables-partages']//tr[td/code='ameli-remboursement.example']");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        browser.open("/");
                        return !browser.driver().findElements(shared).isEmpty();
                    });
            assertThat(browser.driver().findElement(shared).getText())
                    .contains("Hauts-de-France")
                    .contains("Normandie");
            checkPage(browser, "17-carte-observables-partages");
        }
    }

    @Test
    @Order(8)
    void theReviewPageShowsTheDelaysTheApiComputesWithAChartOfEachRecordedInstant() {
        JsonNode review = api.get("/api/incidents/" + hdfIncident + "/review", keycloak.password("ars-hdf"))
                .json();
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("ars-hdf", Keycloak.DEMO_PASSWORD);
            browser.open("/incidents/" + hdfIncident);
            browser.driver().findElement(By.id("lien-revue")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("titre-revue")));
            assertThat(browser.driver().findElement(By.id("titre-revue")).getText())
                    .isEqualTo("Revue après incident : " + review.get("title").asText());
            assertThat(plain(browser.driver()
                            .findElement(By.id("communiques-publies"))
                            .getText()))
                    .isEqualTo(review.at("/communiques/published").asInt() + " dont "
                            + review.at("/communiques/corrections").asInt() + " rectificatif(s)");
            assertThat(browser.driver().findElements(By.cssSelector("#obligations tbody tr")))
                    .hasSize(review.get("obligations").size());
            assertThat(browser.driver().findElements(By.cssSelector("#actions tbody tr")))
                    .hasSize(review.get("actions").size());
            // one mark per instant recorded: awareness, first record, each notification, each obligation's due time,
            // each communiqué's approval and publication, each reminder
            long instants = 2
                    + review.get("notifications").size()
                    + count(review.get("obligations"), "dueAt")
                    + count(review.at("/communiques/citing"), "approvedAt")
                    + count(review.at("/communiques/citing"), "publishedAt")
                    + review.get("reminders").size();
            assertThat(browser.driver().findElements(By.cssSelector("#chronologie circle.repere")))
                    .hasSize((int) instants);
            checkPage(browser, "12-revue-incident");

            // another region's incident: not found, as the API answers
            browser.open("/incidents/" + norIncident + "/revue");
            assertThat(browser.driver().findElement(By.id("erreur")).getText()).isEqualTo("Page introuvable");
        }
    }

    @Test
    @Order(9)
    void anExerciseReplaysTheReferenceCaseAtSixtyTimesItsPaceAndItsCommuniqueReachesNoPublicChannel() throws Exception {
        String national = keycloak.password("national");
        String officer = keycloak.password("comms-hdf");
        String realIncidents = api.get("/api/national/impact", national).json().toString();
        long realCounted = nationalIncidentsCounted(national);
        String exercise;
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("national", Keycloak.DEMO_PASSWORD);
            browser.open("/exercices");
            browser.driver().findElement(By.id("exercice-nom")).sendKeys("Exercice usurpation HDF-NOR");
            browser.driver()
                    .findElement(By.cssSelector("label[for='region-FR-HDF']"))
                    .click();
            browser.driver()
                    .findElement(By.cssSelector("label[for='region-FR-NOR']"))
                    .click();
            browser.driver().findElement(By.id("demarrer-exercice")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("titre-exercice")));
            exercise = browser.driver().getCurrentUrl().replaceAll(".*/exercices/", "");
            assertThat(browser.driver().findElement(By.id("bandeau-exercice")).getText())
                    .contains("EXERCICE");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("rejeu-scenario")))
                    .selectByValue("reference-case");
            WebElement speed = browser.driver().findElement(By.id("rejeu-vitesse"));
            speed.clear();
            speed.sendKeys("60");
            browser.driver().findElement(By.id("rejouer")).click();
            browser.waiting(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("etapes")));
            assertThat(browser.driver().findElement(By.id("message-succes")).getText())
                    .isEqualTo("Rejeu du scénario démarré.");
        }

        // the script's seven facts, the last 35 minutes of script time after the first: 35 seconds at ×60
        JsonNode review = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> api.get("/api/exercises/" + exercise + "/review", national)
                                .json(),
                        r -> r.at("/replay/steps").size() == 7
                                && r.at("/replay/steps").findValues("injectedAt").stream()
                                        .noneMatch(JsonNode::isNull));
        JsonNode script =
                api.get("/api/exercise-scripts/reference-case", national).json();
        Instant start = Instant.parse(review.at("/replay/startedAt").asString());
        for (int i = 0; i < 7; i++) {
            JsonNode step = review.at("/replay/steps").get(i);
            Duration at = Duration.parse(script.get("steps").get(i).get("at").asString());
            assertThat(Instant.parse(step.get("dueAt").asString()))
                    .as("step %d due at the script's time divided by 60", i + 1)
                    .isEqualTo(start.plus(at.dividedBy(60)));
            assertThat(Instant.parse(step.get("injectedAt").asString()))
                    .isAfterOrEqualTo(Instant.parse(step.get("dueAt").asString()));
            assertThat(step.get("outcome").asString()).startsWith("enregistré");
        }
        String hdf = review.at("/replay/steps/0/incidentId").asString();
        assertThat(Instant.parse(api.get("/api/incidents/" + hdf, national)
                        .json()
                        .get("awareAt")
                        .asString()))
                .as("aware 45 minutes before the script's start: 45 seconds at ×60")
                .isEqualTo(start.minusSeconds(45));

        String[] draft = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode drafts = api.get("/api/communiques?region=FR-HDF&status=DRAFT&exercise=" + exercise, officer)
                    .json();
            if (drafts.isEmpty() || !drafts.get(0).get("body").asString().contains("12")) {
                return false;
            }
            draft[0] = drafts.get(0).get("id").asString();
            return true;
        });
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("comms-hdf", Keycloak.DEMO_PASSWORD);
            browser.open("/communiques/" + draft[0]);
            assertThat(browser.driver().findElement(By.id("bandeau-exercice")).getText())
                    .contains("EXERCICE");
            assertThat(browser.driver().findElement(By.id("titre-communique")).getText())
                    .startsWith("EXERCICE — ");
            browser.driver().findElement(By.id("approuver")).click();
            browser.waiting(Duration.ofSeconds(20)).until(d -> "Approuvé".equals(status(browser)));
            browser.driver().findElement(By.id("publier")).click();
            browser.waiting(Duration.ofSeconds(20)).until(d -> "Publié".equals(status(browser)));
            checkPage(browser, "13-communique-exercice");
        }

        // the exercise's feed has it; no public channel does, and the real national picture holds none of its facts
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/exercise-feeds/" + exercise, officer)
                        .json()
                        .findValuesAsString("id")
                        .contains(draft[0]));
        assertThat(api.get("/feeds/communiques.atom", null).body())
                .doesNotContain(draft[0])
                .doesNotContain("EXERCICE");
        assertThat(api.get("/api/public/communiques", null).body()).doesNotContain(draft[0]);
        assertThat(api.get("/api/public/communiques/" + draft[0], null).status())
                .isEqualTo(404);
        ApiClient reader = new ApiClient(platform.gatewayUrl());
        assertThat(reader.get("/public/communiques/" + draft[0], null).status()).isEqualTo(404);
        assertThat(reader.get("/public/regions/FR-HDF", null).body()).doesNotContain(draft[0]);
        assertThat(reader.get("/public", null).body()).doesNotContain(draft[0]).doesNotContain("EXERCICE");
        List<String> drill = api.get("/api/exercises/" + exercise, national)
                .json()
                .get("incidents")
                .findValuesAsString("id");
        assertThat(drill).hasSize(2);
        String picture = api.get("/api/national/impact", national).json().toString();
        assertThat(picture).doesNotContain(drill.get(0)).doesNotContain(drill.get(1));
        assertThat(realIncidents).doesNotContain(drill.get(0));
        assertThat(nationalIncidentsCounted(national)).as("the metrics scraped").isEqualTo(realCounted);

        JsonNode after = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/exercises/" + exercise + "/review", national)
                                .json(),
                        r -> r.get("expected").findValuesAsString("status").contains("ON_TIME"));
        JsonNode published = null;
        for (JsonNode expected : after.get("expected")) {
            if (expected.get("incident").asString().equals("hdf")
                    && expected.get("action").asString().equals("COMMUNIQUE_PUBLISHED")) {
                published = expected;
            }
        }
        assertThat(published).isNotNull();
        assertThat(published.get("status").asString()).isEqualTo("ON_TIME");
        assertThat(Instant.parse(published.get("expectedBy").asString()))
                .as("four hours of script time after the report: four minutes at ×60")
                .isEqualTo(start.plusSeconds(4 * 60));

        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("national", Keycloak.DEMO_PASSWORD);
            JsonNode shown =
                    api.get("/api/exercises/" + exercise + "/review", national).json();
            browser.open("/exercices/" + exercise);
            assertThat(browser.driver().findElements(By.cssSelector("#etapes tbody tr")))
                    .hasSize(7);
            // its chart: each step injected, each expected action's due time and when done, each incident's instants
            assertThat(browser.driver().findElements(By.cssSelector("#chronologie circle.repere")))
                    .hasSize((int) (count(shown.at("/replay/steps"), "injectedAt")
                            + count(shown.get("expected"), "expectedBy")
                            + count(shown.get("expected"), "doneAt")
                            + incidentMarks(shown.get("incidents"))));
            assertThat(browser.driver().findElements(By.cssSelector("#incidents-exercice tbody tr th a")))
                    .hasSize(2);
            assertThat(browser.driver().findElements(By.cssSelector("#attendus td[data-status='ON_TIME']")))
                    .isNotEmpty();
            checkPage(browser, "14-exercice");

            // a national campaign inside the exercise: its incidents linked, marked, none of the real campaigns
            browser.driver().findElement(By.id("campagne-titre")).sendKeys("Campagne de l'exercice");
            browser.driver().findElement(By.id("ouvrir-campagne")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("bandeau-exercice")));
            JsonNode drillCampaigns = api.get("/api/national/campaigns?exercise=" + exercise, national)
                    .json();
            assertThat(drillCampaigns.size()).isEqualTo(1);
            assertThat(drillCampaigns.get(0).get("incidents").findValuesAsString("incidentId"))
                    .containsExactlyInAnyOrderElementsOf(drill);
            assertThat(browser.driver().getCurrentUrl())
                    .endsWith("/campagnes/" + drillCampaigns.get(0).get("id").asString());
            assertThat(api.get("/api/national/campaigns", national).body())
                    .doesNotContain(drillCampaigns.get(0).get("id").asString());
            browser.open("/exercices/" + exercise);
            assertThat(browser.driver().findElements(By.cssSelector("#campagnes-exercice tbody tr th a")))
                    .hasSize(1);
            browser.driver().findElement(By.id("terminer-exercice")).click();
            browser.waiting(Duration.ofSeconds(20))
                    .until(d -> "Terminé"
                            .equals(d.findElement(By.id("etat-exercice")).getText()));
            assertThat(browser.driver().findElements(By.id("terminer-exercice")))
                    .isEmpty();
        }
        // the measured response across real incidents: the API's figures, shown in the console, no exercise counted
        JsonNode figures = api.get("/api/reviews/regions?from=" + Instant.now().minus(Duration.ofDays(30)), national)
                .json();
        try (ConsoleBrowser browser = new ConsoleBrowser(CONSOLE)) {
            browser.signIn("national", Keycloak.DEMO_PASSWORD);
            browser.open("/indicateurs?jours=30");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#ligne-nationale td"))
                            .getText())
                    .isEqualTo(figures.at("/national/incidents").asString());
            assertThat(browser.driver().findElements(By.cssSelector("#delais-regions tbody tr[data-region^='FR-']")))
                    .hasSize(figures.get("regions").size());
            assertThat(browser.driver().findElements(By.cssSelector("#obligations-regions tbody tr")))
                    .isNotEmpty();
            checkPage(browser, "15-indicateurs");
        }
        Response frozen = api.post(
                "/api/incidents/" + hdf + "/containment-actions",
                keycloak.password("ars-hdf"),
                "{\"action\": \"SYSTEMS_ISOLATED\", \"description\": \"après la fin\"}");
        assertThat(frozen.status()).as("an ended exercise is frozen").isEqualTo(409);
    }

    /** How many real incidents the metrics count across regions (the national cell's scrape). */
    private static long nationalIncidentsCounted(String token) {
        // the last day: the exercise's incidents were aware of seconds ago, some real ones of an hour ago
        Response metrics = api.get("/api/reviews/metrics?from=" + Instant.now().minus(Duration.ofDays(1)), token);
        assertThat(metrics.status()).isEqualTo(200);
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("ars_review_incidents{region=\"national\"}")) {
                return Math.round(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        assertThat(metrics.body()).contains("# TYPE ars_review_incidents gauge");
        return 0;
    }

    /** The marks of incidents' lanes in a campaign's or an exercise's chart: their instants recorded. */
    private static long incidentMarks(JsonNode incidents) {
        long marks = 0;
        for (JsonNode incident : incidents) {
            marks += (incident.hasNonNull("awareAt") ? 1 : 0)
                    + (incident.hasNonNull("reportedAt") ? 1 : 0)
                    + count(incident.get("notifications"), "notifiedAt")
                    + (incident.at("/communiques/firstPublishedAt").isMissingNode()
                                    || incident.at("/communiques/firstPublishedAt")
                                            .isNull()
                            ? 0
                            : 1);
        }
        return marks;
    }

    private static long count(JsonNode items, String field) {
        long present = 0;
        for (JsonNode item : items) {
            if (item.hasNonNull(field)) {
                present++;
            }
        }
        return present;
    }

    /** An incident reported through the API by a region's staff, with a vector the demo does not use. */
    private static String report(String user, String region) {
        Response reported = api.post(
                "/api/incidents",
                keycloak.password(user),
                "{\"region\": \"" + region + "\", \"title\":"
                        + " \"Saturation du portail de prise de rendez-vous\", \"summary\": \"Déni de service sur le portail"
                        + " régional.\", \"awareAt\": \"" + Instant.now().minus(Duration.ofHours(1))
                        + "\", \"attackVector\":"
                        + " \"DENIAL_OF_SERVICE\", \"operationalImpact\": \"DEGRADED\"}");
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        return reported.json().get("id").asText();
    }

    private void checkPage(ConsoleBrowser browser, String name) {
        browser.screenshot(name);
        List<String> serious = browser.seriousAccessibilityViolations(axe, name);
        AXE.add(name + "=" + serious.size());
        assertThat(serious).as("axe-core on %s", name).isEmpty();
    }

    private static String regionLevel(ConsoleBrowser browser, String code) {
        String classes = browser.driver()
                .findElement(By.cssSelector("#carte path.region-" + code + ", .console-inset-map path.region-" + code))
                .getAttribute("class");
        for (String c : classes.split("\\s+")) {
            if (c.startsWith("level-")) {
                return c.substring("level-".length());
            }
        }
        return "";
    }

    private static void openForm(ConsoleBrowser browser, String formId) {
        WebElement form = browser.driver().findElement(By.id(formId));
        WebElement details = form.findElement(By.xpath("./ancestor::details"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    /** French numbers are grouped with (narrow) no-break spaces: compared as plain spaces. */
    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    private static long timelineCount(ConsoleBrowser browser) {
        return browser.driver().findElements(By.cssSelector("#timeline li")).size();
    }

    private static String status(ConsoleBrowser browser) {
        // as written in the page (the badge shows it in capitals); the live part may be replaced while it is read
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.driver()
                        .findElement(By.id("statut-communique"))
                        .getAttribute("textContent")
                        .strip();
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) {
                    throw replaced;
                }
            }
        }
    }

    private static JsonNode history(String incident, String user) {
        return api.get("/api/incidents/" + incident + "/history", keycloak.password(user))
                .json();
    }

    private static String demoIncident(String region) {
        for (JsonNode incident : api.get("/api/incidents?region=" + region, keycloak.password("national"))
                .json()) {
            if (incident.get("title").asText().startsWith("Accès frauduleux aux serveurs")) {
                return incident.get("id").asText();
            }
        }
        throw new IllegalStateException("the demo's incident in " + region + " is missing");
    }

    private static int postWithoutCsrf(Cookie session, String path, String form) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(CONSOLE + path))
                                    .header("Cookie", session.getName() + "=" + session.getValue())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
