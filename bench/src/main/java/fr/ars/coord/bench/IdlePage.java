package fr.ars.coord.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Phase: what an open console page costs while nothing happens. The machine's headless Chromium signs in through the
 * gateway as the national cell, opens an incident page (the page the cell keeps open in a crisis), lets it settle, then
 * counts for a minute the requests the page itself makes (its fetches and its streams, as the browser's resource
 * timing lists them), and how many changes it was told of meanwhile where the page is told of them.
 */
record IdlePage(BenchPlatform platform, Results results) {

    private static final String COUNT_REQUESTS = "return performance.getEntriesByType('resource').filter(function (e) {"
            + " return e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest'"
            + " || e.name.indexOf('/live/changes') >= 0; }).length;";

    void run(int seconds) throws Exception {
        Path chromium = Path.of(Bench.env("BENCH_CHROMIUM", "/usr/bin/chromium"));
        Path driverBinary = Path.of(Bench.env("BENCH_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!Files.isExecutable(chromium) || !Files.isExecutable(driverBinary)) {
            System.err.println("idle page: no chromium and chromedriver on this machine, phase left out");
            return;
        }
        String incident = platform.report(platform.gateway(), "ars-hdf", "FR-HDF");
        Path profile = Files.createTempDirectory("bench-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-extensions",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            // the console's own address (Keycloak sends the browser back there, where its sign-in cookie was set)
            String console = platform.gateway().replace("127.0.0.1", "localhost") + "/console";
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(console + "/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            driver.findElement(By.id("username")).sendKeys("national");
            driver.findElement(By.id("password")).sendKeys("demo-password");
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.urlContains("/console/"));
            driver.get(console + "/incidents/" + incident);
            try {
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live")));
            } catch (org.openqa.selenium.TimeoutException e) {
                System.err.printf(
                        "idle page: the incident page did not open (at %s, \"%s\"); phase left out%n",
                        driver.getCurrentUrl(), driver.getTitle());
                return;
            }
            Thread.sleep(5_000); // the page's first calls, and the incident's own projections, settle
            JavascriptExecutor page = driver;
            page.executeScript("performance.setResourceTimingBufferSize(100000);");
            long requestsBefore = ((Number) page.executeScript(COUNT_REQUESTS)).longValue();
            long toldBefore = told(driver);
            Thread.sleep(seconds * 1000L);
            long requests = ((Number) page.executeScript(COUNT_REQUESTS)).longValue() - requestsBefore;
            long told = told(driver) - toldBefore;
            double perMinute = requests * 60.0 / seconds;
            results.put("idle_page_requests_per_min", perMinute);
            results.put("idle_page_changes_told_per_min", told * 60.0 / seconds);
            System.err.printf(
                    "idle page: %d requests in %d s (%.1f per minute), %d changes told meanwhile%n",
                    requests, seconds, perMinute, told);
        } finally {
            driver.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The changes the page was told of since it was loaded, as its script counts them (0 where it is not told). */
    private static long told(ChromeDriver driver) {
        return driver.findElements(By.id("live")).stream()
                .map(live -> live.getDomAttribute("data-told"))
                .filter(value -> value != null && !value.isBlank())
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(0);
    }
}
