package vn.dondoc.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DocumentImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One sign-in for the dashboard and the Camunda webapps, in a real browser: signed in at dondoc's form, an
 * official opens Tasklist already signed in as the same Camunda user; a stranger opening Cockpit is sent to
 * dondoc's form and back; the webapps' API answers with the user's own authorizations; signing out in
 * Tasklist ends the dondoc session too.
 */
@DashboardIT
class CamundaSignInIT {

	static final String DOCUMENT = "WEB-SSO";

	@LocalServerPort
	int port;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	TaskService tasks;

	Chromium browser;

	DirectiveView banToChuc;

	DirectiveView banTuyenGiao;

	@BeforeEach
	void startBrowser() throws IOException {
		importer.importDocument(Documents.of(DOCUMENT), "yaml", "test", false);
		List<DirectiveView> directives = catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, null, null), 0, 10).items();
		banToChuc = directives.stream().filter(d -> d.section().equals("1")).findFirst().orElseThrow();
		banTuyenGiao = directives.stream().filter(d -> d.section().equals("2")).findFirst().orElseThrow();
		browser = new Chromium(port);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		browser.close();
	}

	@Test
	void anOfficialSignedInToTheDashboardLandsInTasklistSignedInAndSignsOutOfBoth() {
		browser.open("/login");
		browser.fillLogin("ban-to-chuc");
		browser.waitFor(By.id("matrix"));

		browser.open("/camunda/app/tasklist/");
		browser.waitForText(DOCUMENT + " mục 1 · Ban Tổ chức Thành ủy: thực hiện, báo cáo kết quả");
		assertThat(browser.driver.findElements(By.cssSelector("input[type='password']"))).as("no second login form").isEmpty();
		String page = browser.driver.findElement(By.tagName("body")).getText();
		assertThat(page).doesNotContain(DOCUMENT + " mục 2");
		browser.screenshot("tasklist-ten-viec");

		// Camunda's own sign-out button ends the dondoc session as well
		browser.waitFor(By.cssSelector("li.account > a, .account.dropdown > a")).click();
		browser.waitFor(By.cssSelector("li.logout a")).click();
		await().atMost(Duration.ofSeconds(20)).until(() -> browser.driver.getCurrentUrl().contains("/login"));
		browser.open("/");
		assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
	}

	@Test
	void aStrangerOpeningCockpitIsSentToTheDondocLoginAndBack() {
		browser.open("/camunda/app/cockpit/");
		assertThat(browser.driver.getCurrentUrl()).isEqualTo(browser.url("/login"));
		browser.fillLogin("vanphong");
		await().atMost(Duration.ofSeconds(30)).until(() -> browser.driver.getCurrentUrl().contains("/camunda/app/cockpit/default/"));
		browser.waitFor(By.cssSelector(".dashboard, [cam-widget-header], .navbar"));
		assertThat(browser.driver.findElements(By.cssSelector("input[type='password']"))).isEmpty();
		browser.screenshot("cockpit-van-phong");
	}

	@Test
	void theWebappsApiAnswersWithTheUsersOwnAuthorizations() {
		Task own = tasks.createTaskQuery().processInstanceId(banToChuc.processInstanceId()).singleResult();
		Task other = tasks.createTaskQuery().processInstanceId(banTuyenGiao.processInstanceId()).singleResult();
		String api = "/camunda/api/engine/engine/default/";

		browser.open("/camunda/app/tasklist/");
		assertThat(browser.driver.getCurrentUrl()).isEqualTo(browser.url("/login"));
		assertThat(browser.status("GET", api + "task/" + own.getId(), null)).as("no sign-in, no task").isEqualTo(401);

		browser.fillLogin("ban-to-chuc");
		browser.waitForText(DOCUMENT + " mục 1");
		assertThat(browser.status("GET", api + "task/" + own.getId(), null)).isEqualTo(200);
		assertThat(browser.status("GET", api + "task/" + other.getId(), null)).isIn(403L, 404L);
		// another unit's task cannot be claimed either
		assertThat(browser.status("POST", api + "task/" + other.getId() + "/claim", "{\"userId\":\"ban-to-chuc\"}")).isIn(403L, 404L);
	}

}
