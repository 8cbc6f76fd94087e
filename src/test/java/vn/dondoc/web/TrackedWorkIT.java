package vn.dondoc.web;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.dondoc.work.WorkBackfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Work modelled in Camunda Modeler is tracked like a directive: deployed as Modeler deploys it, one instance for
 * Ban Tổ chức already late and one for Ban Tuyên giáo due in two months are counted on the overview and by
 * {@code /api/work} per unit and status, listed with their own page and in the workbook, each unit seeing only
 * its own; the late one, completed, is "hoàn thành quá hạn".
 */
@DashboardIT
class TrackedWorkIT {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkBackfill backfill;

	ModelledWork model;

	Task late;

	Task onTrack;

	@BeforeEach
	void deployAndStart() throws Exception {
		model = ModelledWork.deploy(rest, runtime, tasks);
		late = model.start("ban-to-chuc", ModelledWork.today().minusDays(10), "KT-01");
		onTrack = model.start("ban-tuyen-giao", ModelledWork.today().plusDays(60), "KT-02");
	}

	@Test
	void theApiCountsEachUnitsWorkByStatusAndKeepsUnitsToTheirOwn() throws Exception {
		JsonNode all = api("vanphong", "/api/work?process=" + model.key()).path("body");
		assertThat(all.size()).isEqualTo(2);
		JsonNode first = all.get(0);
		assertThat(first.path("taskId").asText()).isEqualTo(late.getId());
		assertThat(first.path("unit").asText()).isEqualTo("ban-to-chuc");
		assertThat(first.path("unitName").asText()).isEqualTo("Ban Tổ chức Thành ủy");
		assertThat(first.path("processName").asText()).isEqualTo(ModelledWork.NAME);
		assertThat(first.path("taskName").asText()).isEqualTo(ModelledWork.TASK);
		assertThat(first.path("status").asText()).isEqualTo("OVERDUE");
		assertThat(first.path("statusLabel").asText()).isEqualTo("quá hạn");
		assertThat(first.path("businessKey").asText()).isEqualTo("KT-01");
		assertThat(all.get(1).path("unit").asText()).isEqualTo("ban-tuyen-giao");
		assertThat(all.get(1).path("status").asText()).isEqualTo("ON_TRACK");
		assertThat(api("vanphong", "/api/work?process=" + model.key() + "&status=overdue").path("body").size()).isEqualTo(1);
		assertThat(api("vanphong", "/api/work?process=" + model.key() + "&unit=ban-tuyen-giao&status=quá hạn").path("body").size()).isZero();

		// a unit sees its own work only, and is refused another unit's
		JsonNode own = api("ban-to-chuc", "/api/work?process=" + model.key()).path("body");
		assertThat(own.size()).isEqualTo(1);
		assertThat(own.get(0).path("taskId").asText()).isEqualTo(late.getId());
		ResponseEntity<String> other = rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/api/work?unit=ban-tuyen-giao", String.class);
		assertThat(other.getStatusCode().value()).isEqualTo(403);
		assertThat(other.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/api/work/" + onTrack.getId(), String.class)
			.getStatusCode().value()).isEqualTo(403);
		assertThat(api("ban-to-chuc", "/api/work/" + late.getId()).path("body").path("work").path("status").asText()).isEqualTo("OVERDUE");

		// documented for API clients
		String docs = rest.withBasicAuth("vanphong", "demo").getForObject("/v3/api-docs/dondoc", String.class);
		assertThat(json.readTree(docs).path("paths").has("/api/work")).isTrue();
	}

