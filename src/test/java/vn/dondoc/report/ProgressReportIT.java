package vn.dondoc.report;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.FileSystemUtils;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.directive.DirectiveStatus;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.notification.EmbeddedSmtpServer;
import vn.dondoc.notification.Notifications;
import vn.dondoc.workflow.DirectiveLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The progress report in Word, read back as Word and as the office would print it: the layout of a Party report
 * (A4, administrative margins, Times New Roman, the issuing body, "ĐẢNG CỘNG SẢN VIỆT NAM", blank number, date in
 * words, signature block), its figures equal to the dashboard's, only for the office and the admin; and the
 * quarterly e-mail that carries it, once a quarter.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false", "dondoc.notification.poll-interval=0" })
@AutoConfigureMockMvc
class ProgressReportIT {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	static final Path SHOTS = Path.of("/tmp/shots");

	@Autowired
	MockMvc mvc;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	DirectiveLifecycle lifecycle;

	@Autowired
	TaskService tasks;

	@Autowired
	QuarterlyReports quarterly;

	@Autowired
	Notifications notifications;

	@Autowired
	EmbeddedSmtpServer smtp;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	String code;

	LocalDate today;

	@BeforeEach
	void importADocumentWithAnExtensionGranted() {
		today = LocalDate.now(VIETNAM);
		code = "KL-BC" + System.nanoTime() % 1_000_000 + "/TU";
		importer.importDocument(document(code, today), "yaml", "test", false);
		DirectiveView first = section("1");
		lifecycle.requestExtension(first.processInstanceId(), "ban-to-chuc", today.plusDays(40), "Chờ ý kiến của Ban Thường vụ về đề án",
				"ban-to-chuc");
		Task review = tasks.createTaskQuery().processInstanceId(first.processInstanceId())
			.taskDefinitionKey(DirectiveProcess.TASK_REVIEW_EXTENSION).singleResult();
		lifecycle.approveExtension(review.getId(), null, "vanphong");
		// the reminder pump fires what is due after the import (the late part's reminder) in the background:
		// the report below must not race it
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM reminder_wake WHERE wake_at <= ?")
			.param(OffsetDateTime.now(ZoneOffset.UTC)).query(Long.class).single() == 0);
	}

	/**
	 * 1: Ban Tổ chức, due in 20 days (extended to 40). 2: Ban Tuyên giáo, due in 10 days. 3: Ban Dân vận, ongoing. 4: Ban
	 * Tuyên giáo, 5 days late. 5: Ban Nội chính, before an event.
	 */
	static String document(String code, LocalDate today) {
		return """
				code: "%s"
				title: "Kết luận Hội nghị Ban Thường vụ Thành ủy về công tác cán bộ quý"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: %s
				signer: "Thường trực Thành ủy"
				directives:
				  - section: "1"
				    text: "Giao Ban Tổ chức Thành ủy khẩn trương báo cáo Kế hoạch luân chuyển cán bộ."
				    lead: [ban-to-chuc]
				    dueDate: %s
				  - section: "2"
				    text: "Giao Ban Tuyên giáo Thành ủy tổng hợp ý kiến góp ý bản thảo cuốn Lịch sử Đảng bộ thành phố."
				    lead: [ban-tuyen-giao]
				    dueDate: %s
				  - section: "3"
				    text: "Ban Dân vận Thành ủy tiếp tục hướng dẫn các địa phương về công tác dân vận."
				    lead: [ban-dan-van]
				    deadline: "tiếp tục"
				  - section: "4"
				    text: "Giao Ban Tuyên giáo Thành ủy báo cáo kết quả tuyên truyền về Nghị quyết Đại hội Đảng bộ thành phố."
				    lead: [ban-tuyen-giao]
				    dueDate: %s
				  - section: "5"
				    text: "Ban Nội chính Thành ủy hoàn thiện đề án phòng, chống tham nhũng trước khi trình HĐND thành phố."
				    lead: [ban-noi-chinh]
				    deadline: "trước khi trình HĐND thành phố"
				""".formatted(code, today.minusDays(30), today.plusDays(20), today.plusDays(10), today.minusDays(5));
	}

	static RequestPostProcessor office() {
		return SecurityMockMvcRequestPostProcessors.user("vanphong").authorities(new SimpleGrantedAuthority("GROUP_tracking-office"));
	}

	static RequestPostProcessor unit(String code) {
		return SecurityMockMvcRequestPostProcessors.user(code).authorities(new SimpleGrantedAuthority("GROUP_" + code));
	}

	@Test
	void theReportIsAPartyDocumentWithTheDashboardsFigures() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/api/reports/progress.docx").param("document", code).with(httpBasic("vanphong", "demo")))
			.andExpect(status().isOk())
			.andReturn().getResponse();
		assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		String fileName = "Báo cáo tình hình thực hiện " + code.replace('/', '-') + " - " + today.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"))
				+ ".docx";
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"Bao cao tinh hinh thuc hien ")
			.contains("filename*=UTF-8''" + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
		byte[] bytes = response.getContentAsByteArray();
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "progress-report.docx"), bytes);

		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			String text = new XWPFWordExtractor(doc).getText();
			// the heading of a Party document, the number left blank, the date in words
			assertThat(text).contains("THÀNH ỦY HẢI PHÒNG", "VĂN PHÒNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "-BC/VPTU", "BÁO CÁO",
					"Tình hình thực hiện Kết luận số " + code + " ngày " + today.minusDays(30).format(DAY)
							+ " Hội nghị Ban Thường vụ Thành ủy về công tác cán bộ quý",
					ProgressDocument.placeAndDate("Hải Phòng", today));
			assertThat(text).containsPattern("Hải Phòng, ngày \\d{2} tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}");
			assertThat(text).containsSubsequence("I. VĂN BẢN, NHIỆM VỤ ĐƯỢC THEO DÕI", "II. KẾT QUẢ THỰC HIỆN", "1. Tổng hợp chung",
					"2. Kết quả theo đơn vị chủ trì", "3. Nhiệm vụ quá hạn, chưa hoàn thành", "4. Gia hạn đã được chấp thuận",
					"III. ĐÁNH GIÁ, ĐỀ XUẤT CỦA VĂN PHÒNG", "Nơi nhận:", "T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG");

			// the figures: the dashboard's matrix counts (catalog.partCounts with the document's filter)
			Map<String, Map<DirectiveStatus, Long>> matrix = catalog.partCounts(new DirectiveCatalog.PartFilter(code, null, null, null, null));
			long total = matrix.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
			XWPFTable summary = tableAfter(doc, "1. Tổng hợp chung");
			assertThat(cells(summary, 1)).containsExactly("Tổng số phần việc được giao cho đơn vị chủ trì", String.valueOf(total), "100,0%");
			assertThat(total).isEqualTo(5);
			assertThat(cells(summary, 2).get(1)).isEqualTo("0");                       // done on time
			assertThat(cells(summary, 4).get(0)).startsWith("Đang thực hiện, còn trong hạn");
			assertThat(cells(summary, 4).get(1)).isEqualTo(String.valueOf(sum(matrix, DirectiveStatus.ON_TRACK) + sum(matrix, DirectiveStatus.DUE_SOON)));
			assertThat(cells(summary, 4).get(1)).isEqualTo("3");   // ongoing work reports each quarter: it is dated
			assertThat(cells(summary, 5)).containsExactly("Quá hạn, chưa hoàn thành", String.valueOf(sum(matrix, DirectiveStatus.OVERDUE)), "20,0%");
			assertThat(cells(summary, 6).subList(0, 2)).containsExactly("Chờ sự kiện (chưa có thời hạn)", "1");
			assertThat(cells(summary, 7).subList(0, 2)).containsExactly("Thực hiện thường xuyên (không thời hạn)", "0");

			XWPFTable units = tableAfter(doc, "2. Kết quả theo đơn vị chủ trì");
			assertThat(cells(units, 0)).containsExactly("TT", "Đơn vị chủ trì", "Số phần việc", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
					"Đang thực hiện", "Quá hạn");
			List<String> tuyenGiao = units.getRows().stream().map(r -> cellTexts(r)).filter(c -> c.get(1).equals("Ban Tuyên giáo Thành ủy"))
				.findFirst().orElseThrow();
			assertThat(tuyenGiao.subList(2, 7)).containsExactly("2", "0", "0", "1", "1");
			assertThat(units.getRow(0).isRepeatHeader()).isTrue();
			assertThat(cellTexts(units.getRows().get(units.getRows().size() - 1))).containsExactly("", "Tổng cộng", "5", "0", "0", "4", "1");

			XWPFTable late = tableAfter(doc, "3. Nhiệm vụ quá hạn, chưa hoàn thành");
			assertThat(late.getRows()).hasSize(2);
			long reminders = jdbc.sql("SELECT COUNT(*) FROM notification WHERE directive_id = ? AND lead_unit_code = 'ban-tuyen-giao'"
					+ " AND kind IN ('REMINDER', 'DUE_SOON', 'DUE_TODAY', 'OVERDUE', 'ESCALATION')")
				.param(String.valueOf(section("4").id())).query(Long.class).single();
			assertThat(cells(late, 1)).containsExactly("1", "4",
					"Giao Ban Tuyên giáo Thành ủy báo cáo kết quả tuyên truyền về Nghị quyết Đại hội Đảng bộ thành phố.",
					"Ban Tuyên giáo Thành ủy", today.minusDays(5).format(DAY), "5", String.valueOf(reminders));

			XWPFTable extended = tableAfter(doc, "4. Gia hạn đã được chấp thuận");
			List<String> extension = cells(extended, 1);
			assertThat(extension.subList(0, 6)).containsExactly("1", "1", "Ban Tổ chức Thành ủy", today.plusDays(20).format(DAY),
					today.plusDays(40).format(DAY), "Chờ ý kiến của Ban Thường vụ về đề án");
			assertThat(extension.get(6)).isNotBlank().isNotEqualTo("vanphong");

			// A4, administrative margins (top and bottom 20–25 mm, left 30–35, right 15–20), page numbers from page 2
			CTSectPr section = doc.getDocument().getBody().getSectPr();
			CTPageSz size = section.getPgSz();
			assertThat(((Number) size.getW()).intValue()).isEqualTo(11906);
			assertThat(((Number) size.getH()).intValue()).isEqualTo(16838);
			CTPageMar margins = section.getPgMar();
			assertThat(mm(margins.getTop())).isBetween(20.0, 25.0);
			assertThat(mm(margins.getBottom())).isBetween(20.0, 25.0);
			assertThat(mm(margins.getLeft())).isBetween(30.0, 35.0);
			assertThat(mm(margins.getRight())).isBetween(15.0, 20.0);
			assertThat(doc.getHeaderList().stream().flatMap(h -> h.getParagraphs().stream()).map(p -> p.getCTP().xmlText()))
				.anyMatch(xml -> xml.contains(" PAGE "));

			// Times New Roman everywhere, body 14 pt, nothing under 11 or over 16
			List<XWPFRun> runs = new ArrayList<>();
			doc.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
			doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c -> c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
			assertThat(runs).isNotEmpty().allSatisfy(run -> {
				assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
				assertThat(run.getFontSizeAsDouble()).isBetween(11.0, 16.0);
			});
			XWPFParagraph body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("Số liệu dưới đây")).findFirst().orElseThrow();
			assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
		}
	}

	@Test
	void libreOfficePrintsItOnA4() throws Exception {
		Path soffice = Stream.of("soffice", "libreoffice")
			.flatMap(name -> Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
			.filter(Files::isExecutable).findFirst().orElse(null);
		assumeThat(soffice).as("LibreOffice (soffice) on the PATH").isNotNull();
		byte[] bytes = mvc.perform(get("/api/reports/progress.docx").param("document", code).with(office()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		Path work = Files.createTempDirectory("dondoc-report");
		try {
			Path docx = Files.write(work.resolve("bao-cao.docx"), bytes);
			Process convert = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=file://" + work.resolve("profile").toAbsolutePath(),
					"--headless", "--convert-to", "pdf", "--outdir", work.toString(), docx.toString())
				.redirectErrorStream(true).redirectOutput(work.resolve("soffice.log").toFile()).start();
			assertThat(convert.waitFor(180, TimeUnit.SECONDS)).isTrue();
			assertThat(convert.exitValue()).as(Files.readString(work.resolve("soffice.log"))).isZero();
			Path pdf = work.resolve("bao-cao.pdf");
			assertThat(pdf).exists();
			Files.createDirectories(Path.of("target"));
			Files.copy(pdf, Path.of("target", "progress-report.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			try (PDDocument printed = Loader.loadPDF(pdf.toFile())) {
				PDRectangle page = printed.getPage(0).getMediaBox();
				assertThat(page.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
				assertThat(page.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
				String text = new PDFTextStripper().getText(printed);
				// PDFBox reorders some Vietnamese marks when it extracts text; words without them read as printed
				assertThat(text).contains("BÁO CÁO", "VĂN PHÒNG", "-BC/VPTU", "T/L BAN TH", "CHÁNH VĂN PHÒNG");
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	@Test
	void onlyTheOfficeAndTheAdminGetIt() throws Exception {
		mvc.perform(get("/api/reports/progress.docx").param("document", code)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/reports/progress.docx").param("document", code).with(httpBasic("ban-to-chuc", "demo")))
			.andExpect(status().isForbidden())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/reports/progress.docx").param("document", code).with(unit("ban-to-chuc"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/reports/progress.docx").param("document", code).with(httpBasic("admin", "admin"))).andExpect(status().isOk());
		mvc.perform(get("/reports/progress.docx").param("document", code).with(office())).andExpect(status().isOk());
		mvc.perform(get("/api/reports/progress.docx").param("document", "KHONG-CO").with(office())).andExpect(status().isNotFound());
		mvc.perform(get("/api/reports/progress.docx").with(office())).andExpect(status().isBadRequest());
		mvc.perform(get("/api/reports/progress.docx").param("from", "2026-13-01").param("to", "2026-12-31").with(office()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aPeriodReportCountsThePartsDueInItAcrossDocuments() throws Exception {
		byte[] bytes = mvc.perform(get("/api/reports/progress.docx").param("from", today.minusDays(7).toString())
				.param("to", today.plusDays(12).toString()).with(office()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		Map<String, Map<DirectiveStatus, Long>> matrix = catalog.partCounts(
				new DirectiveCatalog.PartFilter(null, null, null, today.minusDays(7), today.plusDays(12)));
		long total = matrix.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			assertThat(new XWPFWordExtractor(doc).getText()).contains("có thời hạn từ ngày " + today.minusDays(7).format(DAY) + " đến ngày "
					+ today.plusDays(12).format(DAY), code);
			assertThat(cells(tableAfter(doc, "1. Tổng hợp chung"), 1).get(1)).isEqualTo(String.valueOf(total));
		}
	}

	@Test
	void theFirstWorkingDayOfAQuarterSendsTheReportOnceToTheConfiguredUnits() throws Exception {
		assertThat(scheduler.getTrigger(TriggerKey.triggerKey("progress-report", "report"))).isInstanceOf(CronTrigger.class);
		LocalDate nextQuarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).plusMonths(3);
		LocalDate firstDay = quarterly.firstWorkingDayOfQuarter(nextQuarter);
		assertThat(firstDay).isAfterOrEqualTo(nextQuarter);
		int before = smtp.receivedMessages().size();

		assertThat(quarterly.sendIfDue(firstDay.plusDays(1).atTime(8, 0).atZone(VIETNAM).toInstant())).isZero();
		assertThat(quarterly.sendIfDue(firstDay.atTime(8, 0).atZone(VIETNAM).toInstant())).isPositive();
		notifications.dispatchPending();
		// the SMTP server keeps one copy per mailbox: two copies of one message
		List<MimeMessage> mine = await().atMost(Duration.ofSeconds(30)).until(() -> mineSince(before), list -> list.size() == 2);
		assertThat(mine.stream().map(ProgressReportIT::messageId).distinct()).hasSize(1);
		MimeMessage mail = mine.get(0);
		assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
			.containsExactlyInAnyOrder("thuong-truc-thanh-uy@thanhuy-haiphong.example", "van-phong-thanh-uy@thanhuy-haiphong.example");
		assertThat(mail.getSubject()).isEqualTo("Báo cáo tình hình thực hiện Kết luận số " + code + " (số liệu đến ngày " + today.format(DAY) + ")");
		Part file = attachment(mail);
		assertThat(file.getFileName()).isEqualTo("Báo cáo tình hình thực hiện " + code.replace('/', '-') + " - "
				+ today.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")) + ".docx");
		try (InputStream in = file.getInputStream(); XWPFDocument doc = new XWPFDocument(in)) {
			assertThat(new XWPFWordExtractor(doc).getText()).contains("ĐẢNG CỘNG SẢN VIỆT NAM", code);
		}
		String body = new String(mail.getRawInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(body).isNotEmpty();
		Files.createDirectories(SHOTS);
		try (var out = Files.newOutputStream(SHOTS.resolve("progress-report-mail.eml"))) {
			mail.writeTo(out);
		}

		// fired again the same quarter (another node, a retry): nothing more
		assertThat(quarterly.sendIfDue(firstDay.atTime(9, 0).atZone(VIETNAM).toInstant())).isZero();
		notifications.dispatchPending();
		assertThat(mineSince(before)).hasSize(2);
	}

	@Test
	void theDashboardOffersTheReportToTheOffice() throws Exception {
		assumeThat(Path.of("/usr/bin/chromium")).exists();
		Files.createDirectories(SHOTS);
		Path work = Files.createTempDirectory("dondoc-report-browser");
		Path downloads = Files.createDirectory(work.resolve("downloads"));
		System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
				"--user-data-dir=" + work.resolve("profile").toAbsolutePath(), "--window-size=1366,1000", "--lang=vi-VN");
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
				"download.prompt_for_download", false));
		ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort().build(), options);
		try {
			String base = "http://localhost:" + port;
			browser.get(base + "/login");
			browser.findElement(By.id("username")).sendKeys("vanphong");
			browser.findElement(By.id("password")).sendKeys("demo");
			browser.findElement(By.id("login")).click();
			await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.cssSelector("header.bar")).isEmpty());
			browser.get(base + "/?document=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(browser.findElement(By.id("progress-report")).getText()).isEqualTo("Báo cáo tình hình thực hiện (Word)");
			Files.write(SHOTS.resolve("progress-report-overview.png"), browser.getScreenshotAs(OutputType.BYTES));
			browser.get(base + "/directives?document=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
			Files.write(SHOTS.resolve("progress-report-list.png"), browser.getScreenshotAs(OutputType.BYTES));
			browser.findElement(By.id("progress-report")).click();
			Path downloaded = await().atMost(Duration.ofSeconds(30)).until(() -> {
				try (Stream<Path> files = Files.list(downloads)) {
					return files.filter(f -> f.getFileName().toString().endsWith(".docx")).findFirst().orElse(null);
				}
			}, java.util.Objects::nonNull);
			assertThat(downloaded.getFileName().toString()).startsWith("Báo cáo tình hình thực hiện " + code.replace('/', '-'));
			try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(downloaded))) {
				assertThat(new XWPFWordExtractor(doc).getText()).contains("BÁO CÁO");
			}

			// a unit sees no button
			browser.findElement(By.cssSelector("form.who button")).click();
			await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("/login"));
			browser.findElement(By.id("username")).sendKeys("ban-tuyen-giao");
			browser.findElement(By.id("password")).sendKeys("demo");
			browser.findElement(By.id("login")).click();
			await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(By.cssSelector("header.bar")).isEmpty());
			browser.get(base + "/?document=" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(browser.findElements(By.id("progress-report"))).isEmpty();
		}
		finally {
			browser.quit();
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private List<MimeMessage> mineSince(int before) {
		List<MimeMessage> all = smtp.receivedMessages();
		return all.subList(before, all.size()).stream().filter(m -> {
			try {
				return m.getSubject().startsWith("Báo cáo tình hình thực hiện") && m.getSubject().contains(code);
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Part attachment(Part part) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Part found = attachment(child);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		return part.getFileName() != null && part.getFileName().endsWith(".docx") ? part : null;
	}

	private DirectiveView section(String section) {
		return catalog.directives(new DirectiveCatalog.Filter(code, null, null), 0, 20).items().stream()
			.filter(d -> d.section().equals(section)).findFirst().orElseThrow();
	}

	private static long sum(Map<String, Map<DirectiveStatus, Long>> matrix, DirectiveStatus status) {
		return matrix.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
	}

	/** The first table after the paragraph that reads {@code heading}. */
	private static XWPFTable tableAfter(XWPFDocument doc, String heading) {
		boolean seen = false;
		for (var element : doc.getBodyElements()) {
			if (element instanceof XWPFParagraph paragraph && paragraph.getText().strip().equals(heading)) {
				seen = true;
			}
			else if (seen && element instanceof XWPFTable table) {
				return table;
			}
		}
		throw new AssertionError("No table after «" + heading + "»");
	}

	private static List<String> cells(XWPFTable table, int row) {
		return cellTexts(table.getRow(row));
	}

	private static List<String> cellTexts(XWPFTableRow row) {
		return row.getTableCells().stream().map(XWPFTableCell::getText).map(String::strip).toList();
	}

	private static double mm(Object twips) {
		return ((Number) twips).doubleValue() * 25.4 / 1440;
	}

}
