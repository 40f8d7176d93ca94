package fr.ars.coord.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on the console: the machine's headless Chromium through its ChromeDriver (Debian's
 * {@code chromium} and {@code chromium-driver}; never downloaded), a fresh profile each time, no network other
 * than the platform's. Signs in on Keycloak's own login page, takes screenshots under {@code target/}, and runs
 * axe-core (the console's build installs it from npm) on a page.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final Path profile;
    private final ChromeDriver driver;
    private final String consoleUrl;

    ConsoleBrowser(String consoleUrl) {
        this.consoleUrl = consoleUrl;
        try {
            profile = Files.createTempDirectory("console-browser");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "/usr/bin/chromium").toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--lang=fr-FR",
                "--window-size=1400,1100",
                "--user-data-dir=" + profile);
        options.setAcceptInsecureCerts(false);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(
                        executable("chromedriver", "/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1400, 1100));
    }

    WebDriver driver() {
        return driver;
    }

    /** A wait that looks again when the page's live part was replaced under it (the refresh every 4 s). */
    WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    void open(String path) {
        driver.get(consoleUrl + path);
    }

    /** Opens the console, is sent to Keycloak's login page, signs in there, and waits to be back on the console. */
    void signIn(String username, String password) {
        open("/");
        fillKeycloakLogin(username, password);
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/console/"));
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("se-deconnecter")));
    }

    void fillKeycloakLogin(String username, String password) {
        waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** The whole page (the window is stretched to its height, at most 4000 pixels, for the picture). */
    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        Dimension window = driver.manage().window().getSize();
        Object height = driver.executeScript("return document.documentElement.scrollHeight;");
        int page = height instanceof Number n ? Math.min(4000, n.intValue() + 140) : window.getHeight();
        try {
            driver.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), page)));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
        return file;
    }

    /**
     * Runs axe-core on the page as it is and returns its violations of impact "serious" or "critical" (id, impact,
     * the elements concerned); writes every violation found under target/ for review.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityViolations(Path axeScript, String page) {
        JavascriptExecutor js = driver;
        try {
            js.executeScript(Files.readString(axeScript));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(JSON.stringify(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
                + "    nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })));"
                + "}).catch(function (e) { done('ERROR ' + e); });");
        String json = String.valueOf(result);
        if (json.startsWith("ERROR")) {
            throw new IllegalStateException("axe-core failed on " + page + ": " + json);
        }
        try {
            Files.writeString(SCREENSHOTS.resolve("axe-" + page + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> serious = new ArrayList<>();
        for (Object item : (List<Object>) new tools.jackson.databind.ObjectMapper().readValue(json, List.class)) {
            Map<String, Object> violation = (Map<String, Object>) item;
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                serious.add(violation.get("id") + " (" + violation.get("impact") + "): " + violation.get("nodes"));
            }
        }
        return serious;
    }

    private static Path executable(String name, String fallback) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path path = Path.of(fallback);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(name + " is not installed: the console's browser tests need Debian's"
                    + " chromium and chromium-driver (.ci/run installs them)");
        }
        return path;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                PlatformProcesses.deleteRecursively(profile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