	@Test
	void theOverviewCountsModelledWorkPerUnitAndStatus() throws Exception {
		String office = page("/?process=" + model.key(), office());
		assertThat(cell(office, "ban-to-chuc", "OVERDUE")).isEqualTo("1");
		assertThat(cell(office, "ban-tuyen-giao", "ON_TRACK")).isEqualTo("1");
		assertThat(office).contains(ModelledWork.NAME);   // the process filter names it

		// every process: the modelled work adds to whatever the units have
		String unitView = page("/?process=" + model.key(), unit("ban-to-chuc"));
		assertThat(cell(unitView, "ban-to-chuc", "OVERDUE")).isEqualTo("1");
		assertThat(unitView).doesNotContain("data-unit=\"ban-tuyen-giao\"");

		// without a process filter the unit's directives and its modelled work add up; "Kết luận" leaves the work out
		long all = Long.parseLong(cell(page("/", office()), "ban-to-chuc", "OVERDUE"));
		String conclusions = page("/?process=directive", office());
		long directives = conclusions.contains("data-unit=\"ban-to-chuc\"") ? Long.parseLong(cell(conclusions, "ban-to-chuc", "OVERDUE")) : 0;
		long work = api("vanphong", "/api/work?unit=ban-to-chuc&status=overdue").path("body").size();
		assertThat(work).isPositive();
		assertThat(all).isEqualTo(directives + work);
		assertThat(page("/directives?process=directive&unit=ban-to-chuc", office())).doesNotContain("/work/");
	}

