package vn.dondoc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a unit signs in and finds the task an administrator modelled and deployed from Camunda
 * Modeler on its overview (chosen by the process's name), in its list and on the task's own page; another unit
 * finds none of it. Screenshots go to {@code target/screenshots/}.
 */
@DashboardIT
class TrackedWorkBrowserIT {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static ChromeDriver browser;

	static Path work;

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@BeforeAll
	static void startBrowser() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		work = Files.createTempDirectory("dondoc-work");
		Path profile = Files.createDirectory(work.resolve("chromium"));
		browser = Chromium.driver(profile, "vi-VN", Map.of());
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (work != null) {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	@Test
	void aUnitFindsItsModelledTaskOnTheOverviewAndTheListAndAnotherUnitDoesNot() throws Exception {
		ModelledWork model = ModelledWork.deploy(rest, runtime, tasks);
		Task late = model.start("ban-to-chuc", ModelledWork.today().minusDays(3), "KT-TRINH-DUYET");
		String due = ModelledWork.today().minusDays(3).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

		// the unit picks the process by its name on the overview: its task counts as late
		logIn("ban-to-chuc");
		browser.get(url("/"));
		new Select(waitFor(By.name("process"))).selectByVisibleText(ModelledWork.NAME);
		browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
		WebElement row = waitFor(By.cssSelector("#matrix tr[data-unit='ban-to-chuc']"));
		assertThat(row.getText()).contains("Ban Tổ chức Thành ủy");
		WebElement lateCell = row.findElement(By.cssSelector("td.st-OVERDUE a"));
		assertThat(lateCell.getText()).isEqualTo("1");
		assertThat(browser.findElements(By.cssSelector("#matrix tr[data-unit='ban-tuyen-giao']"))).isEmpty();
		// the chart's red bar counts it late, and the list under it names it
		assertThat(browser.findElement(By.cssSelector("#timeline text.count")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.cssSelector("ul.upcoming li.late")).getText()).contains(ModelledWork.TASK)
			.contains(ModelledWork.NAME).contains("Ban Tổ chức Thành ủy").contains(due);
		screenshot("tracked-work-1-tong-quan");

		// the count leads to the list, which leads to the task's page
		lateCell.click();
		WebElement item = waitFor(By.cssSelector("#work-items tr[data-unit='ban-to-chuc']"));
		assertThat(item.getText()).contains(ModelledWork.NAME).contains(ModelledWork.TASK).contains("Ban Tổ chức Thành ủy")
			.contains(due).contains("quá hạn");
		screenshot("tracked-work-2-danh-sach");
		item.findElement(By.linkText(ModelledWork.TASK)).click();
		assertThat(waitFor(By.id("unit")).getText()).isEqualTo("Ban Tổ chức Thành ủy");
		assertThat(browser.findElement(By.id("process")).getText()).isEqualTo(ModelledWork.NAME);
		assertThat(browser.findElement(By.id("due")).getText()).isEqualTo(due);
		assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("quá hạn");
		assertThat(browser.findElement(By.id("history")).getText()).contains("Giao việc");
		screenshot("tracked-work-3-trang-cong-viec");
		logOut();

		// another unit sees none of it
		logIn("ban-tuyen-giao");
		browser.get(url("/directives?process=" + model.key()));
		waitFor(By.cssSelector("form.filters"));
		assertThat(browser.findElements(By.id("work-items"))).isEmpty();
		assertThat(browser.getPageSource()).doesNotContain("/work/" + late.getId());
		browser.get(url("/?process=" + model.key()));
		assertThat(browser.findElements(By.cssSelector("#matrix tr[data-unit='ban-to-chuc']"))).isEmpty();
		browser.get(url("/work/" + late.getId()));
		assertThat(waitFor(By.tagName("main")).getText()).contains("không thuộc đơn vị của bạn");
		screenshot("tracked-work-4-don-vi-khac");
		logOut();
	}

	private void logIn(String user) {
		Chromium.signIn(browser, url("/login"), user);
	}

	private void logOut() {
		Chromium.signOut(browser);
	}

	private static WebElement waitFor(By locator) {
		return Chromium.present(browser, locator);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void screenshot(String name) {
		Chromium.fullPage(browser, SCREENSHOTS.resolve(name + ".png"));
	}

}
