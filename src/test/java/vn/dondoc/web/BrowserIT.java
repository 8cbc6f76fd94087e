package vn.dondoc.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DocumentImporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (Debian's headless Chromium through its own chromedriver): a unit logs
 * in, finds its directive on the overview, asks for more time; the office logs in and approves; the new
 * due date shows; the list is exported and the workbook read back. Screenshots of the main pages go to
 * {@code target/screenshots/} for review.
 */
@DashboardIT
class BrowserIT {

	static final String DOCUMENT = "WEB-E2E";

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static ChromeDriver browser;

	/** Everything the browser and the tests write (profile, downloads, files to upload), gone after the class. */
	static Path work;

	static Path downloads;

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
		work = Files.createTempDirectory("dondoc-browser");
		downloads = Files.createDirectory(work.resolve("downloads"));
		profile = Files.createDirectory(work.resolve("chromium"));
		browser = Chromium.driver(profile, "vi-VN", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
				"download.prompt_for_download", false));
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

	@BeforeEach
	void importTheDocument() {
		importer.importDocument(Documents.of(DOCUMENT), "yaml", "test", false);
		browser.manage().window().setSize(new Dimension(1366, 1000));
		browser.manage().deleteAllCookies();
	}

	@Test
	void aUnitAsksForMoreTimeTheOfficeApprovesAndTheWorkbookShowsTheNewDate() throws Exception {
		DirectiveView directive = catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, "ban-to-chuc", null), 0, 10).items().get(0);
		LocalDate originalDue = Documents.today().plusDays(20);
		LocalDate newDue = Documents.today().plusDays(45);

		logIn("ban-to-chuc");
		assertThat(browser.getTitle()).isEqualTo("Tổng quan – dondoc");
		WebElement row = browser.findElement(By.cssSelector("#matrix tr[data-unit='ban-to-chuc']"));
		assertThat(row.getText()).contains("Ban Tổ chức Thành ủy");
		assertThat(browser.findElements(By.cssSelector("#matrix tr[data-unit='ban-tuyen-giao']"))).isEmpty();
		assertThat(browser.findElement(By.id("timeline")).isDisplayed()).isTrue();
		screenshot("01-tong-quan-don-vi");

		browser.get(url("/directives?document=" + DOCUMENT));
		screenshot("02-danh-sach-don-vi");
		browser.findElement(By.linkText(DOCUMENT + " 1")).click();
		assertThat(waitFor(By.id("text")).getText()).contains("Kế hoạch luân chuyển cán bộ <thử nghiệm & kiểm tra>");
		assertThat(due()).isEqualTo(WebDates.DAY.format(originalDue));
		screenshot("03-nhiem-vu-don-vi");

		browser.findElement(By.id("newDueDate")).sendKeys(WebDates.DAY.format(newDue));
		browser.findElement(By.id("reason")).sendKeys("Chờ ý kiến của Ban Thường vụ về danh sách cán bộ luân chuyển");
		browser.findElement(By.id("request-extension")).click();
		await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.id("notice")).isEmpty());
		assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Đã gửi đề nghị gia hạn đến " + WebDates.DAY.format(newDue));
		assertThat(browser.findElements(By.id("extension-form"))).isEmpty();
		screenshot("04-da-de-nghi-gia-han");

		logOut();
		logIn("vanphong");
		assertThat(browser.findElement(By.cssSelector("#matrix tr[data-unit='ban-tuyen-giao']")).getText()).contains("Ban Tuyên giáo");
		screenshot("05-tong-quan-van-phong");
		// the trends, drawn on the server: both charts show, and fit the window
		browser.findElement(By.id("trends-link")).click();
		WebElement onTime = waitFor(By.id("on-time-chart"));
		assertThat(onTime.isDisplayed()).isTrue();
		assertThat(onTime.getSize().getWidth()).isBetween(400, 1366);
		assertThat(browser.findElement(By.id("backlog-chart")).getSize().getHeight()).isGreaterThan(150);
		screenshot("05b-xu-huong-van-phong");
		// printed: the charts stay, the bar and the filters go
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(browser.findElement(By.id("on-time-chart")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("backlog-chart")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.cssSelector("header.bar")).isDisplayed()).isFalse();
		screenshot("05c-xu-huong-khi-in");
		browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		browser.get(url("/directives/" + directive.id()));
		WebElement decision = browser.findElement(By.cssSelector("form.extension-decision"));
		assertThat(decision.findElement(By.className("requested")).getText()).isEqualTo(WebDates.DAY.format(newDue));
		screenshot("06-van-phong-xem-xet-gia-han");
		decision.findElement(By.cssSelector("button.approve")).click();
		await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.id("notice")).isEmpty());
		assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Đã đồng ý gia hạn.");
		assertThat(due()).isEqualTo(WebDates.DAY.format(newDue));
		assertThat(browser.findElement(By.cssSelector("details.part[data-unit='ban-to-chuc'] .original-due")).getText())
			.isEqualTo(WebDates.DAY.format(originalDue));
		assertThat(browser.findElement(By.cssSelector("table.extensions")).getText()).contains("Đồng ý gia hạn");
		assertThat(browser.findElement(By.id("history")).getText()).contains("Giao nhiệm vụ, bắt đầu theo dõi").contains("Đề nghị gia hạn")
			.contains("Đồng ý gia hạn");
		screenshot("07-da-gia-han");

		browser.get(url("/directives?document=" + DOCUMENT));
		// the list shows the unit's due date in force, not the one the document stated
		assertThat(waitFor(By.id("directives")).getText()).contains(WebDates.DAY.format(newDue));
		screenshot("08-danh-sach-van-phong");
		browser.findElement(By.id("export")).click();
		Path workbook = await().atMost(Duration.ofSeconds(30)).until(BrowserIT::downloadedWorkbook, Optional::isPresent).orElseThrow();
		assertThat(workbook.getFileName().toString()).startsWith("Theo dõi nhiệm vụ").endsWith(".xlsx");
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
			Sheet sheet = book.getSheet("Tổng hợp");
			assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isEqualTo("Thời hạn");
			Row part = Stream.iterate(4, r -> r <= sheet.getLastRowNum(), r -> r + 1)
				.map(sheet::getRow)
				.filter(r -> r.getCell(1).getStringCellValue().equals("Ban Tổ chức Thành ủy") && r.getCell(3).getStringCellValue().equals("1"))
				.findFirst()
				.orElseThrow();
			assertThat(part.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(newDue);
			assertThat(part.getCell(6).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(originalDue);
			assertThat(part.getCell(9).getStringCellValue()).isEqualTo("Ban Tuyên giáo Thành ủy");
		}

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(url("/"));
		screenshot("09-tong-quan-dien-thoai");
		browser.get(url("/directives/" + directive.id()));
		screenshot("10-nhiem-vu-dien-thoai");
	}

	@Test
	void theOfficeSeesEveryProblemOfAnUploadedDocument() throws IOException {
		Path file = Files.createTempFile(work, "van-ban-loi", ".yml");
		Files.writeString(file, Documents.invalid("WEB-E2E-LOI"), StandardCharsets.UTF_8);
		logIn("vanphong");
		browser.get(url("/import"));
		// the file field speaks Vietnamese, whatever the browser's language
		WebElement picker = waitFor(By.cssSelector(".file-picker"));
		assertThat(picker.getText()).contains("Chọn tệp…").contains("Chưa chọn tệp nào").doesNotContain("Choose").doesNotContain("No file");
		// sent without a file: the browser's own bubble says so in Vietnamese, and nothing is sent
		browser.findElement(By.id("upload")).click();
		assertThat(browser.findElement(By.id("file")).getDomProperty("validationMessage")).isEqualTo("Hãy chọn tệp trước khi gửi.");
		assertThat(browser.findElements(By.id("problems"))).isEmpty();
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		assertThat(picker.getText()).contains(file.getFileName().toString()).doesNotContain("Chưa chọn tệp nào");
		browser.findElement(By.id("upload")).click();
		WebElement problems = waitFor(By.id("problems"));
		assertThat(problems.getText()).contains("chưa nhập gì").contains("ban-khong-co").contains("vào một ngày đẹp trời");
		assertThat(problems.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThanOrEqualTo(3);
		screenshot("11-nhap-van-ban-loi");
		assertThat(catalog.documents()).noneMatch(d -> d.code().equals("WEB-E2E-LOI"));

		// over the servlet container's upload limit: the same page says so in Vietnamese, not a JSON error
		Path huge = Files.createTempFile(work, "van-ban-qua-lon", ".yml");
		Files.writeString(huge, Documents.of("WEB-E2E-LON") + "# " + "x".repeat(3 * 1024 * 1024) + "\n", StandardCharsets.UTF_8);
		browser.get(url("/import"));
		browser.findElement(By.id("file")).sendKeys(huge.toAbsolutePath().toString());
		browser.findElement(By.id("upload")).click();
		assertThat(waitFor(By.id("problems")).getText()).contains("Tệp quá lớn").contains("chưa nhập gì");
		assertThat(browser.findElement(By.id("upload")).isDisplayed()).as("the form is there to try again").isTrue();
		assertThat(catalog.documents()).noneMatch(d -> d.code().equals("WEB-E2E-LON"));
	}

	@Test
	void theOfficePreviewsAReimportSeesDeadlinesMovedIntoThePastInRedAndConfirmsIt() throws IOException {
		String code = "WEB-E2E-NHAP-LAI";
		importer.importDocument(Documents.of(code), "yaml", "test", false);
		LocalDate today = Documents.today();
		// section 1 into the past (a wrong year, say), section 2 a month later, a new section 5
		String corrected = Documents.of(code)
			.replace("dueDate: " + today.plusDays(20), "dueDate: " + today.minusDays(3))
			.replace("dueDate: " + today.plusDays(10), "dueDate: " + today.plusDays(40)) + """
				  - section: "5"
				    text: "Giao Ban Dân vận Thành ủy tổng kết công tác dân vận."
				    lead: [ban-dan-van]
				    dueDate: %s
				""".formatted(today.plusDays(60));
		Path file = Files.createTempFile(work, "van-ban-sua", ".yml");
		Files.writeString(file, corrected, StandardCharsets.UTF_8);
		logIn("vanphong");
		browser.get(url("/import"));
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("upload")).click();

		WebElement preview = waitFor(By.id("preview"));
		assertThat(preview.getText()).contains("Xem trước: " + code).contains("Nhiệm vụ mới bắt đầu: 1");
		List<WebElement> moves = browser.findElements(By.cssSelector("#moves tbody tr"));
		assertThat(moves).hasSize(2);
		WebElement intoThePast = moves.stream().filter(row -> row.getText().contains("Ban Tổ chức Thành ủy")).findFirst().orElseThrow();
		assertThat(intoThePast.getAttribute("class")).contains("late");
		assertThat(intoThePast.getText()).contains(Documents.today().plusDays(20).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
			.contains("quá hạn ngay");
		assertThat(browser.findElement(By.id("attention")).getText()).contains("Cần xem kỹ").contains("quá hạn ngay");
		WebElement apply = browser.findElement(By.id("apply"));
		assertThat(apply.getText()).isEqualTo("Vẫn nhập (đã xem cảnh báo)");
		assertThat(apply.getAttribute("class")).contains("danger");
		screenshot("13-xem-truoc-nhap-lai");
		// a preview changes nothing
		assertThat(dueOf(code, "1")).isEqualTo(today.plusDays(20));
		assertThat(catalog.directives(new DirectiveCatalog.Filter(code, null, null), 0, 20).total()).isEqualTo(4);

		apply.click();
		WebElement result = waitFor(By.id("result"));
		assertThat(result.getText()).contains("Đã cập nhật văn bản").contains("Nhiệm vụ mới bắt đầu: 1");
		screenshot("14-nhap-lai-xong");
		assertThat(dueOf(code, "1")).isEqualTo(today.minusDays(3));
		assertThat(dueOf(code, "2")).isEqualTo(today.plusDays(40));
		assertThat(catalog.directives(new DirectiveCatalog.Filter(code, null, null), 0, 20).total()).isEqualTo(5);

		// the same file again: nothing to import, and the page says so
		browser.get(url("/import"));
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("upload")).click();
		assertThat(waitFor(By.id("unchanged")).getText()).contains("không thay đổi");
		assertThat(browser.findElements(By.id("apply"))).isEmpty();
	}

	private LocalDate dueOf(String code, String section) {
		return catalog.directives(new DirectiveCatalog.Filter(code, null, null), 0, 20).items().stream()
			.filter(directive -> directive.section().equals(section)).findFirst().orElseThrow().units().stream()
			.filter(unit -> unit.role().equals("LEAD")).findFirst().orElseThrow().dueDate();
	}

	@Test
	void theOfficeDraftsFromAWordFileCorrectsAUnitAndADeadlineAndImports() throws IOException {
		String code = "78-KL/TU";
		Path file = work.resolve("ket-luan-78.docx");
		Files.write(file, DraftApiIT.word(code));
		logIn("vanphong");
		browser.get(url("/drafts"));
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("read")).click();
		waitFor(By.id("editor"));
		List<WebElement> rows = browser.findElements(By.cssSelector("#rows tbody tr"));
		assertThat(rows).hasSize(3);
		assertThat(browser.findElement(By.name("code")).getAttribute("value")).isEqualTo(code);
		assertThat(browser.findElement(By.name("issuedOn")).getAttribute("value")).isEqualTo("20/11/2026");
		// the deadline resolved beside the phrase, by the server's calendar
		await().atMost(Duration.ofSeconds(20)).until(() -> rows.get(0).findElement(By.className("resolved")).getText().contains("31/03/2027"));
		screenshot("15-soan-tu-van-ban");

		// the office corrects the first row: another lead unit, another deadline
		WebElement lead = rows.get(0).findElement(By.className("lead"));
		lead.clear();
		lead.sendKeys("ban-tuyen-giao");
		WebElement deadline = rows.get(0).findElement(By.className("deadline"));
		deadline.clear();
		deadline.sendKeys("trong tháng 4/2027");
		await().atMost(Duration.ofSeconds(20)).until(() -> rows.get(0).findElement(By.className("resolved")).getText().contains("30/04/2027"));
		// splits the second at its first sentence's end and merges it back, then removes the third
		WebElement second = rows.get(1).findElement(By.tagName("textarea"));
		String secondText = second.getAttribute("value");
		browser.executeScript("arguments[0].focus(); arguments[0].setSelectionRange(20, 20);", second);
		rows.get(1).findElement(By.className("split")).click();
		List<WebElement> afterSplit = browser.findElements(By.cssSelector("#rows tbody tr"));
		assertThat(afterSplit).hasSize(4);
		assertThat(afterSplit.get(2).findElement(By.className("lead")).getAttribute("value")).isEqualTo("dd-hdnd");
		assertThat(afterSplit.get(2).findElement(By.className("section")).getAttribute("value")).isEqualTo("1.2b");
		afterSplit.get(1).findElement(By.className("merge")).click();
		assertThat(browser.findElements(By.cssSelector("#rows tbody tr"))).hasSize(3);
		assertThat(rows.get(1).findElement(By.tagName("textarea")).getAttribute("value").replace(" ", ""))
			.isEqualTo(secondText.replace(" ", ""));
		rows.get(2).findElement(By.className("remove")).click();
		assertThat(browser.findElements(By.cssSelector("#rows tbody tr"))).hasSize(2);
		browser.findElement(By.id("import")).click();

		assertThat(waitFor(By.id("imported")).getText()).contains("Đã nhập văn bản");
		DirectiveView first = catalog.directives(new DirectiveCatalog.Filter(code, null, null), 0, 10).items().stream()
			.filter(d -> d.section().equals("1.1")).findFirst().orElseThrow();
		assertThat(catalog.directives(new DirectiveCatalog.Filter(code, null, null), 0, 10).total()).isEqualTo(2);
		browser.get(url("/directives/" + first.id()));
		String page = waitFor(By.tagName("main")).getText();
		assertThat(page).contains("Ban Tuyên giáo Thành ủy").contains("30/04/2027").contains("Ủy ban Kiểm tra Thành ủy");
		screenshot("16-nhiem-vu-tu-ban-nhap");
	}

	@Test
	void tasklistShowsAUnitItsOwnTasksThroughItsFilter() {
		// one sign-in: Tasklist sends a stranger to dondoc's login form, and back
		browser.get(url("/camunda/app/tasklist/default/"));
		browser.findElement(By.id("username")).sendKeys("ban-to-chuc");
		browser.findElement(By.id("password")).sendKeys("demo");
		browser.findElement(By.id("login")).click();
		await().atMost(Duration.ofSeconds(30)).until(() -> browser.getPageSource().contains("Việc của đơn vị tôi"));
		await().atMost(Duration.ofSeconds(30)).until(() -> browser.getPageSource().contains(DOCUMENT + " mục 1 · Ban Tổ chức Thành ủy: thực hiện, báo cáo kết quả"));
		String page = browser.findElement(By.tagName("body")).getText();
		assertThat(page).contains("Việc của đơn vị tôi").doesNotContain("Xem xét đề nghị gia hạn").doesNotContain("Đôn đốc");
		screenshot("12-tasklist-don-vi");
	}

	@Test
	void aWrongPasswordIsRefusedInVietnamese() {
		browser.get(url("/login"));
		screenshot("00-dang-nhap");
		// someone who cannot sign in is told whom to ask
		assertThat(browser.findElement(By.id("login-help")).getText()).isEqualTo(LoginSettings.DEFAULT_HELP);
		browser.findElement(By.id("username")).sendKeys("qu-le-chan");
		browser.findElement(By.id("password")).sendKeys("sai-mat-khau");
		browser.findElement(By.id("login")).click();
		assertThat(waitFor(By.id("login-error")).getText()).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng.");
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

	private String due() {
		return browser.findElement(By.cssSelector("details.part[data-unit='ban-to-chuc'] .due")).getText();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static Optional<Path> downloadedWorkbook() throws IOException {
		try (Stream<Path> files = Files.list(downloads)) {
			List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(".xlsx")).toList();
			return done.stream().findFirst();
		}
	}

	private static void screenshot(String name) {
		Chromium.fullPage(browser, SCREENSHOTS.resolve(name + ".png"));
	}

}