	@Test
	void theListShowsEachUnitItsOwnWorkAndItsPage() throws Exception {
		String list = page("/directives?process=" + model.key(), unit("ban-to-chuc"));
		assertThat(list).contains("/work/" + late.getId()).doesNotContain("/work/" + onTrack.getId())
			.contains(ModelledWork.TASK).contains("quá hạn");
		String overdue = page("/directives?status=OVERDUE&process=" + model.key(), office());
		assertThat(overdue).contains("/work/" + late.getId()).doesNotContain("/work/" + onTrack.getId());

		String work = page("/work/" + late.getId(), unit("ban-to-chuc"));
		assertThat(work).contains(ModelledWork.NAME).contains(ModelledWork.TASK).contains("Ban Tổ chức Thành ủy")
			.contains(ModelledWork.today().minusDays(10).format(DAY)).contains("quá hạn").contains("Giao việc");
		mvc.perform(get("/work/" + late.getId()).with(unit("ban-tuyen-giao"))).andExpect(status().isForbidden());

		// the reminders: the assignment notice sent at once (by Quartz, soon after the start), the default policy's
		// steps planned, none of them sent two months before the due date; recipients by name
		String reminders = await().until(() -> reminders(page("/work/" + onTrack.getId(), unit("ban-tuyen-giao"))),
				table -> rows(table, "sent").stream().anyMatch(row -> row.contains("Giao nhiệm vụ")));
		assertThat(rows(reminders, "sent")).singleElement().asString().contains("Giao nhiệm vụ")
			.containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}").doesNotContain("chưa gửi");
		List<String> planned = rows(reminders, "planned");
		assertThat(planned).hasSizeGreaterThanOrEqualTo(5).allSatisfy(row -> assertThat(row).contains("chưa gửi"));
		assertThat(String.join("", planned)).contains("Nhắc hạn").contains("Sắp đến hạn").contains("Đến hạn hôm nay")
			.contains("Quá hạn").contains("lần nhắc thứ 2").contains("Ban Tuyên giáo Thành ủy").doesNotContain("Giao nhiệm vụ");
		assertThat(reminders).doesNotContain("ban-tuyen-giao");
		mvc.perform(get("/work/khong-co").with(office())).andExpect(status().isNotFound());
	}

	@Test
	void theWorkbookHasTheWorkRows() throws Exception {
		byte[] xlsx = mvc.perform(get("/directives/export.xlsx").param("process", model.key()).with(office()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<String> rows = rows(xlsx, "Tổng hợp");
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("Ban Tổ chức Thành ủy").contains(ModelledWork.TASK)
			.contains(ModelledWork.NAME).contains("quá hạn").contains(ModelledWork.today().minusDays(10).format(DAY)));
		assertThat(rows).anySatisfy(row -> assertThat(row).contains("Ban Tuyên giáo Thành ủy").contains("trong hạn"));
		assertThat(rows(xlsx, "Thống kê")).anySatisfy(row -> assertThat(row).startsWith("Ban Tổ chức Thành ủy"));
		byte[] own = mvc.perform(get("/directives/export.xlsx").param("process", model.key()).with(unit("ban-tuyen-giao")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(rows(own, "Tổng hợp")).noneSatisfy(row -> assertThat(row).contains("Ban Tổ chức Thành ủy"));
	}

	@Test
	void completingLateWorkMakesItDoneLate() throws Exception {
		tasks.complete(late.getId());

		JsonNode done = api("vanphong", "/api/work?process=" + model.key() + "&unit=ban-to-chuc").path("body");
		assertThat(done.size()).isEqualTo(1);
		assertThat(done.get(0).path("status").asText()).isEqualTo("DONE_LATE");
		assertThat(done.get(0).path("statusLabel").asText()).isEqualTo("hoàn thành quá hạn");
		String office = page("/?process=" + model.key(), office());
		assertThat(cell(office, "ban-to-chuc", "DONE_LATE")).isEqualTo("1");
		assertThat(cell(office, "ban-to-chuc", "OVERDUE")).isEqualTo("0");
		assertThat(page("/work/" + late.getId(), office())).contains("hoàn thành quá hạn").contains("Hoàn thành");
	}

	@Test
	void openWorkWithoutARowIsTakenInAtStartUp() throws Exception {
		// as if the task had been opened before tracking existed
		jdbc.sql("DELETE FROM work_item WHERE task_id = ?").param(late.getId()).update();
		assertThat(api("vanphong", "/api/work?process=" + model.key()).path("body").size()).isEqualTo(1);

		backfill.run();   // what start-up does

		JsonNode all = api("vanphong", "/api/work?process=" + model.key()).path("body");
		assertThat(all.size()).isEqualTo(2);
		assertThat(all.get(0).path("taskId").asText()).isEqualTo(late.getId());
		assertThat(all.get(0).path("status").asText()).isEqualTo("OVERDUE");
		assertThat(all.get(0).path("unitName").asText()).isEqualTo("Ban Tổ chức Thành ủy");
		assertThat(all.get(0).path("processName").asText()).isEqualTo(ModelledWork.NAME);
		assertThat(all.get(0).path("dueDate").asText()).isEqualTo(ModelledWork.today().minusDays(10).toString());
		assertThat(all.get(0).path("businessKey").asText()).isEqualTo("KT-01");
	}

	/** The reminders table of a work page. */
	private static String reminders(String html) {
		int table = html.indexOf("id=\"reminders\"");
		assertThat(table).as("a reminders table").isPositive();
		return html.substring(table, html.indexOf("</table>", table));
	}

	/** The rows of a reminders table that are {@code sent} or {@code planned}, as text. */
	private static List<String> rows(String reminders, String state) {
		List<String> rows = new ArrayList<>();
		for (String row : reminders.split("<tr class=\"")) {
			if (row.startsWith(state + "\"")) {
				rows.add(row.replaceAll("(?s)<[^>]+>", " ").replaceAll("\\s+", " ").strip());
			}
		}
		return rows;
	}

	private JsonNode api(String user, String path) throws Exception {
		ResponseEntity<String> response = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return json.createObjectNode().set("body", json.readTree(response.getBody()));
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The count in the matrix cell of a unit and status, as the page shows it. */
	private static String cell(String html, String unit, String status) {
		int row = html.indexOf("data-unit=\"" + unit + "\"");
		assertThat(row).as("a matrix row for " + unit).isPositive();
		String rest = html.substring(row, html.indexOf("</tr>", row));
		int column = vn.dondoc.web.Dashboard.COLUMNS.indexOf(vn.dondoc.directive.DirectiveStatus.valueOf(status));
		String[] cells = rest.split("<td");
		return cells[column + 1].replaceAll("(?s)<[^>]+>", "").replaceAll("[^0-9]", "").strip();
	}

	private static List<String> rows(byte[] xlsx, String sheetName) throws Exception {
		List<String> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet(sheetName);
			DataFormatter format = new DataFormatter();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(format.formatCellValue(cell)));
				rows.add(String.join(" | ", cells));
			}
		}
		return rows;
	}

	static RequestPostProcessor unit(String code) {
		return SecurityMockMvcRequestPostProcessors.user(code).authorities(new SimpleGrantedAuthority("GROUP_" + code));
	}

	static RequestPostProcessor office() {
		return SecurityMockMvcRequestPostProcessors.user("vanphong").authorities(new SimpleGrantedAuthority("GROUP_tracking-office"));
	}

}
