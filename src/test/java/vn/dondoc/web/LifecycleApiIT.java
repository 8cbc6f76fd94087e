package vn.dondoc.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.dondoc.attachment.Attachments;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.reminder.ReminderEngine;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.ExtensionDecision;
import vn.dondoc.workflow.Outcome;
import vn.dondoc.workflow.ReportStatus;
import vn.dondoc.workflow.UnitPartStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The lifecycle of a unit's part through {@code /api/directives/{id}/units/{unit}/…} with HTTP Basic, as the
 * right role and the wrong one; event dates; report files through the API and the directive page.
 */
@DashboardIT
class LifecycleApiIT {

	static final String DOCUMENT = "LIFECYCLE-API";

	static final String UNIT = "ban-to-chuc";

	@Autowired
	TestRestTemplate rest;

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
	Attachments attachments;

	@Autowired
	Scheduler scheduler;

	@Autowired
	ReminderEngine reminders;

	@Autowired
	ManagementService jobs;

	@Autowired
	ObjectMapper json;

	@LocalServerPort
	int port;

	@BeforeEach
	void importTheDocument() {
		importer.importDocument(document(), "yaml", "test", false);
	}

	/** Sections 1, 2, 5, 6, 8: due in 20 days; 3 and 7: wait on an event; 4: due 5 days ago. All led by Ban Tổ chức. */
	static String document() {
		LocalDate today = Documents.today();
		StringBuilder yaml = new StringBuilder("""
				code: %s
				title: "Thông báo kết luận kiểm thử API thực hiện nhiệm vụ"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: %s
				signer: "Thường trực Thành ủy"
				directives:
				""".formatted(DOCUMENT, today.minusDays(30)));
		for (int section = 1; section <= 8; section++) {
			yaml.append("  - section: \"").append(section).append("\"\n")
				.append("    text: \"Giao Ban Tổ chức Thành ủy thực hiện việc số ").append(section).append(".\"\n")
				.append("    lead: [").append(UNIT).append("]\n")
				.append("    coordinating: [ban-tuyen-giao]\n");
			if (section == 3 || section == 7) {
				yaml.append("    deadline: \"Hoàn thành trước khi trình HĐND thành phố\"\n");
			}
			else {
				yaml.append("    dueDate: ").append(section == 4 ? today.minusDays(5) : today.plusDays(20)).append('\n');
			}
		}
		return yaml.toString();
	}

