package vn.dondoc.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/** Debian's headless Chromium for the webapp tests, with its own profile, gone after {@link #close()}. */
final class Chromium implements AutoCloseable {

	/** Screenshots of Tasklist and Cockpit for review (the file viewer reads them there). */
	static final Path SHOTS = Path.of(System.getProperty("dondoc.shots", "/tmp/shots"));

	final ChromeDriver driver;

	private final Path profile;

	private final int port;

	Chromium(int port) throws IOException {
		this.port = port;
		this.profile = Files.createTempDirectory("dondoc-chromium");
		driver = driver(profile, "vi-VN", Map.of());
	}

	/**
	 * Debian's chromium through its own chromedriver (never a download by Selenium Manager), headless, with the
	 * profile in {@code profile}, the browser's language ({@code vi-VN}, or {@code en-US} as on many office PCs)
	 * and any other preferences (downloads), in Vietnam's time zone.
	 */
	static ChromeDriver driver(Path profile, String language, Map<String, Object> preferences) {
		System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			// the officials' PCs are on Vietnam's time: Tasklist counts "Đến hạn sau N ngày" in the browser's zone,
			// which in UTC is a day off from 17:00 to midnight
			.withEnvironment(Map.of("TZ", "Asia/Ho_Chi_Minh"))
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,1000", "--lang=" + language);
		Map<String, Object> prefs = new HashMap<>(preferences);
		prefs.put("intl.accept_languages", language + "," + language.substring(0, 2));
		options.setExperimentalOption("prefs", prefs);
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return driver;
	}

	/** The whole page, not just the window, into {@code file}: the window grows to the page's height for the picture. */
	static void fullPage(ChromeDriver driver, Path file) {
		Dimension size = driver.manage().window().getSize();
		Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
		driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height.intValue() + 140, 8000)));
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot save the screenshot " + file, e);
		}
		finally {
			driver.manage().window().setSize(size);
		}
	}

	/** The first element found, once the page that has it has loaded (a click starts a navigation but does not wait for it). */
	static WebElement present(WebDriver driver, By locator) {
		return present(driver, locator, Duration.ofSeconds(20));
	}

	static WebElement present(WebDriver driver, By locator, Duration patience) {
		return await().atMost(patience).until(() -> driver.findElements(locator).stream().findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/** Signs in on dondoc's login page with the demo password, from a clean session, and waits for the dashboard. */
	static void signIn(WebDriver driver, String loginUrl, String user) {
		driver.manage().deleteAllCookies();
		driver.get(loginUrl);
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys("demo");
		driver.findElement(By.id("login")).click();
		await().atMost(Duration.ofSeconds(20)).until(() -> !driver.findElements(By.cssSelector("header.bar")).isEmpty());
	}

	/** Signs out with the header's button and waits for the login page. */
	static void signOut(WebDriver driver) {
		driver.findElement(By.cssSelector("form.who button")).click();
		await().atMost(Duration.ofSeconds(20)).until(() -> driver.getCurrentUrl().contains("/login"));
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		driver.get(url(path));
	}

	/** Fills dondoc's login form, wherever the browser was sent to it from. */
	void fillLogin(String user) {
		fillLogin(user, "demo");
	}

	void fillLogin(String user, String password) {
		waitFor(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login")).click();
	}

	WebElement waitFor(By locator) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst(),
				Optional::isPresent).orElseThrow();
	}

	void waitForText(String text) {
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElement(By.tagName("body")).getText().contains(text));
		}
		catch (ConditionTimeoutException e) {
			screenshot("khong-thay-" + Integer.toHexString(text.hashCode()));
			throw new AssertionError("Not on the page after 30 s: " + text + "\n--- page ---\n" + driver.findElement(By.tagName("body")).getText(), e);
		}
	}

	/** The HTTP status of a request made from the page, with the page's cookies and the webapps' CSRF header. */
	long status(String method, String path, String jsonBody) {
		Object status = driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];
				const headers = { 'Accept': 'application/json', 'Content-Type': 'application/json' };
				if (token) { headers['X-XSRF-TOKEN'] = token; }
				fetch(arguments[1], { method: arguments[0], headers: headers, body: arguments[2], credentials: 'same-origin' })
				  .then(r => done(r.status), e => done(-1));
				""", method, path, jsonBody);
		return ((Number) status).longValue();
	}

	/** As {@link #status} without the CSRF header, as a forged request from another site would come. */
	long statusWithoutCsrfToken(String method, String path) {
		Object status = driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[1], { method: arguments[0], headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
				  .then(r => done(r.status), e => done(-1));
				""", method, path);
		return ((Number) status).longValue();
	}

	void screenshot(String name) {
		try {
			Files.createDirectories(SHOTS);
			Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot save the screenshot " + name, e);
		}
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		FileSystemUtils.deleteRecursively(profile);
	}

}
