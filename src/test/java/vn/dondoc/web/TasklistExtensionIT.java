package vn.dondoc.web;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.Extension;
import vn.dondoc.workflow.UnitPartStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A unit asks for more time on its task in Tasklist (Camunda Forms): the day is read day first, as typed;
 * a year-first or impossible day is refused with a Vietnamese reason and nothing is recorded.
 */
@DashboardIT
class TasklistExtensionIT {

	static final String DOCUMENT = "WEB-TL";

	@LocalServerPort
	int port;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	DirectiveLifecycle lifecycle;

	Chromium browser;

	DirectiveView directive;

	@BeforeEach
	void startBrowser() throws IOException {
		importer.importDocument(Documents.of(DOCUMENT), "yaml", "test", false);
		directive = catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, "ban-to-chuc", null), 0, 10).items().get(0);
		browser = new Chromium(port);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		browser.close();
	}

	@Test
	void aDayTypedInTasklistIsReadDayFirstAndAnythingElseIsRefusedInVietnamese() {
		LocalDate due = Documents.today().plusDays(20);
		// a day of 12 or less, in another month: read month first it would be a different day
		LocalDate wanted = due.plusMonths(2).withDayOfMonth(due.plusMonths(2).getMonthValue() == 5 ? 6 : 5);
		String typed = "%02d/%02d/%d".formatted(wanted.getDayOfMonth(), wanted.getMonthValue(), wanted.getYear());
		String yearFirst = wanted.toString();
		String noSuchDay = "31/02/" + (wanted.getYear() + 1);

		browser.open("/camunda/app/tasklist/");
		browser.fillLogin("ban-to-chuc");
		String name = DOCUMENT + " mục 1 · Ban Tổ chức Thành ủy: thực hiện, báo cáo kết quả";
		browser.waitFor(By.xpath("//a[normalize-space(.)='" + name + "'] | //*[contains(@class,'task')]//*[normalize-space(text())='" + name + "']"))
			.click();
		browser.waitFor(By.cssSelector("button.claim")).click();
		browser.waitFor(By.xpath("//label[normalize-space(.)='Đề nghị gia hạn']")).click();
		field("Lý do đề nghị gia hạn", "textarea").sendKeys("Chờ ý kiến của Ban Thường vụ");
		// the form's heading: the document and the directive as dondoc's rows hold them (the process holds no copy)
		assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Việc cần làm").contains("Đơn vị chủ trì: Ban Tổ chức Thành ủy")
			.contains("Thông báo kết luận kiểm thử bảng theo dõi " + DOCUMENT).contains(DOCUMENT + ", mục 1")
			.contains("Kế hoạch luân chuyển cán bộ <thử nghiệm & kiểm tra>.");

		type(yearFirst);
		browser.screenshot("tasklist-gia-han");
		complete();
		browser.waitForText("Thời hạn đề nghị: \"" + yearFirst + "\" không phải là ngày viết theo ngày/tháng/năm (ví dụ 05/03/2027)");
		browser.screenshot("tasklist-gia-han-bi-tu-choi");
		assertThat(browser.driver.findElement(By.cssSelector(".page-notifications")).getText()).as("only the reason, in Vietnamese")
			.doesNotContain("ENGINE-").doesNotContain("TaskListener");
		assertThat(extensions()).isEmpty();

		type(noSuchDay);
		complete();
		browser.waitForText("Thời hạn đề nghị: ngày " + noSuchDay + " không có trên lịch");
		assertThat(extensions()).isEmpty();

		// Tasklist keeps the refusals' notifications over the form and, on a loaded machine, sometimes drops a
		// click made while it is still settling the last refusal: the day is typed again and sent again until
		// dondoc has it (a second click after the task completed finds no button and changes nothing)
		try {
			await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(15)).ignoreExceptions()
				.until(() -> {
					if (!extensions().isEmpty()) {
						return true;
					}
					closeNotifications();
					type(typed);
					complete();
					return false;
				});
		}
		catch (org.awaitility.core.ConditionTimeoutException e) {
			browser.screenshot("tasklist-gia-han-khong-ghi-nhan");
			throw new AssertionError(browser.driver.findElement(By.tagName("body")).getText(), e);
		}
		assertThat(extensions()).singleElement().satisfies(extension -> assertThat(extension.requestedDueDate()).isEqualTo(wanted));
	}

	private List<Extension> extensions() {
		return lifecycle.parts(directive.processInstanceId()).stream().filter(p -> p.unit().equals("ban-to-chuc")).findFirst()
			.map(UnitPartStatus::extensions).orElseThrow();
	}

	private WebElement field(String label, String tag) {
		return browser.waitFor(By.xpath("//div[contains(@class,'fjs-form-field')][.//label[contains(normalize-space(.), '" + label + "')]]//" + tag));
	}

	private void type(String day) {
		WebElement input = field("Thời hạn mới đề nghị", "input");
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		input.sendKeys(day);
		await().atMost(Duration.ofSeconds(5)).until(() -> day.equals(input.getDomProperty("value")));
	}

	private void closeNotifications() {
		browser.driver.findElements(By.cssSelector(".page-notifications .close, .page-notifications button.close"))
			.forEach(close -> browser.driver.executeScript("arguments[0].click()", close));
	}

	private void complete() {
		WebElement button = browser.waitFor(By.cssSelector("button[ng-click='complete()']"));
		await().atMost(Duration.ofSeconds(10)).until(button::isEnabled);
		// the previous refusal's notification may lie over the button
		browser.driver.executeScript("arguments[0].click()", button);
	}

}