	DirectiveView section(String section) {
		return catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, null, null), 0, 20).items().stream()
			.filter(d -> d.section().equals(section)).findFirst().orElseThrow();
	}

	UnitPartStatus part(DirectiveView directive) {
		return lifecycle.part(directive.processInstanceId(), UNIT).orElseThrow();
	}

	ResponseEntity<String> call(HttpMethod method, String user, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, user.equals("admin") ? "admin" : "demo")
			.exchange(URI.create("http://localhost:" + port + path), method, new HttpEntity<>(body, headers), String.class);
	}

	ResponseEntity<String> send(String user, String path, String body) {
		return call(HttpMethod.POST, user, path, body);
	}

	static String units(DirectiveView directive) {
		return "/api/directives/" + directive.id() + "/units/" + UNIT;
	}

	JsonNode read(ResponseEntity<String> response) throws Exception {
		return json.readTree(response.getBody());
	}

	void assertProblem(ResponseEntity<String> response, HttpStatus status, String field, String message) throws Exception {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isNotNull()
			.satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(type.toString()).isTrue());
		JsonNode problem = read(response);
		assertThat(problem.path("detail").asText()).contains(message);
		if (field != null) {
			assertThat(problem.path("field").asText()).isEqualTo(field);
		}
	}

	@Test
	void theUnitReportsItsOwnPartAndTheOfficeReturnsThenAcceptsIt() throws Exception {
		DirectiveView directive = section("1");
		String carryOut = part(directive).carryOutTaskId();
		String report = "{\"text\": \"Đã ban hành kế hoạch luân chuyển cán bộ.\", \"done\": true, \"link\": \"https://vb.example/kh-12\"}";

		// another unit, and the office, may not report for Ban Tổ chức: 403, nothing changes
		assertProblem(send("ban-tuyen-giao", units(directive) + "/report", report), HttpStatus.FORBIDDEN, null, "đơn vị chủ trì");
		assertProblem(send("vanphong", units(directive) + "/report", report), HttpStatus.FORBIDDEN, null, "đơn vị chủ trì");
		assertThat(part(directive).reports()).isEmpty();
		assertThat(part(directive).carryOutTaskId()).isEqualTo(carryOut);
		// bad input names the field and its value
		assertProblem(send(UNIT, units(directive) + "/report", "{\"text\": \"  \", \"done\": true}"), HttpStatus.BAD_REQUEST, "text",
				"Cần nhập nội dung báo cáo");
		assertProblem(send(UNIT, units(directive) + "/report", "{\"text\": \"Xong\"}"), HttpStatus.BAD_REQUEST, "done", "done");
		ResponseEntity<String> badLink = send(UNIT, units(directive) + "/report", "{\"text\": \"Xong\", \"done\": true, \"link\": \"ftp://x\"}");
		assertProblem(badLink, HttpStatus.BAD_REQUEST, "link", "http");
		assertThat(read(badLink).path("value").asText()).isEqualTo("ftp://x");
		assertProblem(send(UNIT, units(directive) + "/report", "{\"text\": "), HttpStatus.BAD_REQUEST, null, "JSON");
		// no office action before there is something to decide: 409
		assertProblem(send("vanphong", units(directive) + "/review", "{\"decision\": \"ACCEPT\"}"), HttpStatus.CONFLICT, null,
				"Không có báo cáo nào");
		assertThat(part(directive).reports()).isEmpty();

		ResponseEntity<String> sent = send(UNIT, units(directive) + "/report", report);
		assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(read(sent).path("part").path("reports").get(0).path("status").asText()).isEqualTo("COMPLETED");
		assertThat(part(directive).reports()).singleElement().satisfies(r -> {
			assertThat(r.status()).isEqualTo(ReportStatus.COMPLETED);
			assertThat(r.submittedBy()).isEqualTo(UNIT);
		});
		// a second report while the first is reviewed: 409
		assertProblem(send(UNIT, units(directive) + "/report", report), HttpStatus.CONFLICT, null, "không có việc đang mở");

		// the unit may not review; returning needs a reason; an unknown decision is named
		assertProblem(send(UNIT, units(directive) + "/review", "{\"decision\": \"ACCEPT\"}"), HttpStatus.FORBIDDEN, null, "Văn phòng");
		assertProblem(send("vanphong", units(directive) + "/review", "{\"decision\": \"RETURN\"}"), HttpStatus.BAD_REQUEST, "note", "lý do");
		ResponseEntity<String> unknown = send("vanphong", units(directive) + "/review", "{\"decision\": \"MAYBE\"}");
		assertProblem(unknown, HttpStatus.BAD_REQUEST, "decision", "ACCEPT hoặc RETURN");
		assertThat(read(unknown).path("value").asText()).isEqualTo("MAYBE");
		assertThat(part(directive).reports()).singleElement().satisfies(r -> assertThat(r.review()).isNull());

		ResponseEntity<String> returned = send("vanphong", units(directive) + "/review", "{\"decision\": \"RETURN\", \"note\": \"Thiếu số liệu\"}");
		assertThat(returned.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read(returned).path("part").path("carryOutTaskId").asText()).isNotBlank();
		assertThat(send(UNIT, units(directive) + "/report", "{\"text\": \"Bổ sung số liệu: 12 cán bộ.\", \"done\": false}").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(part(directive).reports()).last().extracting(r -> r.status()).isEqualTo(ReportStatus.PARTLY_COMPLETED);
		assertThat(send("admin", units(directive) + "/review", "{\"decision\": \"ACCEPT\", \"note\": \"Đạt\"}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(part(directive).outcome()).isEqualTo(Outcome.ON_TIME);
	}

	@Test
	void theUnitAsksForMoreTimeAndTheOfficeDecides() throws Exception {
		DirectiveView directive = section("2");
		LocalDate wanted = Documents.today().plusDays(60);
		String request = "{\"newDueDate\": \"" + wanted + "\", \"reason\": \"Chờ ý kiến Thường trực\"}";

		assertProblem(send("ban-tuyen-giao", units(directive) + "/extension", request), HttpStatus.FORBIDDEN, null, "đơn vị chủ trì");
		ResponseEntity<String> notADay = send(UNIT, units(directive) + "/extension", "{\"newDueDate\": \"31/12/2099\", \"reason\": \"x\"}");
		assertProblem(notADay, HttpStatus.BAD_REQUEST, "newDueDate", "yyyy-mm-dd");
		assertThat(read(notADay).path("value").asText()).isEqualTo("31/12/2099");
		assertProblem(send(UNIT, units(directive) + "/extension", "{\"newDueDate\": \"" + Documents.today().minusDays(1) + "\", \"reason\": \"x\"}"),
				HttpStatus.BAD_REQUEST, "newDueDate", "đã qua");
		assertProblem(send(UNIT, units(directive) + "/extension", "{\"newDueDate\": \"" + wanted + "\"}"), HttpStatus.BAD_REQUEST, "reason", "lý do");
		assertProblem(send(UNIT, "/api/directives/" + directive.id() + "/units/ban-khong-co/extension", request), HttpStatus.NOT_FOUND, "unit",
				"ban-khong-co");
		assertProblem(send(UNIT, "/api/directives/999999/units/" + UNIT + "/extension", request), HttpStatus.NOT_FOUND, "id", "999999");
		assertThat(part(directive).extensions()).isEmpty();

		assertThat(send(UNIT, units(directive) + "/extension", request).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(part(directive).extensionPending()).isTrue();
		assertProblem(send(UNIT, units(directive) + "/extension-review", "{\"decision\": \"APPROVE\"}"), HttpStatus.FORBIDDEN, null, "Văn phòng");
		assertProblem(send("vanphong", units(directive) + "/extension-review", "{\"decision\": \"REFUSE\"}"), HttpStatus.BAD_REQUEST, "note", "lý do");
		assertThat(part(directive).extensionPending()).isTrue();

		ResponseEntity<String> approved = send("vanphong", units(directive) + "/extension-review", "{\"decision\": \"APPROVE\", \"note\": \"Đồng ý\"}");
		assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read(approved).path("part").path("dueDate").asText()).isEqualTo(wanted.toString());
		assertThat(part(directive).extensions()).singleElement().satisfies(e -> {
			assertThat(e.decision()).isEqualTo(ExtensionDecision.APPROVED);
			assertThat(e.decidedBy()).isEqualTo("vanphong");
		});
		assertProblem(send("vanphong", units(directive) + "/extension-review", "{\"decision\": \"APPROVE\"}"), HttpStatus.CONFLICT, null,
				"Không có đề nghị gia hạn");
	}

	@Test
	void theOfficeRecordsHowItFollowedUpALateUnit() throws Exception {
		DirectiveView directive = section("4");
		// the overdue timer (due 5 days ago) opens the office's follow-up task; run it now rather than wait for the job executor
		jobs.createJobQuery().processInstanceId(directive.processInstanceId()).activityId(DirectiveProcess.EVENT_CARRY_OUT_OVERDUE).list()
			.forEach(timer -> {
				try {
					jobs.executeJob(timer.getId());
				}
				catch (RuntimeException alreadyRunning) {
					// the job executor took it first
				}
			});
		await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(directive.processInstanceId())
			.taskDefinitionKey(DirectiveProcess.TASK_FOLLOW_UP_LATE).count() == 1);
		assertProblem(send(UNIT, units(directive) + "/follow-up", "{\"note\": \"Đã gọi điện\"}"), HttpStatus.FORBIDDEN, null, "Văn phòng");
		assertProblem(send("vanphong", units(directive) + "/follow-up", "{\"note\": \"\"}"), HttpStatus.BAD_REQUEST, "note", "đôn đốc");
		assertThat(send("vanphong", units(directive) + "/follow-up", "{\"note\": \"Đã gọi điện cho Chánh Văn phòng Ban\"}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(tasks.createTaskQuery().processInstanceId(directive.processInstanceId())
			.taskDefinitionKey(DirectiveProcess.TASK_FOLLOW_UP_LATE).count()).isZero();
		assertProblem(send("vanphong", units(directive) + "/follow-up", "{\"note\": \"lần nữa\"}"), HttpStatus.CONFLICT, null,
				"không có việc đôn đốc");
	}

	@Test
	void theOfficeEntersTheEventDateAndThePartIsDatedWithReminders() throws Exception {
		DirectiveView directive = section("3");
		assertThat(directive.awaitingEvent()).isNotNull();
		UnitPartStatus before = part(directive);
		assertThat(before.dueDate()).isNull();
		Task task = tasks.createTaskQuery().taskId(before.carryOutTaskId()).singleResult();
		assertThat(task.getDueDate()).isNull();
		String path = "/api/directives/" + directive.id() + "/event-date";
		LocalDate day = Documents.today().plusDays(30);

		assertProblem(call(HttpMethod.PUT, UNIT, path, "{\"date\": \"" + day + "\"}"), HttpStatus.FORBIDDEN, null, "Văn phòng");
		ResponseEntity<String> past = call(HttpMethod.PUT, "vanphong", path, "{\"date\": \"" + Documents.today().minusDays(1) + "\"}");
		assertProblem(past, HttpStatus.BAD_REQUEST, "date", "đã qua");
		assertProblem(call(HttpMethod.PUT, "vanphong", path, "{\"date\": \"sắp tới\"}"), HttpStatus.BAD_REQUEST, "date", "yyyy-mm-dd");
		assertProblem(call(HttpMethod.PUT, "vanphong", "/api/directives/" + section("1").id() + "/event-date", "{\"date\": \"" + day + "\"}"),
				HttpStatus.CONFLICT, null, "không chờ sự kiện");
		assertThat(part(directive).dueDate()).isNull();

		ResponseEntity<String> entered = call(HttpMethod.PUT, "vanphong", path, "{\"date\": \"" + day + "\"}");
		assertThat(entered.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(read(entered).path("parts").get(0).path("part").path("dueDate").asText()).isEqualTo(day.toString());

		// the unit's own due date, its task (so its reminders), dondoc's rows and the history
		assertThat(part(directive).dueDate()).isEqualTo(day);
		assertThat(tasks.createTaskQuery().taskId(before.carryOutTaskId()).singleResult().getDueDate()).isNotNull()
			.satisfies(due -> assertThat(due.toInstant().atZone(Documents.VIETNAM).toLocalDate()).isEqualTo(day));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> reminders.nextFireTime(before.carryOutTaskId()).isPresent());
		DirectiveCatalog.DirectiveDetail detail = catalog.directive(directive.id()).orElseThrow();
		assertThat(detail.directive().dueDate()).isEqualTo(day);
		assertThat(detail.directive().units()).filteredOn(u -> u.code().equals(UNIT)).singleElement()
			.satisfies(u -> assertThat(u.dueDate()).isEqualTo(day));
		assertThat(detail.history()).anySatisfy(line -> {
			assertThat(line.kind()).isEqualTo("EVENT_DATE");
			assertThat(line.actor()).isEqualTo("vanphong");
			assertThat(line.detail()).isEqualTo(WebDates.DAY.format(day));
		});
		// the overdue timer watches the event date now
		assertThat(lifecycleTimerDue(directive)).isEqualTo(day);
		// a re-import of the unchanged document keeps the date the office entered
		importer.importDocument(document(), "yaml", "test", false);
		assertThat(part(directive).dueDate()).isEqualTo(day);
	}

	LocalDate lifecycleTimerDue(DirectiveView directive) {
		return jobs.createJobQuery()
			.processInstanceId(directive.processInstanceId()).activityId(DirectiveProcess.EVENT_CARRY_OUT_OVERDUE).list().stream()
			.map(job -> job.getDuedate().toInstant().atZone(Documents.VIETNAM).toLocalDate()).findFirst().orElse(null);
	}

	@Test
	void aReportCarriesAPdfAndAnExeRefusesTheWholeReport() throws Exception {
		DirectiveView directive = section("5");
		byte[] pdf = pdf();
		ResponseEntity<String> refused = multipartReport(directive, List.of(file("bao-cao.pdf", pdf), file("cai-dat.exe", exe())));
		assertProblem(refused, HttpStatus.BAD_REQUEST, "files[1]", "chỉ nhận");
		assertThat(read(refused).path("value").asText()).isEqualTo("cai-dat.exe");
		// an .exe renamed to .pdf is known by its bytes
		assertProblem(multipartReport(directive, List.of(file("bao-cao.pdf", exe()))), HttpStatus.BAD_REQUEST, "files[0]", "không phải là tệp PDF");
		assertThat(part(directive).reports()).isEmpty();
		assertThat(attachments.of(directive.id())).isEmpty();

		ResponseEntity<String> sent = multipartReport(directive, List.of(file("bao-cao.pdf", pdf)));
		assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode file = read(sent).path("attachments").get(0);
		assertThat(file.path("fileName").asText()).isEqualTo("bao-cao.pdf");
		assertThat(file.path("contentType").asText()).isEqualTo("application/pdf");
		assertThat(file.path("size").asLong()).isEqualTo(pdf.length);
		assertThat(part(directive).reports()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(ReportStatus.PARTLY_COMPLETED));

		ResponseEntity<byte[]> download = rest.withBasicAuth("vanphong", "demo")
			.getForEntity("/api/directives/" + directive.id() + "/attachments/" + file.path("id").asLong(), byte[].class);
		assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(download.getBody()).isEqualTo(pdf);
		assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("filename*=UTF-8''bao-cao.pdf");
		// a unit that is not named in the directive may not read its files
		assertThat(rest.withBasicAuth("ban-dan-van", "demo")
			.getForEntity("/api/directives/" + directive.id() + "/attachments/" + file.path("id").asLong(), String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void theBusinessKeyServesAsTheDirectiveId() throws Exception {
		DirectiveView directive = section("6");
		String key = URLEncoder.encode(directive.businessKey(), StandardCharsets.UTF_8);
		assertThat(key).contains("%2F");
		ResponseEntity<String> sent = send(UNIT, "/api/directives/" + key + "/units/" + UNIT + "/report",
				"{\"text\": \"Đã hoàn thành.\", \"done\": true}");
		assertThat(sent.getStatusCode()).as(sent.getBody()).isEqualTo(HttpStatus.CREATED);
		assertThat(read(sent).path("businessKey").asText()).isEqualTo(directive.businessKey());
		assertThat(part(directive).reports()).hasSize(1);
		assertProblem(send(UNIT, "/api/directives/" + URLEncoder.encode(DOCUMENT + "/99", StandardCharsets.UTF_8) + "/units/" + UNIT + "/report",
				"{\"text\": \"x\", \"done\": true}"), HttpStatus.NOT_FOUND, "id", DOCUMENT + "/99");
	}

	@Test
	void theLifecycleNeedsAnAccount() {
		assertThat(rest.postForEntity("/api/directives/" + section("1").id() + "/units/" + UNIT + "/report",
				new HttpEntity<>("{\"text\": \"x\", \"done\": true}"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void theApiDocsDescribeTheLifecycle() throws Exception {
		JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs/dondoc").with(AccessByRoleIT.office())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		JsonNode paths = docs.path("paths");
		for (String action : List.of("report", "extension", "review", "extension-review", "follow-up")) {
			JsonNode operation = paths.path("/api/directives/{id}/units/{unit}/" + action).path("post");
			assertThat(operation.path("requestBody").path("content").path("application/json").isMissingNode()).as(action).isFalse();
		}
		assertThat(paths.path("/api/directives/{id}/units/{unit}/report").path("post").path("requestBody").path("content")
			.path("multipart/form-data").isMissingNode()).isFalse();
		assertThat(paths.path("/api/directives/{id}/event-date").path("put").path("summary").asText()).isEqualTo("Văn phòng nhập ngày diễn ra sự kiện");
	}

	// ---- the directive page ---------------------------------------------------------------------------------

	@Test
	void theOfficeEntersTheEventDateOnThePage() throws Exception {
		DirectiveView directive = section("7");
		String page = "/directives/" + directive.id();
		assertThat(mvc.perform(get(page).with(AccessByRoleIT.office())).andReturn().getResponse().getContentAsString())
			.contains("event-date-form");
		assertThat(mvc.perform(get(page).with(AccessByRoleIT.unit(UNIT))).andReturn().getResponse().getContentAsString())
			.doesNotContain("event-date-form");
		assertThat(mvc.perform(get("/directives/" + section("1").id()).with(AccessByRoleIT.office())).andReturn().getResponse()
			.getContentAsString()).doesNotContain("event-date-form");
		mvc.perform(post(page + "/event-date").with(AccessByRoleIT.unit(UNIT)).with(csrf()).param("date", "01/01/2099"))
			.andExpect(status().isForbidden());
		String yesterday = WebDates.DAY.format(Documents.today().minusDays(1));
		mvc.perform(post(page + "/event-date").with(AccessByRoleIT.office()).with(csrf()).param("date", yesterday))
			.andExpect(redirectedUrl(page)).andExpect(flash().attributeExists("problems"));
		assertThat(part(directive).dueDate()).isNull();

		LocalDate day = Documents.today().plusDays(40);
		mvc.perform(post(page + "/event-date").with(AccessByRoleIT.office()).with(csrf()).param("date", WebDates.DAY.format(day)))
			.andExpect(redirectedUrl(page)).andExpect(flash().attributeExists("notice"));
		assertThat(part(directive).dueDate()).isEqualTo(day);
		String html = mvc.perform(get(page).with(AccessByRoleIT.office())).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Nhập ngày diễn ra sự kiện: " + WebDates.DAY.format(day)).contains("Văn phòng theo dõi, đôn đốc");
	}

	@Test
	void aReportWithAFileOnThePageIsDownloadedWithItsVietnameseName() throws Exception {
		DirectiveView directive = section("8");
		String page = "/directives/" + directive.id();
		byte[] pdf = pdf();
		mvc.perform(multipart(page + "/units/" + UNIT + "/report").file(new MockMultipartFile("files", "chuong-trinh.exe",
				"application/octet-stream", exe())).with(AccessByRoleIT.unit(UNIT)).with(csrf()).param("status", "COMPLETED")
			.param("text", "Kèm tệp"))
			.andExpect(redirectedUrl(page)).andExpect(flash().attributeExists("problems"));
		assertThat(part(directive).reports()).isEmpty();
		// without its CSRF token the form is refused
		mvc.perform(multipart(page + "/units/" + UNIT + "/report").file(new MockMultipartFile("files", "a.pdf", "application/pdf", pdf))
			.with(AccessByRoleIT.unit(UNIT)).param("text", "Kèm tệp")).andExpect(status().isForbidden());

		String name = "Báo cáo kết quả \"quý\".pdf";
		mvc.perform(multipart(page + "/units/" + UNIT + "/report").file(new MockMultipartFile("files", name, "application/pdf", pdf))
			.file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0]))
			.with(AccessByRoleIT.unit(UNIT)).with(csrf()).param("status", "COMPLETED").param("text", "Đã xong, kèm báo cáo."))
			.andExpect(redirectedUrl(page)).andExpect(flash().attributeExists("notice"));
		Attachments.AttachmentInfo stored = attachments.of(directive.id()).get(0);
		assertThat(stored.fileName()).isEqualTo(name);
		String html = mvc.perform(get(page).with(AccessByRoleIT.office())).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("/directives/" + directive.id() + "/attachments/" + stored.id()).contains("Báo cáo kết quả &quot;quý&quot;.pdf");

		byte[] downloaded = mvc.perform(get(page + "/attachments/" + stored.id()).with(AccessByRoleIT.office()))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"Bao cao ket qua _quy_.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20k%E1%BA%BFt%20qu%E1%BA%A3%20%22qu%C3%BD%22.pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(downloaded).isEqualTo(pdf);
		mvc.perform(get(page + "/attachments/" + stored.id()).with(AccessByRoleIT.unit("ban-dan-van"))).andExpect(status().isForbidden());
	}

	// ---- files ------------------------------------------------------------------------------------------------

	ResponseEntity<String> multipartReport(DirectiveView directive, List<HttpEntity<ByteArrayResource>> files) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("text", "Báo cáo tiến độ, kèm tệp.");
		form.add("done", "false");
		files.forEach(file -> form.add("files", file));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth(UNIT, "demo").exchange(RequestEntity.post(URI.create("http://localhost:" + port + units(directive) + "/report"))
			.headers(headers).body(form), String.class);
	}

	static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
		headers.setContentDispositionFormData("files", name);
		return new HttpEntity<>(new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return name;
			}
		}, headers);
	}

	static byte[] pdf() throws Exception {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new PDPage());
			document.save(out);
			return out.toByteArray();
		}
	}

	/** The start of a Windows program. */
	static byte[] exe() {
		byte[] bytes = new byte[256];
		bytes[0] = 'M';
		bytes[1] = 'Z';
		return bytes;
	}

}
