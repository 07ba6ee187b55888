package org.veille.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, driven through Debian's own chromedriver so that Selenium
 * Manager never runs and nothing is downloaded. Register it on a static field, and the browser starts
 * before the first test of the class and quits after the last one:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = new Browser();
 * }</pre>
 *
 * Each test starts signed out (the cookies are cleared before it) on a blank page. When a test fails,
 * a screenshot of the page it saw is written to {@code target/screenshots/failures/}. Outside JUnit,
 * {@link #start()} and {@link #close()} do the same by hand.
 */
public final class Browser implements AutoCloseable, ExecutionCondition, BeforeAllCallback, AfterAllCallback,
		BeforeEachCallback, AfterTestExecutionCallback {

	static final String MISSING_MESSAGE = "Browser tests need Debian's chromium and chromium-driver packages"
			+ " (apt-get install chromium chromium-driver) or " + BrowserAvailability.CHROMIUM_VARIABLE + "/"
			+ BrowserAvailability.CHROMEDRIVER_VARIABLE;

	/** Long enough for a cold page on a busy CI machine, short enough to fail a stuck test quickly. */
	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final List<String> ARGUMENTS = List.of("--headless=new", "--no-sandbox", "--disable-gpu",
			"--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--lang=en-US");

	/** A phone's width, in CSS pixels. */
	public static final int PHONE_WIDTH = 360;

	private final boolean javaScript;

	private ChromeDriver driver;

	private Path profile;

	/** A browser with JavaScript, as most people have. */
	public Browser() {
		this(true);
	}

	private Browser(boolean javaScript) {
		this.javaScript = javaScript;
	}

	/** A browser with JavaScript turned off: every page must work in it too. */
	public static Browser withoutJavaScript() {
		return new Browser(false);
	}

	/** Starts Chromium; does nothing if it is running already. */
	public synchronized Browser start() {
		if (this.driver != null) {
			return this;
		}
		File chromium = executable(BrowserAvailability.CHROMIUM_VARIABLE, BrowserAvailability.DEFAULT_CHROMIUM);
		File chromedriver = executable(BrowserAvailability.CHROMEDRIVER_VARIABLE,
				BrowserAvailability.DEFAULT_CHROMEDRIVER);
		try {
			this.profile = Files.createTempDirectory("veille-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a Chromium profile directory", ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments(ARGUMENTS);
		options.addArguments("--user-data-dir=" + this.profile, "--window-size=1280,900");
		if (!this.javaScript) {
			options.addArguments("--blink-settings=scriptEnabled=false");
		}
		// The pages speak the reader's language (Accept-Language): the tests read the English ones.
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		// Given both the driver and the browser binary, Selenium does not call Selenium Manager.
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		try {
			this.driver = new ChromeDriver(service, options);
			this.driver.manage().window().setSize(new Dimension(1280, 900));
		}
		catch (RuntimeException ex) {
			service.stop();
			deleteProfile();
			throw new IllegalStateException("Chromium " + chromium + " did not start under " + chromedriver + ": "
					+ ex.getMessage(), ex);
		}
		return this;
	}

	/** Quits Chromium and deletes its profile directory. */
	@Override
	public synchronized void close() {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			deleteProfile();
		}
	}

	/** The Selenium driver, for what these helpers do not cover. */
	public ChromeDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException("The browser is not started");
		}
		return this.driver;
	}

	/** Opens the address and waits until the page is loaded. */
	public void open(String url) {
		driver().get(url);
	}

	/**
	 * Forgets every cookie, so the next page is seen signed out, and the drafts the page kept in its
	 * storage, leaves the current page, and goes back to a wide screen in the light theme.
	 */
	public void reset() {
		if (driver().getCurrentUrl().startsWith("http")) {
			driver().executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
		}
		driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
		driver().get("about:blank");
		driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		darkTheme(false);
	}

	/** Emulates the system's dark (or light) theme: {@code prefers-color-scheme}. */
	public void darkTheme(boolean dark) {
		driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
				List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
	}

	/** Emulates a screen this many CSS pixels wide (a phone at {@link #PHONE_WIDTH}), touch and all. */
	public void width(int width) {
		boolean phone = width < 600;
		driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
				phone ? 740 : 900, "deviceScaleFactor", 1, "mobile", phone));
	}

	/** Emulates a screen of exactly this size in CSS pixels; a phone below 600 px wide. */
	public void screen(int width, int height) {
		driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
				"deviceScaleFactor", 1, "mobile", width < 600));
	}

	/** The box of the first element matching the selector, as {@code getBoundingClientRect} gives it. */
	@SuppressWarnings("unchecked")
	public Map<String, Number> box(String selector) {
		Object box = driver().executeScript("var e = document.querySelector(arguments[0]);"
				+ " if (!e) { return null; } var r = e.getBoundingClientRect();"
				+ " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: window.innerHeight};",
				selector);
		if (box == null) {
			throw new AssertionError("No element matches " + selector + " on " + driver().getCurrentUrl());
		}
		return (Map<String, Number>) box;
	}

	/** Whether the first element matching {@code later} comes after the first matching {@code earlier} in the DOM. */
	public boolean comesAfter(String later, String earlier) {
		return Boolean.TRUE.equals(driver().executeScript("var a = document.querySelector(arguments[0]);"
				+ " var b = document.querySelector(arguments[1]);"
				+ " return !!a && !!b && (b.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;",
				later, earlier));
	}

	/** How many elements take a positive {@code tabindex}, which would make the keyboard's order differ from the page's. */
	public long positiveTabIndexes() {
		return ((Number) driver().executeScript("return document.querySelectorAll('[tabindex]:not([tabindex=\"0\"]):not([tabindex^=\"-\"])').length;"))
			.longValue();
	}

	/** Whether the page is wider than the window: a horizontal scroll bar. */
	public boolean scrollsSideways() {
		Object result = driver().executeScript(
				"return document.documentElement.scrollWidth > window.innerWidth"
						+ " || document.body.scrollWidth > window.innerWidth;");
		return Boolean.TRUE.equals(result);
	}

	public WebElement find(By by) {
		return driver().findElement(by);
	}

	public List<WebElement> findAll(By by) {
		return driver().findElements(by);
	}

	/** Waits until the condition holds and returns what it returned; fails the test after the timeout. */
	public <T> T waitFor(ExpectedCondition<T> condition) {
		return new WebDriverWait(driver(), TIMEOUT).until(condition);
	}

	/** Waits until an element is on the page and visible. */
	public WebElement waitForVisible(By by) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/**
	 * Clicks (a link, a submit button) and waits until the browser has left the current page and the next
	 * one has loaded far enough to show its {@code <main>}.
	 */
	public void clickAndWaitForNextPage(WebElement element) {
		WebElement oldPage = driver().findElement(By.tagName("html"));
		element.click();
		waitForLeaving(oldPage);
		waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
	}

	/**
	 * Waits until the element's page is gone. Chromium sometimes answers a question about a node of the
	 * page being replaced with "does not belong to the document": gone too.
	 */
	public void waitForLeaving(WebElement oldPage) {
		waitFor((driver) -> {
			try {
				oldPage.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/** Replaces the text of a field by what a person types. */
	public void type(By field, CharSequence text) {
		WebElement input = waitForVisible(field);
		input.clear();
		input.sendKeys(text);
	}

	/** The path of the current address (no host, query or fragment). */
	public String currentPath() {
		return java.net.URI.create(driver().getCurrentUrl()).getPath();
	}

	/** Writes a PNG of the visible part of the page, creating the directories on the way. */
	public Path screenshot(Path file) {
		File taken = driver().getScreenshotAs(OutputType.FILE);
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.copy(taken.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
			Files.deleteIfExists(taken.toPath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the screenshot " + file, ex);
		}
		return file;
	}

	/** Where screenshots go: {@code target/screenshots/} of the module, never committed. */
	public static Path screenshots() {
		return Path.of(System.getProperty("basedir", "."), "target", "screenshots");
	}

	/** Skips the class's tests when this machine has no Chromium, unless they are required. */
	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return BrowserAvailability.here();
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		reset();
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isEmpty() || this.driver == null) {
			return;
		}
		String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
		try {
			Path file = screenshot(screenshots().resolve("failures").resolve(name + ".png"));
			System.err.println("Browser test failed on " + this.driver.getCurrentUrl() + "; screenshot: " + file);
		}
		catch (RuntimeException ex) {
			System.err.println("Browser test failed; no screenshot could be taken: " + ex.getMessage());
		}
	}

	private static File executable(String variable, String fallback) {
		String path = BrowserAvailability.path(variable, fallback);
		File file = new File(path);
		if (!file.isFile() || !file.canExecute()) {
			throw new IllegalStateException(MISSING_MESSAGE + " (no executable at " + path + ")");
		}
		return file;
	}

	private void deleteProfile() {
		Path directory = this.profile;
		this.profile = null;
		if (directory == null || !Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A leftover temporary directory is not worth failing a test run for.
		}
	}

}
