package vn.dondoc.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * «Khởi tạo công việc» in a real browser: the office follows the top bar's link, types a unit code wrongly,
 * reads the message naming the field, corrects it and reads where the new task went. Screenshots go to
 * {@code target/screenshots/}.
 */
@DashboardIT
class StartWorkBrowserIT {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static ChromeDriver browser;

	static Path profile;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		profile = Files.createTempDirectory("dondoc-browser-start");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,900", "--lang=vi-VN");
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile.toFile());
		}
	}

	@Test
	void theOfficeStartsAQuarterlyReportAfterCorrectingTheUnit() {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("vanphong");
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("login")).click();
		waitFor(By.id("start-work-link")).click();
		WebElement process = waitFor(By.id("process-quarterlyReport"));
		assertThat(process.getText()).contains("Thu thập báo cáo quý").contains("Mã đơn vị").contains("Quý");
		screenshot("start-work-1-trang");

		browser.findElement(By.name("unit")).sendKeys("Ban Tổ chức");
		browser.findElement(By.name("quarter")).sendKeys("Quý IV/2026");
		browser.findElement(By.id("start-quarterlyReport")).click();
		assertThat(waitFor(By.id("error-quarterlyReport-unit")).getText()).contains("«Mã đơn vị» không đúng dạng yêu cầu");
		screenshot("start-work-2-loi");

		browser.findElement(By.name("unit")).clear();
		browser.findElement(By.name("unit")).sendKeys("ban-to-chuc");
		browser.findElement(By.id("start-quarterlyReport")).click();
		assertThat(waitFor(By.id("started")).getText()).contains("Đã khởi tạo «Thu thập báo cáo quý»")
			.contains("Gửi báo cáo quý").contains("Ban Tổ chức Thành ủy");
		screenshot("start-work-3-da-khoi-tao");
	}

	private static WebElement waitFor(By locator) {
		return await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(locator).stream().findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private static void screenshot(String name) {
		Dimension size = browser.manage().window().getSize();
		Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
		browser.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height.intValue() + 140, 8000)));
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot save the screenshot " + name, e);
		}
		finally {
			browser.manage().window().setSize(size);
		}
	}

}
