package app.strongroom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium. Where Chromium is missing the test fails, never skips: a skipped
 * browser test would hide a broken page, and the build installs Chromium before the tests start
 * ({@code system-tests/src/test/sh/test-prerequisites.sh}), so a missing one means that step was bypassed.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final URI base;
    private final Path profile;

    private Browser(WebDriver driver, URI base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A desktop browser window, 1366 by 900 pixels. */
    public static Browser open(URI base) {
        return open(base, 1366, 900);
    }

    /** A phone's screen, 390 by 844 CSS pixels (an iPhone 12 to 15). */
    public static Browser phone(URI base) {
        return open(base, 390, 844);
    }

    private static Browser open(URI base, int width, int height) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            Assertions.fail("Chromium and chromedriver are required (apt-get install chromium chromium-driver)");
        }
        try {
            Path profile = Files.createTempDirectory("strongroom-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The development certificate is self-signed; everything else is the browser's default behaviour.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--ignore-certificate-errors", "--no-first-run", "--disable-quic", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile.resolve("user-data"));
            // Downloads land in the profile, where a test can look at them; nothing asks where to save.
            options.setExperimentalOption("prefs", java.util.Map.of(
                    "download.default_directory", profile.resolve("downloads").toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser go(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public boolean present(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public Browser fill(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        if (text != null) {
            field.sendKeys(text);
        }
        return this;
    }

    /** Clicks a button that submits a whole page and waits for the next page to load. */
    public Browser submit(String buttonId) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.strongroomOldPage = true;");
        byId(buttonId).click();
        awaitNewPage();
        return this;
    }

    /** Waits until the window holds a freshly loaded document (the old one carried a marker the new one lacks). */
    public void awaitNewPage() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        waitUntil(d -> Boolean.TRUE.equals(js.executeScript(
                "return window.strongroomOldPage === undefined && document.readyState === 'complete';")));
    }

    /** Marks the current document so that {@link #awaitNewPage()} can tell when it has been replaced. */
    public void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.strongroomOldPage = true;");
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The message shown next to a field ({@code p:message for="field"}). */
    public String messageFor(String fieldClientId) {
        return driver.findElements(By.cssSelector("[id='" + fieldClientId + "'] ~ .ui-message, .ui-message"))
                .stream().map(WebElement::getText).filter(t -> !t.isBlank())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    public <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    /** The browser's clock runs in {@code zone} from now on, as if the person lived there. */
    public void timeZone(String zone) {
        ((org.openqa.selenium.chromium.ChromiumDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
                java.util.Map.of("timezoneId", zone));
    }

    /** Whether anything on the page is wider than the window, so a person would have to scroll sideways. */
    public boolean scrollsSideways() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;"));
    }

    /** Where this browser saves downloads. */
    public Path downloads() {
        return profile.resolve("downloads");
    }

    /** The file the browser saved under {@code name}, once its download has completed. */
    public byte[] awaitDownload(String name) {
        Path file = downloads().resolve(name);
        waitUntil(d -> Files.exists(file) && !Files.exists(downloads().resolve(name + ".crdownload")));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile is harmless.
        }
    }
}
