package vn.dondoc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

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
		browser = Chromium.driver(profile, "vi-VN", Map.of());
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
	void theOfficeStartsAQuarterlyReportChoosingTheUnitByItsName() {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("vanphong");
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("login")).click();
		waitFor(By.id("start-work-link")).click();
		WebElement process = waitFor(By.id("process-quarterlyReport"));
		assertThat(process.getText()).contains("Thu thập báo cáo quý").contains("Đơn vị").contains("Quý").doesNotContain("ban-to-chuc");
		screenshot("start-work-1-trang");

		// a quarter of spaces passes the browser's own check and is refused by dondoc, the unit chosen stays chosen
		new Select(browser.findElement(By.name("unit"))).selectByVisibleText("Ban Tổ chức Thành ủy");
		browser.findElement(By.name("quarter")).sendKeys("   ");
		browser.findElement(By.id("start-quarterlyReport")).click();
		assertThat(waitFor(By.id("error-quarterlyReport-quarter")).getText()).contains("«Quý»");
		assertThat(new Select(browser.findElement(By.name("unit"))).getFirstSelectedOption().getText()).isEqualTo("Ban Tổ chức Thành ủy");
		screenshot("start-work-2-loi");

		browser.findElement(By.name("quarter")).clear();
		browser.findElement(By.name("quarter")).sendKeys("Quý IV/2026");
		browser.findElement(By.id("start-quarterlyReport")).click();
		assertThat(waitFor(By.id("started")).getText()).contains("Đã khởi tạo «Thu thập báo cáo quý»")
			.contains("Gửi báo cáo quý").contains("Ban Tổ chức Thành ủy");
		screenshot("start-work-3-da-khoi-tao");
	}

	private static WebElement waitFor(By locator) {
		return Chromium.present(browser, locator);
	}

	private static void screenshot(String name) {
		Chromium.fullPage(browser, SCREENSHOTS.resolve(name + ".png"));
	}

}
