package vn.dondoc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DocumentImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camunda's Tasklist, Cockpit, Admin and Welcome in Vietnamese, seen by a browser whose language is
 * English (the Vietnamese files of {@code META-INF/resources/webjars/camunda/app/*} win over the
 * webjar's, and config.js offers no other language), without the "migrate to Camunda 8" strip.
 * Screenshots go to {@code target/screenshots/}.
 */
@DashboardIT
class CamundaWebappsIT {

	static final String DOCUMENT = "WEB-CAMUNDA-VI";

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** A first load of an app (its scripts and both locale files) on a busy 2-core machine can take a while. */
	static final Duration PAGE = Duration.ofSeconds(90);

	static ChromeDriver browser;

	static Path profile;

	@LocalServerPort
	int port;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@BeforeAll
	static void startBrowser() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		profile = Files.createTempDirectory("dondoc-camunda-vi");
		// an English browser, as on many office PCs: the apps must not follow it
		browser = Chromium.driver(profile, "en-US", Map.of());
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile);
		}
	}

	@BeforeEach
	void importADocumentAndSignOut() {
		importer.importDocument(Documents.of(DOCUMENT), "yaml", "test", false);
		browser.manage().deleteAllCookies();
	}

	@Test
	void tasklistSpeaksVietnameseToAnEnglishBrowserWithoutTheCamunda8Banner() {
		browser.get(url("/camunda/app/tasklist/default/"));
		assertThat((String) browser.executeScript("return navigator.language")).startsWith("en");
		// one sign-in for dondoc and the webapps: a stranger is sent to dondoc's Vietnamese login form
		waitFor(By.id("login"));
		assertThat(browser.getCurrentUrl()).contains("/login");
		assertThat(body()).contains("Đăng nhập").doesNotContain("Log in", "Camunda 8");
		screenshot("19-tasklist-dang-nhap");

		signIn("vanphong", "demo");
		showing("khong-thay-tasklist", "Khởi động quy trình", "Tất cả nhiệm vụ", "Đến hạn sau");
		String page = body();
		// the office's filters, the sorting, the list's relative due dates from the Vietnamese moment locale
		// (a part due at the end of the day 10 days ahead reads "10 ngày" in the afternoon and "11 ngày" in the morning)
		assertThat(page).contains("Tạo công việc", "Tất cả nhiệm vụ", "Ngày tạo", "Chọn một công việc trong danh sách.")
			.containsPattern("Đến hạn sau 1[01] ngày")
			.doesNotContain("Start process", "Create task", "Due in", "ago", "Camunda 8");
		assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());

		browser.findElement(By.cssSelector("li.task h4.task a")).click();
		await().atMost(PAGE).until(() -> body().contains("Nhận việc"));
		assertThat(body()).contains("Đặt ngày theo dõi", "Biểu mẫu", "Lịch sử", "Sơ đồ").doesNotContain("Claim", "Set follow-up date");
		screenshot("20-tasklist-tieng-viet");

		// the date picker takes its names from AngularJS's $locale, which scripts/vi-datepicker.js sets
		browser.findElement(By.linkText("Đặt thời hạn")).click();
		WebElement picker = waitFor(By.cssSelector("[uib-datepicker] table, .uib-datepicker table, table.uib-daypicker"));
		await().atMost(PAGE).until(() -> picker.getText().contains("T2"));
		assertThat(picker.getText()).containsPattern("tháng \\d{1,2} \\d{4}").contains("CN", "T7").doesNotContain("Mon", "Sun");
		assertThat(picker.findElements(By.tagName("th")).stream().map(WebElement::getText).filter(day -> day.matches("CN|T\\d")))
			.as("weeks start on Monday").startsWith("T2").endsWith("CN");
		screenshot("24-tasklist-chon-ngay");
	}

	@Test
	void cockpitWelcomeAndAdminSpeakVietnameseToo() {
		browser.get(url("/camunda/app/cockpit/default/"));
		waitFor(By.id("login"));
		signIn("vanphong", "demo");
		showing("khong-thay-cockpit", "Phiên quy trình đang chạy");
		assertThat(body()).contains("Quy trình", "Sự cố đang mở").doesNotContain("Running Process Instances", "Camunda 8");
		screenshot("21-cockpit-tieng-viet");
		// the variables table's header, whose "Actions" Camunda hard-codes (scripts/vi-hard-coded.js rewrites it)
		String instance = catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, null, null), 0, 1).items().get(0).processInstanceId();
		browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=variables-tab"));
		showing("khong-thay-bien-cockpit", "directiveId", "Thao tác");
		assertThat(browser.findElements(By.cssSelector("thead td.actions, thead th.actions"))).isNotEmpty()
			.allSatisfy(header -> assertThat(header.getText()).isEqualTo("Thao tác"));
		assertThat(body()).doesNotContain("Actions");
		// and no English "Tenant" (such as "Tenant: ID") left in Cockpit's Vietnamese labels
		browser.get(url("/camunda/app/cockpit/locales/vi.json"));
		JsonNode labels = json(waitFor(By.tagName("pre")).getText()).path("labels");
		assertThat(labels.size()).isGreaterThan(2000);
		assertThat(labels.path("PLGN_SEDE_CONF_TENANT_ID").asText()).isEqualTo("ID tenant");
		List<String> english = new ArrayList<>();
		labels.fields().forEachRemaining(label -> {
			if (label.getValue().asText().contains("Tenant")) {
				english.add(label.getKey() + ": " + label.getValue().asText());
			}
		});
		assertThat(english).isEmpty();

		browser.get(url("/camunda/app/welcome/default/"));
		await().atMost(PAGE).until(() -> body().contains("Ứng dụng"));
		assertThat(body()).contains("Hồ sơ", "Đổi mật khẩu").doesNotContain("Applications", "Change password", "Camunda 8");
		screenshot("22-welcome-tieng-viet");

		browser.manage().deleteAllCookies();
		browser.get(url("/camunda/app/admin/default/"));
		waitFor(By.id("login"));
		signIn("admin", "admin");
		await().atMost(PAGE).until(() -> body().contains("Người dùng") && body().contains("Phân quyền"));
		assertThat(body()).contains("Nhóm", "Tạo người dùng mới", "Phân quyền").doesNotContain("Authorizations", "Camunda 8");
		screenshot("23-admin-tieng-viet");
	}

	/** dondoc's login form, where the webapps send a stranger; back to the webapp page once signed in. */
	private void signIn(String user, String password) {
		WebElement name = waitFor(By.id("username"));
		name.clear();
		name.sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login")).click();
		await().atMost(PAGE).until(() -> browser.getCurrentUrl().contains("/camunda/app/"));
	}

	/** Waits until the page shows every text; else fails with the address, the page's text and a screenshot. */
	private void showing(String screenshot, String... texts) {
		try {
			await().atMost(PAGE).until(() -> java.util.Arrays.stream(texts).allMatch(body()::contains));
		}
		catch (org.awaitility.core.ConditionTimeoutException e) {
			screenshot(screenshot);
			throw new AssertionError("Not all of " + java.util.Arrays.toString(texts) + " on " + browser.getCurrentUrl()
					+ " after " + PAGE + "\n--- page ---\n" + body(), e);
		}
	}

	private static JsonNode json(String text) {
		try {
			return new ObjectMapper().readTree(text);
		}
		catch (JsonProcessingException e) {
			throw new AssertionError("Not JSON: " + text, e);
		}
	}

	private static String body() {
		return browser.findElement(By.tagName("body")).getText();
	}

	private static WebElement waitFor(By locator) {
		return Chromium.present(browser, locator, PAGE);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void screenshot(String name) {
		Chromium.fullPage(browser, SCREENSHOTS.resolve(name + ".png"));
	}

}
