package vn.dondoc.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DocumentImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tracking office reads process state in Cockpit and through the REST API, but the engine refuses it
 * (403) changing a directive's variables or deleting its process instance: through {@code /engine-rest}
 * with HTTP Basic, and through the webapps' own API with a signed-in session and its CSRF token. Cockpit does
 * not offer the office the buttons and toolbar actions the engine would refuse; the admin keeps them.
 */
@DashboardIT
class CamundaPrivilegesIT {

	static final String DOCUMENT = "WEB-PRIV";

	static final String VARIABLE = "{\"value\":\"sửa tay\",\"type\":\"String\"}";

	static final String MODIFICATIONS = "{\"modifications\":{\"directiveText\":" + VARIABLE + "}}";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	Chromium browser;

	String instance;

	/** The job a test made fail (an incident), given its retries back afterwards. */
	String failedJob;

	@BeforeEach
	void importTheDocument() throws IOException {
		importer.importDocument(Documents.of(DOCUMENT), "yaml", "test", false);
		List<DirectiveView> directives = catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, null, null), 0, 10).items();
		instance = directives.get(0).processInstanceId();
		browser = new Chromium(port);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		browser.close();
		if (failedJob != null) {
			management.setJobRetries(failedJob, 3);
		}
	}

	@Test
	void theOfficeReadsButCannotChangeVariablesNorDeleteThroughEngineRest() {
		String path = "/engine-rest/process-instance/" + instance;
		assertThat(basic(HttpMethod.GET, path, null)).isEqualTo(HttpStatus.OK);
		assertThat(basic(HttpMethod.GET, path + "/variables", null)).isEqualTo(HttpStatus.OK);

		assertThat(basic(HttpMethod.PUT, path + "/variables/directiveText", VARIABLE)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(basic(HttpMethod.POST, path + "/variables", MODIFICATIONS)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(basic(HttpMethod.DELETE, path, null)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(basic(HttpMethod.GET, path, null)).as("still there").isEqualTo(HttpStatus.OK);
	}

	@Test
	void theOfficeReadsButCannotChangeVariablesNorDeleteThroughTheWebappsApi() {
		String path = "/camunda/api/engine/engine/default/process-instance/" + instance;
		browser.open("/camunda/app/cockpit/");
		browser.fillLogin("vanphong");
		browser.waitFor(org.openqa.selenium.By.cssSelector(".navbar, [cam-widget-header]"));
		// what Cockpit shows the office on an instance (for review: which buttons it offers)
		browser.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=variables-tab");
		browser.waitForText("directiveId");
		// the buttons the engine would refuse are not offered to the office
		await().atMost(Duration.ofSeconds(30))
			.until(() -> htmlClass().contains("dondoc-read-only"));
		assertThat(variableButtons()).isEmpty();
		// nor the instance's toolbar actions (add a variable, delete, suspend): in the page, not shown
		await().atMost(Duration.ofSeconds(30)).until(() -> htmlClass().contains("dondoc-no-delete") && htmlClass().contains("dondoc-no-suspend")
				&& toolbarActions().size() >= 3);
		assertThat(toolbarActions()).noneMatch(WebElement::isDisplayed);
		browser.screenshot("cockpit-van-phong-bien");
		// nor the definition's (suspend it, override its job priority)
		browser.open("/camunda/app/cockpit/default/#/process-definition/" + definition() + "/runtime");
		await().atMost(Duration.ofSeconds(30)).until(() -> htmlClass().contains("dondoc-no-definition-suspend") && !toolbarActions().isEmpty());
		assertThat(toolbarActions()).noneMatch(WebElement::isDisplayed);
		// nor the actions in the tables' rows: an incident's retry, a job's, a job definition's
		incident();
		rowActions(actions -> actions.stream().noneMatch(WebElement::isDisplayed));
		assertThat(htmlClass()).contains("dondoc-no-retry", "dondoc-no-update", "dondoc-no-suspend", "dondoc-no-definition-suspend",
				"dondoc-no-definition-update");
		assertThat(browser.status("GET", path, null)).isEqualTo(200);
		assertThat(browser.status("GET", path + "/variables", null)).isEqualTo(200);

		assertThat(browser.status("PUT", path + "/variables/directiveText", VARIABLE)).isEqualTo(403);
		assertThat(browser.status("POST", path + "/variables", MODIFICATIONS)).isEqualTo(403);
		assertThat(browser.status("DELETE", path, null)).isEqualTo(403);
		assertThat(browser.status("GET", path, null)).as("still there").isEqualTo(200);
		assertThat(browser.statusWithoutCsrfToken("DELETE", path)).as("no CSRF token, refused before the engine").isEqualTo(403);
		// Camunda ends the session of a request with a forged or missing token: dondoc's sign-in goes with it
		browser.open("/");
		assertThat(browser.driver.getCurrentUrl()).isEqualTo(browser.url("/login"));
	}

	@Test
	void theAdminKeepsTheButtonsToChangeVariables() {
		browser.open("/camunda/app/cockpit/");
		browser.fillLogin("admin", "admin");
		browser.waitFor(By.cssSelector(".navbar, [cam-widget-header]"));
		browser.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=variables-tab");
		browser.waitForText("directiveId");
		await().atMost(Duration.ofSeconds(30)).until(() -> !variableButtons().isEmpty());
		assertThat(htmlClass()).doesNotContain("dondoc-read-only");
		// the toolbar's actions too, known by the tooltips user-styles.css names
		await().atMost(Duration.ofSeconds(30)).until(() -> toolbarActions().stream().filter(WebElement::isDisplayed).count() >= 3);
		assertThat(htmlClass()).doesNotContain("dondoc-no-");
		List<String> tooltips = toolbarActions().stream().map(action -> action.getAttribute("uib-tooltip")).toList();
		assertThat(tooltips).anyMatch(t -> t.equals("Xóa phiên quy trình đang chạy") || t.contains("PLUGIN_CANCEL_PROCESS_RUNNING_PROCESS_INSTANCE"))
			.anyMatch(t -> t.equals("Thêm biến mới cho phiên quy trình") || t.contains("PLUGIN_ADD_VARIABLE_NEW_VARIABLE"));
		// and the actions in the tables' rows
		incident();
		rowActions(actions -> actions.stream().anyMatch(WebElement::isDisplayed));
		assertThat(htmlClass()).doesNotContain("dondoc-no-");
	}

	/** Makes the instance's timer job fail for good, as an incident (its retries are given back after the test). */
	private void incident() {
		Job job = management.createJobQuery().processInstanceId(instance).list().get(0);
		management.setJobRetries(job.getId(), 0);
		failedJob = job.getId();
		assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isOne();
	}

	/**
	 * Waits until the actions in the rows of the tables the engine checks per permission are drawn and shown as
	 * {@code expected} says, page by page: the instance's incident (retry), its job (suspend/activate, recalculate
	 * the due date), the definition's job definitions (suspend/activate, override the job priority).
	 */
	private void rowActions(Predicate<List<WebElement>> expected) {
		String page = "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=";
		browser.open(page + "incidents-tab");
		drawn("a[ng-click='openJobRetryDialog(incident)']", expected);
		browser.open(page + "jobs-tab");
		drawn("a[ng-click='toggleSuspension(job)']", expected);
		drawn("a[ng-click='openRecalculationWindow(job)']", expected);
		browser.open("/camunda/app/cockpit/default/#/process-definition/" + definition() + "/runtime?detailsTab=job-definition-table");
		drawn("a[ng-click='openSuspensionStateDialog(jobDefinition)']", expected);
		drawn("a[ng-click='openDialog(jobDefinition)']", expected);
	}

	private void drawn(String css, Predicate<List<WebElement>> expected) {
		await(css).atMost(Duration.ofSeconds(30))
			.until(() -> browser.driver.findElements(By.cssSelector(css)), found -> !found.isEmpty() && expected.test(found));
	}

	private String htmlClass() {
		return String.valueOf(browser.driver.findElement(By.tagName("html")).getAttribute("class"));
	}

	/** The actions of the page's toolbar, shown or not. */
	private List<WebElement> toolbarActions() {
		return browser.driver.findElements(By.cssSelector(".ctn-toolbar a[ng-click='openDialog()']"));
	}

	private String definition() {
		return runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId();
	}

	private List<WebElement> variableButtons() {
		return browser.driver.findElements(By.cssSelector("button[ng-click^='enableEditMode'], button[ng-click='deleteVariable(v)']"))
			.stream()
			.filter(WebElement::isDisplayed)
			.toList();
	}

	private HttpStatus basic(HttpMethod method, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return HttpStatus.valueOf(rest.withBasicAuth("vanphong", "demo")
			.exchange(path, method, new HttpEntity<>(json, headers), String.class)
			.getStatusCode()
			.value());
	}

}
