package vn.dondoc.web;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.ReportReview;
import vn.dondoc.workflow.ReportStatus;
import vn.dondoc.workflow.ResultReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The office's review queue: reports submitted and extension requests pending are counted on its overview,
 * which links to the list filtered by them; the same filter in the list and the API.
 */
@DashboardIT
class ReviewQueueIT {

	static final String DOCUMENT = "WEB-REVIEW";

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

	@BeforeEach
	void importTheDocument() {
		importer.importDocument(Documents.of(DOCUMENT), "yaml", "test", false);
	}

	DirectiveView section(String section) {
		return catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, null, null), 0, 10).items().stream()
			.filter(d -> d.section().equals(section)).findFirst().orElseThrow();
	}

	String task(DirectiveView directive, String key) {
		return tasks.createTaskQuery().processInstanceId(directive.processInstanceId()).taskDefinitionKey(key).singleResult().getId();
	}

	@Test
	void theOfficeSeesWhatAwaitsItsReviewCountedAndListed() throws Exception {
		DirectiveView reported = section("1");
		DirectiveView extending = section("2");
		lifecycle.submitReport(task(reported, DirectiveProcess.TASK_CARRY_OUT), new ResultReport(ReportStatus.COMPLETED, "Đã ban hành kế hoạch", null),
				"ban-to-chuc");
		lifecycle.requestExtension(extending.processInstanceId(), "ban-tuyen-giao", Documents.today().plusDays(40), "Chờ góp ý của các huyện",
				"ban-tuyen-giao");

		String overview = page("/?document=" + DOCUMENT, AccessByRoleIT.office());
		String link = "/directives?document=" + DOCUMENT + "&amp;status=AWAITING_REVIEW";
		assertThat(overview).contains("Chờ xem xét", "href=\"" + link + "\"")
			.containsPattern("<strong>2</strong> nhiệm vụ</a> có báo cáo kết quả hoặc đề nghị gia hạn");

		String list = page("/directives?document=" + DOCUMENT + "&status=AWAITING_REVIEW", AccessByRoleIT.office());
		assertThat(list).contains("chờ Văn phòng xem xét", "Kế hoạch luân chuyển cán bộ", "Lịch sử Đảng bộ thành phố")
			.doesNotContain("hướng dẫn các địa phương về công tác dân vận", "kết quả tuyên truyền quý")
			.containsPattern("<option value=\"AWAITING_REVIEW\" selected=\"selected\">chờ Văn phòng xem xét</option>");
		mvc.perform(get("/api/directives").param("document", DOCUMENT).param("status", "awaiting-review").with(AccessByRoleIT.office()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));

		// the export of that list holds the same directives
		byte[] workbook = mvc.perform(get("/directives/export.xlsx").param("document", DOCUMENT).param("status", "AWAITING_REVIEW")
			.with(AccessByRoleIT.office())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String sheet = sheetText(workbook);
		assertThat(sheet).contains("Kế hoạch luân chuyển cán bộ", "Lịch sử Đảng bộ thành phố").doesNotContain("công tác dân vận");

		// decided: out of the queue
		lifecycle.review(task(reported, DirectiveProcess.TASK_REVIEW_REPORT), ReportReview.accept(null), "vanphong");
		assertThat(page("/?document=" + DOCUMENT, AccessByRoleIT.office())).containsPattern("<strong>1</strong> nhiệm vụ</a>");

		// a unit member has no review queue: it is not its work
		assertThat(page("/", AccessByRoleIT.unit("ban-to-chuc"))).doesNotContain("review-queue", "AWAITING_REVIEW");
	}

	/** The text of the workbook's first sheet. */
	private static String sheetText(byte[] workbook) throws Exception {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(workbook))) {
			StringBuilder text = new StringBuilder();
			for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(0)) {
				for (org.apache.poi.ss.usermodel.Cell cell : row) {
					text.append(cell.toString()).append(' ');
				}
				text.append('\n');
			}
			return text.toString();
		}
	}

	private String page(String url, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
		return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
