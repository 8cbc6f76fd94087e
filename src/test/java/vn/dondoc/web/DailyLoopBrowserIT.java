package vn.dondoc.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.notification.EmbeddedSmtpServer;
import vn.dondoc.notification.Notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One whole loop of an official's day, in Vietnamese, in a real browser: the unit reports with a PDF, the
 * office reads it and returns it with a note, the unit gets the mail with the note and a link to its
 * directive in dondoc, reports again, the office accepts, the unit gets that mail too and the part reads
 * "hoàn thành". And a unit's list, where a directive shared by 34 units takes one short row (the issue saw a
 * page 5,857 px tall). Screenshots go to {@code target/screenshots/}.
 */
@DashboardIT
class DailyLoopBrowserIT {

	static final String DOCUMENT = "WEB-LOOP";

	static final String UNIT_MAILBOX = "ban-to-chuc@";

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static ChromeDriver browser;

	static Path work;

	@LocalServerPort
	int port;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	Notifications notifications;

	@Autowired
	EmbeddedSmtpServer smtp;

	@BeforeAll
	static void startBrowser() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		work = Files.createTempDirectory("dondoc-loop");
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
	void aReportWithAFileIsReturnedWithANoteReportedAgainAndAcceptedAndTheUnitIsToldEachTime() throws Exception {
		importer.importDocument(Documents.of(DOCUMENT), "yaml", "test", false);
		DirectiveView directive = catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, "ban-to-chuc", null), 0, 10).items().get(0);
		String page = "/directives/" + directive.id();
		Path pdf = pdf("Báo cáo luân chuyển cán bộ.pdf");

		// the unit reports, with the file
		logIn("ban-to-chuc");
		browser.get(url(page));
		WebElement form = waitFor(By.id("report-form"));
		form.findElement(By.name("text")).sendKeys("Đã xây dựng Kế hoạch luân chuyển cán bộ, gửi kèm bản PDF.");
		form.findElement(By.name("files")).sendKeys(pdf.toAbsolutePath().toString());
		assertThat(form.findElement(By.cssSelector(".file-picker")).getText()).contains("Chọn tệp…")
			.contains("Báo cáo luân chuyển cán bộ.pdf");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		assertThat(notice()).startsWith("Đã gửi báo cáo");
		assertThat(browser.findElement(By.cssSelector("details.part[data-unit='ban-to-chuc'] .reports")).getText())
			.contains("Báo cáo luân chuyển cán bộ.pdf").contains("Chờ xem xét");
		screenshot("30-don-vi-da-bao-cao");
		logOut();

		// the office reads the report and its file, and returns it with a note
		logIn("vanphong");
		browser.get(url(page));
		WebElement review = waitFor(By.cssSelector("form.review"));
		assertThat(review.getText()).contains("Đã xây dựng Kế hoạch luân chuyển cán bộ");
		assertThat(browser.findElement(By.cssSelector(".reports")).getText()).contains("Báo cáo luân chuyển cán bộ.pdf");
		review.findElement(By.name("comment")).sendKeys("Cần bổ sung danh sách cán bộ dự kiến luân chuyển.");
		screenshot("31-van-phong-xem-xet");
		review.findElement(By.cssSelector("button[value=RETURN]")).click();
		assertThat(notice()).isEqualTo("Đã trả lại báo cáo cho đơn vị.");
		logOut();

		// the unit is told, with the note and the way back to its directive in dondoc
		String returned = mailTo(UNIT_MAILBOX, "Cần bổ sung danh sách cán bộ dự kiến luân chuyển.");
		assertThat(returned).contains("Ban Tổ chức Thành ủy").contains(page).doesNotContain("/camunda/").doesNotContain("null");

		// the unit sees the note on the page and reports again
		logIn("ban-to-chuc");
		browser.get(url(page));
		assertThat(browser.findElement(By.cssSelector(".reports")).getText()).contains("Trả lại")
			.contains("Cần bổ sung danh sách cán bộ dự kiến luân chuyển.");
		WebElement again = waitFor(By.id("report-form"));
		again.findElement(By.name("text")).sendKeys("Đã bổ sung danh sách 12 cán bộ dự kiến luân chuyển.");
		again.findElement(By.cssSelector("button[type=submit]")).click();
		assertThat(notice()).startsWith("Đã gửi báo cáo");
		logOut();

		// the office accepts
		logIn("vanphong");
		browser.get(url(page));
		WebElement accept = waitFor(By.cssSelector("form.review"));
		assertThat(accept.getText()).contains("Đã bổ sung danh sách 12 cán bộ");
		accept.findElement(By.cssSelector("button[value=ACCEPT]")).click();
		assertThat(notice()).isEqualTo("Đã chấp nhận báo cáo.");
		assertThat(browser.findElement(By.cssSelector("details.part[data-unit='ban-to-chuc'] .badge")).getText()).contains("hoàn thành");
		screenshot("32-van-phong-da-chap-nhan");
		logOut();

		String accepted = mailTo(UNIT_MAILBOX, "chấp nhận");
		assertThat(accepted).contains("Ban Tổ chức Thành ủy").contains(page).doesNotContain("/camunda/");
	}

	@Test
	void aDirectiveSharedByThirtyFourUnitsTakesOneShortRowOfAUnitsList() {
		String code = "WEB-LOOP-34";
		importer.importDocument("""
				code: %s
				title: "Thông báo kết luận kiểm thử danh sách"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: %s
				signer: "Thường trực Thành ủy"
				directives:
				  - section: "1"
				    text: "Các cấp ủy, tổ chức đảng quán triệt, xây dựng chương trình hành động thực hiện Nghị quyết."
				    lead: ["@khoi-thuc-hien-nghi-quyet"]
				    dueDate: %s
				""".formatted(code, Documents.today().minusDays(5), Documents.today().plusDays(30)), "yaml", "test", false);

		logIn("ban-to-chuc");
		browser.get(url("/directives?document=" + code));
		WebElement leads = waitFor(By.cssSelector("td.leads"));
		assertThat(leads.getText()).contains("Ban Tổ chức Thành ủy").contains("33 đơn vị khác");
		// its own line and one folded line for the 33 others, not a line per unit (about 700 px)
		assertThat(leads.getSize().getHeight()).isLessThan(160);
		assertThat(((Number) browser.executeScript("return document.documentElement.scrollHeight")).intValue()).isLessThan(1400);
		screenshot("33-danh-sach-don-vi");
		logOut();
	}

	/** Sends what the outbox holds and returns the text of the newest mail to {@code address} that says {@code words}. */
	private String mailTo(String address, String words) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			notifications.dispatchPending();
			List<MimeMessage> received = smtp.receivedMessages();
			for (int i = received.size() - 1; i >= 0; i--) {
				MimeMessage message = received.get(i);
				String to = String.join(",", Optional.ofNullable(message.getHeader("To")).orElse(new String[0]));
				String text = text(message);
				if (to.contains(address) && text.contains(words)) {
					return Optional.of(message.getSubject() + "\n" + text);
				}
			}
			return Optional.<String>empty();
		}, Optional::isPresent).orElseThrow();
	}

	/** The plain-text parts of a message (its HTML twin says the same). */
	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return String.valueOf(part.getContent());
		}
		StringBuilder text = new StringBuilder();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i)));
			}
		}
		return text.toString();
	}

	private static Path pdf(String name) throws IOException {
		Path file = work.resolve(name);
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			document.save(file.toFile());
		}
		return file;
	}

	private String notice() {
		return waitFor(By.id("notice")).getText();
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
