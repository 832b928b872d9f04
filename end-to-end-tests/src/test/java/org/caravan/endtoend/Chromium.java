package org.caravan.endtoend;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The distribution's Chromium, headless, driven through its own chromedriver (Debian's {@code chromium} and {@code
 * chromium-driver}; {@code CARAVAN_CHROMIUM} and {@code CARAVAN_CHROMEDRIVER} point elsewhere), with a profile of its
 * own that is deleted afterwards. Nothing is downloaded.
 */
final class Chromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser whose preferred language is {@code language} (as {@code Accept-Language} and navigator.language). */
    static Chromium start(String language, int width, int height) {
        String binary = setting("CARAVAN_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = setting("CARAVAN_CHROMEDRIVER", "/usr/bin/chromedriver");
        for (String needed : new String[] {binary, chromedriver}) {
            if (!Files.isExecutable(Path.of(needed))) {
                throw new IllegalStateException("The browser tests need " + needed + ": apt-get install chromium "
                        + "chromium-driver (README, \"Test it\"), or CARAVAN_CHROMIUM / CARAVAN_CHROMEDRIVER");
            }
        }
        try {
            Path profile = Files.createTempDirectory("caravan-chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(binary);
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile,
                    "--lang=" + language,
                    "--window-size=" + width + "," + height);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(chromedriver))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().window().setSize(new Dimension(width, height));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException("No folder for the browser's profile", e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The page as the person sees it, for a human to look at: {@code target/screenshots/NAME.png}. */
    void screenshot(String name) {
        try {
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Could not keep the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static String setting(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans up what is left
        }
    }
}
