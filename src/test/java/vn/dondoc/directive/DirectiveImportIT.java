package vn.dondoc.directive;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.ReportReview;
import vn.dondoc.workflow.ReportStatus;
import vn.dondoc.workflow.ResultReport;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents in, process instances out: the seed, validation, idempotence, deadline changes, rollback. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
				"dondoc.demo.enabled=false", "camunda.bpm.job-execution.enabled=false" })
@Import(DirectiveImportIT.FailHalfway.class)
class DirectiveImportIT {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	DirectiveLifecycle lifecycle;

	/** Throws when a directive whose section is "boom" starts: a failure half-way through an import. */
	@TestConfiguration
	static class FailHalfway {

		@EventListener
		void explode(DirectiveStarted started) {
			if (started.businessKey().endsWith("/boom")) {
				throw new IllegalStateException("simulated failure after " + started.businessKey());
			}
		}

	}

	@Test
	void importingTheSeedStartsOneProcessPerDirectiveAndOneTaskPerLeadUnit() throws Exception {
		String seed = Files.readString(Path.of("config/directives/kl-hntu11-kxvi.yml"), StandardCharsets.UTF_8);
		ResponseEntity<String> response = post(seed, "application/yaml");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode result = json.readTree(response.getBody());
		assertThat(result.get("started").asInt()).isEqualTo(28);
		assertThat(result.get("notices").toString()).contains("II.1.2");

		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("directive")
			.processInstanceBusinessKeyLike("KL-HNTU11-KXVI/%").count()).isEqualTo(28);

		Task rotation = carryOut("KL-HNTU11-KXVI/I.2.3.1").get(0);
		assertThat(rotation.getName()).isEqualTo("KL-HNTU11-KXVI mục I.2.3.1 · Ban Tổ chức Thành ủy: thực hiện, báo cáo kết quả");
		assertThat(tasks.getIdentityLinksForTask(rotation.getId())).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("ban-to-chuc"));
		assertThat(day(rotation.getDueDate())).isEqualTo(LocalDate.of(2023, 6, 30));

		Task manuscript = carryOut("KL-HNTU11-KXVI/II.2.1").get(0);
		assertThat(tasks.getIdentityLinksForTask(manuscript.getId())).anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("uy-vien-thanh-uy"));
		assertThat(day(manuscript.getDueDate())).isEqualTo(LocalDate.of(2023, 4, 20));

		// a bullet of I.2 goes to every unit the section addresses, each with its own task
		List<Task> unity = carryOut("KL-HNTU11-KXVI/I.2.1.1");
		assertThat(unity).hasSize(34).allSatisfy(task -> assertThat(day(task.getDueDate())).isEqualTo(LocalDate.of(2023, 6, 30)));
		assertThat(carryOut("KL-HNTU11-KXVI/I.2.1.2"))
			.hasSize(34).allSatisfy(task -> assertThat(day(task.getDueDate())).as("ongoing work reports by quarter")
				.isEqualTo(endOfThisQuarter()));

		// the event deadline is imported without a date and flagged for the office
		JsonNode event = json.readTree(rest.withBasicAuth("admin", "admin")
			.getForObject("/api/directives?document=KL-HNTU11-KXVI&size=100", String.class));
		JsonNode budget = find(event.get("items"), "II.1.2");
		assertThat(budget.get("dueDate").isNull()).isTrue();
		assertThat(budget.get("needsAttention").asBoolean()).isTrue();
		assertThat(budget.get("awaitingEvent").asText()).contains("trình Hội đồng nhân dân thành phố");
		JsonNode rotationView = find(event.get("items"), "I.2.3.1");
		assertThat(rotationView.get("dueDateDisplay").asText()).isEqualTo("30/06/2023");
		assertThat(rotationView.get("status").asText()).isEqualTo("OVERDUE");
		assertThat(rotationView.get("statusLabel").asText()).isEqualTo("quá hạn");
		assertThat(event.get("total").asInt()).isEqualTo(28);

		// and the same document again starts nothing
		ResponseEntity<String> again = post(seed, "application/yaml");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(again.getBody()).get("outcome").asText()).isEqualTo("UNCHANGED");
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("KL-HNTU11-KXVI/%").count()).isEqualTo(28);
	}

	@Test
	void refusesAnInvalidDocumentWholeWithEveryProblemAndStoresNothing() throws Exception {
		String document = """
				code: BAD-1
				title: Văn bản có lỗi
				issuedOn: 2023-04-13
				directives:
				  - section: "1"
				    text: Việc hợp lệ
				    lead: [ban-to-chuc]
				    deadline: trong quý II năm 2023
				  - section: "2"
				    text: Đơn vị không có
				    lead: [ban-khong-co]
				  - section: "3"
				    text: Hạn không đọc được
				    lead: [ban-tuyen-giao]
				    deadline: trong quý V năm 2023
				""";
		ResponseEntity<String> response = post(document, "application/yaml");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		JsonNode problems = json.readTree(response.getBody()).get("problems");
		assertThat(problems).hasSize(2);
		assertThat(problems.get(0).get("path").asText()).isEqualTo("directives[1].lead[0]");
		assertThat(problems.get(0).get("line").asInt()).isEqualTo(11);
		assertThat(problems.get(1).get("path").asText()).isEqualTo("directives[2].deadline");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE code = 'BAD-1'").query(Long.class).single()).isZero();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("BAD-1/%").count()).isZero();
	}

	@Test
	void aFailureHalfwayThroughAnImportLeavesNoProcessInstanceBehind() {
		String document = """
				{"code": "HALF-1", "title": "Thử lỗi giữa chừng", "issuedOn": "2023-04-13", "directives": [
				  {"section": "1", "text": "Một", "lead": ["ban-to-chuc"], "deadline": "trong tháng 5/2023"},
				  {"section": "2", "text": "Hai", "lead": ["ban-tuyen-giao"], "deadline": "trong tháng 5/2023"},
				  {"section": "boom", "text": "Ba", "lead": ["ban-dan-van"], "deadline": "trong tháng 5/2023"},
				  {"section": "4", "text": "Bốn", "lead": ["ban-noi-chinh"], "deadline": "trong tháng 5/2023"}]}
				""";
		ResponseEntity<String> response = post(document, "application/json");

		assertThat(response.getStatusCode().is5xxServerError()).isTrue();
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("HALF-1/%").count()).isZero();
		assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike("HALF-1/%").count()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM directive WHERE document_code = 'HALF-1'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM document WHERE code = 'HALF-1'").query(Long.class).single()).isZero();
	}

	@Test
	void anImportStartsEveryDirectiveOnTheModelsLatestVersion() throws Exception {
		String before = repository.createProcessDefinitionQuery().processDefinitionKey("directive").latestVersion().singleResult().getId();
		String newest = repository.createDeployment().name("directive, a newer version")
			.addInputStream("directive.bpmn", new ByteArrayInputStream(Files.readAllBytes(Path.of("bpmn/directive.bpmn"))))
			.deployWithResult().getDeployedProcessDefinitions().get(0).getId();
		assertThat(newest).isNotEqualTo(before);
		String document = """
				code: VERSION-1
				title: Thử phiên bản mô hình
				issuedOn: 2023-04-13
				directives:
				  - { section: "1", text: Một, lead: [ban-to-chuc], deadline: trong tháng 5/2023 }
				  - { section: "2", text: Hai, lead: [ban-tuyen-giao, ban-dan-van], deadline: trong tháng 6/2023 }
				""";
		assertThat(post(document, "application/yaml").getStatusCode()).isEqualTo(HttpStatus.CREATED);

		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("VERSION-1/%").list())
			.hasSize(2).allSatisfy(instance -> assertThat(instance.getProcessDefinitionId()).isEqualTo(newest));
		assertThat(carryOut("VERSION-1/2")).hasSize(2);
	}

	/**
	 * Issue 18: the process instance holds what the model and the task names need, and no copy of the
	 * directive's row; the Tasklist form reads the document's title, the text and the deadline in words from
	 * dondoc's rows, as they are after a re-import too, and only what it asks for.
	 */
	@Test
	void theTasklistFormOfAnImportedDirectiveReadsTheDirectiveFromDondocsRows() throws Exception {
		String first = """
				code: FORM-1
				title: Kết luận về công tác cán bộ
				issuedOn: 2023-04-13
				directives:
				  - section: "2"
				    text: Rà soát quy hoạch cán bộ
				    lead: [ban-to-chuc]
				    coordinating: [ban-tuyen-giao]
				    deadline: trong tháng 5/2023
				""";
		assertThat(post(first, "application/yaml").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("FORM-1/2").singleResult().getId();
		assertThat(runtime.getVariablesLocal(instance).keySet())
			.contains(DirectiveProcess.VAR_DIRECTIVE_ID, DirectiveProcess.VAR_ORIGINAL_DUE_DATE)
			.doesNotContain(DirectiveProcess.VAR_DUE_DATE)
			.doesNotContain(DirectiveProcess.VAR_DOCUMENT_TITLE, DirectiveProcess.VAR_TEXT, DirectiveProcess.VAR_COORDINATING_UNITS,
					DirectiveProcess.VAR_DEADLINE_TEXT, DirectiveProcess.VAR_DEADLINE_KIND, DirectiveProcess.VAR_LEAD_UNITS,
					DirectiveProcess.VAR_DOCUMENT_CODE, DirectiveProcess.VAR_SECTION);
		// nor what is only shown (sixth slice): the unit's name and the due date's label, nor their history
		assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance)
			.variableNameIn(DirectiveProcess.VAR_UNIT_NAME, DirectiveProcess.VAR_DUE_DATE_LABEL).count()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ IN ('unitName', 'dueDateLabel')")
			.param(instance).query(Long.class).single()).isZero();
		// the lead units were read as the process started (transient): no byte array was written for them
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY b JOIN ACT_RU_VARIABLE v ON v.BYTEARRAY_ID_ = b.ID_ "
				+ "WHERE v.PROC_INST_ID_ = ?").param(instance).query(Long.class).single()).isZero();
		Task task = carryOut("FORM-1/2").get(0);
		assertThat(task.getName()).isEqualTo("FORM-1 mục 2 · Ban Tổ chức Thành ủy: thực hiện, báo cáo kết quả");

		JsonNode form = formVariables(task.getId(), null);
		assertThat(form.path("documentTitle").path("value").asText()).isEqualTo("Kết luận về công tác cán bộ");
		assertThat(form.path("documentTitle").path("type").asText()).isEqualTo("String");
		assertThat(form.path("documentCode").path("value").asText()).isEqualTo("FORM-1");
		assertThat(form.path("section").path("value").asText()).isEqualTo("2");
		assertThat(form.path("directiveText").path("value").asText()).isEqualTo("Rà soát quy hoạch cán bộ");
		assertThat(form.path("deadlineText").path("value").asText()).isEqualTo("trong tháng 5/2023");
		assertThat(form.path("unitName").path("value").asText()).as("from the unit directory").isEqualTo("Ban Tổ chức Thành ủy");
		assertThat(form.path("dueDateLabel").path("value").asText()).as("from the part's due date").isEqualTo("31/05/2023");
		assertThat(form.path("unit").path("value").asText()).as("the part's own variables, as Camunda gives them")
			.isEqualTo("ban-to-chuc");

		JsonNode asked = formVariables(task.getId(), "documentTitle,unitName");
		assertThat(asked.fieldNames()).toIterable().containsExactlyInAnyOrder("documentTitle", "unitName");

		// the office corrects the text: the form shows the corrected one
		assertThat(post(first.replace("Rà soát quy hoạch cán bộ", "Rà soát, bổ sung quy hoạch cán bộ"), "application/yaml")
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(formVariables(task.getId(), null).path("directiveText").path("value").asText())
			.isEqualTo("Rà soát, bổ sung quy hoạch cán bộ");

		// a task opened by a later command is named from dondoc's rows and the unit directory
		tasks.complete(task.getId(), Map.of(DirectiveProcess.VAR_UNIT_ACTION, DirectiveProcess.ACTION_REPORT,
				DirectiveProcess.VAR_REPORT_STATUS, "COMPLETED", DirectiveProcess.VAR_REPORT_TEXT, "Đã rà soát"));
		Task review = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(DirectiveProcess.TASK_REVIEW_REPORT)
			.singleResult();
		assertThat(review.getName()).isEqualTo("FORM-1 mục 2 · Xem xét báo cáo của Ban Tổ chức Thành ủy");
		JsonNode reviewForm = formVariables(review.getId(), "unitName,dueDateLabel,documentCode");
		assertThat(reviewForm.path("unitName").path("value").asText()).isEqualTo("Ban Tổ chức Thành ủy");
		assertThat(reviewForm.path("dueDateLabel").path("value").asText()).isEqualTo("31/05/2023");
		assertThat(reviewForm.path("documentCode").path("value").asText()).isEqualTo("FORM-1");
		assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance)
			.variableNameIn(DirectiveProcess.VAR_UNIT_NAME, DirectiveProcess.VAR_DOCUMENT_CODE, DirectiveProcess.VAR_SECTION).count())
			.as("set for the command only").isZero();
	}

	private JsonNode formVariables(String taskId, String names) throws Exception {
		String path = "/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false"
				+ (names == null ? "" : "&variableNames=" + names);
		ResponseEntity<String> answer = rest.withBasicAuth("admin", "admin").getForEntity(path, String.class);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		return json.readTree(answer.getBody());
	}

	@Test
	void aChangedDeadlineOnReimportMovesTheOpenTasksDueDate() throws Exception {
		String first = """
				code: MOVE-1
				title: Thử đổi hạn
				issuedOn: 2023-04-13
				directives:
				  - section: "1"
				    text: Báo cáo kết quả
				    lead: [ban-to-chuc, ban-tuyen-giao]
				    deadline: trong tháng 5/2023
				""";
		assertThat(post(first, "application/yaml").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(carryOut("MOVE-1/1"))
			.hasSize(2).allSatisfy(task -> assertThat(day(task.getDueDate())).isEqualTo(LocalDate.of(2023, 5, 31)));

		ResponseEntity<String> moved = post(first.replace("tháng 5/2023", "tháng 6/2023"), "application/yaml");
		assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(moved.getBody()).get("updated").asInt()).isEqualTo(1);
		assertThat(carryOut("MOVE-1/1"))
			.hasSize(2).allSatisfy(task -> assertThat(day(task.getDueDate())).isEqualTo(LocalDate.of(2023, 6, 30)));
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("MOVE-1/1").count()).isOne();

		JsonNode units = detail("MOVE-1", "1").get("directive").get("units");
		assertThat(units).allSatisfy(unit -> {
			assertThat(unit.get("dueDate").asText()).isEqualTo("2023-06-30");
			assertThat(unit.get("originalDueDate").asText()).isEqualTo("2023-05-31");
		});
	}

	@Test
	void aDryRunTellsWhatAReimportWouldMoveAndChangesNothingThenTheImportDoesExactlyThat() throws Exception {
		LocalDate today = LocalDate.now(VIETNAM);
		String first = """
				code: DRY-1
				title: Thử xem trước
				issuedOn: %s
				directives:
				  - section: "1"
				    text: Báo cáo sơ kết
				    lead: [ban-to-chuc, ban-tuyen-giao]
				    deadline: trong tháng %s
				  - section: "2"
				    text: Rà soát quy chế
				    lead: [ban-dan-van]
				    deadline: trong tháng %s
				""".formatted(today.minusDays(60), month(today.plusMonths(5)), month(today.plusMonths(6)));
		assertThat(post(first, "application/yaml").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		// the Ban Tuyên giáo was granted more time than the corrected document will give
		LocalDate extended = today.plusMonths(9);
		String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("DRY-1/1").singleResult().getId();
		lifecycle.requestExtension(instance, "ban-tuyen-giao", extended, "Chờ số liệu quý", "ban-tuyen-giao");
		Task review = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(DirectiveProcess.TASK_REVIEW_EXTENSION)
			.singleResult();
		lifecycle.approveExtension(review.getId(), "Đồng ý", "vanphong");
		Map<String, LocalDate> before = dueByUnit("DRY-1/1");
		before.putAll(dueByUnit("DRY-1/2"));
		assertThat(before).containsEntry("ban-tuyen-giao", extended);
		String updatedAt = jdbc.sql("SELECT CAST(updated_at AS VARCHAR(40)) FROM document WHERE code = 'DRY-1'").query(String.class).single();

		// section 1 two months later, section 2 into the past (a wrong year, say), a new section 3
		LocalDate past = today.minusDays(10);
		String corrected = first.replace(month(today.plusMonths(5)), month(today.plusMonths(7)))
			.replace("trong tháng " + month(today.plusMonths(6)), "trước ngày " + past.getDayOfMonth() + "/" + past.getMonthValue() + "/" + past.getYear())
				+ """
				  - section: "3"
				    text: Tổng kết
				    lead: [ban-noi-chinh]
				    deadline: trong tháng %s
				""".formatted(month(today.plusMonths(8)));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"));
		ResponseEntity<String> dry = rest.withBasicAuth("admin", "admin").postForEntity("/api/documents?dryRun=true",
				new HttpEntity<>(corrected.getBytes(StandardCharsets.UTF_8), headers), String.class);
		assertThat(dry.getStatusCode()).as(dry.getBody()).isEqualTo(HttpStatus.OK);
		JsonNode preview = json.readTree(dry.getBody());
		assertThat(preview.get("outcome").asText()).isEqualTo("UPDATED");
		assertThat(preview.get("added").asInt()).isEqualTo(1);
		assertThat(preview.get("updated").asInt()).isEqualTo(2);
		assertThat(preview.get("addedDirectives").get(0).get("section").asText()).isEqualTo("3");
		assertThat(preview.get("addedDirectives").get(0).get("leadUnits").get(0).asText()).isEqualTo("Ban Nội chính Thành ủy");
		Map<String, JsonNode> moves = new HashMap<>();
		preview.get("moves").forEach(move -> moves.put(move.get("unit").asText(), move));
		assertThat(moves).as("the extended part keeps its later date").containsOnlyKeys("ban-to-chuc", "ban-dan-van");
		assertThat(LocalDate.parse(moves.get("ban-to-chuc").get("from").asText())).isEqualTo(before.get("ban-to-chuc"));
		assertThat(LocalDate.parse(moves.get("ban-to-chuc").get("to").asText())).isAfter(before.get("ban-to-chuc"));
		assertThat(moves.get("ban-to-chuc").get("unitName").asText()).isEqualTo("Ban Tổ chức Thành ủy");
		assertThat(moves.get("ban-to-chuc").get("overdueAtOnce").asBoolean()).isFalse();
		assertThat(LocalDate.parse(moves.get("ban-dan-van").get("to").asText())).isBefore(today);
		assertThat(moves.get("ban-dan-van").get("overdueAtOnce").asBoolean()).isTrue();
		assertThat(preview.get("overdueAtOnce").asInt()).isEqualTo(1);
		assertThat(preview.get("needsAttention").asBoolean()).as("a deadline moved into the past").isTrue();
		assertThat(preview.get("notices").toString()).contains("giữ thời hạn đã gia hạn");

		// nothing changed: no new directive, the same due dates, the document as it was
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("DRY-1/%").count()).isEqualTo(2);
		Map<String, LocalDate> afterDryRun = dueByUnit("DRY-1/1");
		afterDryRun.putAll(dueByUnit("DRY-1/2"));
		assertThat(afterDryRun).isEqualTo(before);
		assertThat(jdbc.sql("SELECT CAST(updated_at AS VARCHAR(40)) FROM document WHERE code = 'DRY-1'").query(String.class).single())
			.isEqualTo(updatedAt);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM directive WHERE document_code = 'DRY-1'").query(Long.class).single()).isEqualTo(2);

		// the import does what the preview said, to the day, in Camunda and in dondoc's rows
		ResponseEntity<String> applied = post(corrected, "application/yaml");
		assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(json.readTree(applied.getBody()).get("started").asInt()).isEqualTo(1);
		Map<String, LocalDate> after = dueByUnit("DRY-1/1");
		after.putAll(dueByUnit("DRY-1/2"));
		assertThat(after).containsEntry("ban-to-chuc", LocalDate.parse(moves.get("ban-to-chuc").get("to").asText()))
			.containsEntry("ban-dan-van", LocalDate.parse(moves.get("ban-dan-van").get("to").asText()))
			.containsEntry("ban-tuyen-giao", extended);
		for (String section : List.of("1", "2")) {
			detail("DRY-1", section).get("directive").get("units").forEach(unit -> {
				if (unit.get("role").asText().equals("LEAD")) {
					assertThat(LocalDate.parse(unit.get("dueDate").asText())).as(unit.toString()).isEqualTo(after.get(unit.get("code").asText()));
				}
			});
		}
	}

	private static String month(LocalDate day) {
		return day.getMonthValue() + "/" + day.getYear();
	}

	@Test
	void aReimportThatTurnsDatedWorkIntoOngoingWorkIsRefusedWithItsPlace() throws Exception {
		String first = """
				code: KIND-1
				title: Thử đổi loại thời hạn
				issuedOn: 2023-04-13
				directives:
				  - section: "1"
				    text: Báo cáo
				    lead: [ban-to-chuc]
				    deadline: trong tháng 5/2023
				""";
		assertThat(post(first, "application/yaml").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<String> refused = post(first.replace("trong tháng 5/2023", "thường xuyên"), "application/yaml");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("directives[0].deadline").contains("thường xuyên").contains("mục mới");
		assertThat(dueByUnit("KIND-1/1")).containsEntry("ban-to-chuc", LocalDate.of(2023, 5, 31));
	}

	private Map<String, LocalDate> dueByUnit(String businessKey) {
		Map<String, LocalDate> due = new HashMap<>();
		for (Task task : carryOut(businessKey)) {
			due.put((String) tasks.getVariable(task.getId(), DirectiveProcess.VAR_UNIT), day(task.getDueDate()));
		}
		return due;
	}

	@Test
	void aCompletedPartCountsAsDoneAndTheUnitFilterFindsIt() throws Exception {
		String document = """
				code: DONE-1
				title: Thử hoàn thành
				issuedOn: 2023-04-13
				directives:
				  - section: "1"
				    text: Việc của Ban Dân vận
				    lead: [ban-dan-van]
				    deadline: trước ngày 20/4/2023
				""";
		post(document, "application/yaml");
		Task task = carryOut("DONE-1/1").get(0);
		lifecycle.submitReport(task.getId(), new ResultReport(ReportStatus.COMPLETED, "Đã hoàn thành", null), "ban-dan-van");
		Task review = tasks.createTaskQuery().processInstanceBusinessKey("DONE-1/1").taskDefinitionKey("reviewReport").singleResult();
		lifecycle.review(review.getId(), ReportReview.accept("Đạt yêu cầu"), "vanphong");

		JsonNode page = json.readTree(rest.withBasicAuth("admin", "admin")
			.getForObject("/api/directives?document=DONE-1&unit=ban-dan-van&status=hoàn thành quá hạn", String.class));
		assertThat(page.get("total").asInt()).isOne();
		assertThat(page.get("items").get(0).get("units").get(0).get("status").asText()).isEqualTo("DONE_LATE");

		ResponseEntity<String> bad = rest.withBasicAuth("admin", "admin").getForEntity("/api/directives?status=maybe", String.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).contains("status");
		// an unknown directive: a problem in Vietnamese that names the number, not an empty answer
		ResponseEntity<String> missing = rest.withBasicAuth("admin", "admin").getForEntity("/api/directives/999999", String.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(json.readTree(missing.getBody()).get("detail").asText()).isEqualTo("Không có nhiệm vụ số 999999 trong dondoc.");
	}

	@Test
	void theDatabaseFiltersByStatusAsTheListShowsIt() throws Exception {
		LocalDate today = LocalDate.now(VIETNAM);
		post("""
				code: STATUS-1
				title: Thử lọc theo tình trạng
				issuedOn: %s
				directives:
				  - { section: "1", text: Một đơn vị quá hạn, lead: [ban-dan-van, ban-to-chuc], dueDate: %s }
				  - { section: "2", text: Sắp đến hạn, lead: [ban-dan-van], dueDate: %s }
				  - { section: "3", text: Trong hạn, lead: [ban-to-chuc], coordinating: [ban-dan-van], dueDate: %s }
				  - { section: "4", text: Chờ sự kiện, lead: [ban-noi-chinh], deadline: "trước khi trình HĐND thành phố" }
				  - { section: "5", text: Xong muộn, lead: [ban-tuyen-giao], dueDate: %s }
				  - { section: "6", text: Xong đúng hạn, lead: [ban-tuyen-giao, ban-to-chuc], dueDate: %s }
				""".formatted(today.minusDays(60), today.minusDays(2), today.plusDays(1), today.plusDays(90), today.minusDays(1),
				today.plusDays(90)), "application/yaml");
		for (String[] done : new String[][] { { "STATUS-1/1", "ban-dan-van" }, { "STATUS-1/5", "ban-tuyen-giao" },
				{ "STATUS-1/6", "ban-tuyen-giao" }, { "STATUS-1/6", "ban-to-chuc" } }) {
			Task task = carryOut(done[0]).stream()
				.filter(t -> done[1].equals(tasks.getVariable(t.getId(), DirectiveProcess.VAR_UNIT)))
				.findFirst()
				.orElseThrow();
			lifecycle.submitReport(task.getId(), new ResultReport(ReportStatus.COMPLETED, "Đã hoàn thành", null), done[1]);
			Task review = tasks.createTaskQuery().processInstanceBusinessKey(done[0]).taskDefinitionKey("reviewReport").singleResult();
			lifecycle.review(review.getId(), ReportReview.accept("Đạt yêu cầu"), "vanphong");
		}

		JsonNode all = list("document=STATUS-1");
		assertThat(all.get("total").asInt()).isEqualTo(6);
		Set<String> seen = new HashSet<>();
		for (DirectiveStatus status : DirectiveStatus.values()) {
			List<String> expected = new ArrayList<>();
			all.get("items").forEach(item -> {
				if (item.get("status").asText().equals(status.name())) {
					expected.add(item.get("section").asText());
				}
			});
			seen.addAll(expected.isEmpty() ? List.of() : List.of(status.name()));
			assertThat(sections(list("document=STATUS-1&status=" + status.name()))).as("directives %s", status).isEqualTo(expected);
			for (String unit : List.of("ban-dan-van", "ban-to-chuc", "ban-tuyen-giao", "ban-noi-chinh")) {
				List<String> ofUnit = new ArrayList<>();
				all.get("items").forEach(item -> item.get("units").forEach(part -> {
					if (part.get("code").asText().equals(unit) && status.name().equals(part.get("status").asText())) {
						ofUnit.add(item.get("section").asText());
					}
				}));
				assertThat(sections(list("document=STATUS-1&unit=" + unit + "&status=" + status.name())))
					.as("parts of %s %s", unit, status).isEqualTo(ofUnit);
			}
		}
		assertThat(seen).as("every status occurs").hasSize(DirectiveStatus.values().length);
		assertThat(sections(list("document=STATUS-1&unit=ban-dan-van"))).containsExactly("1", "2", "3");
		assertThat(sections(list("document=STATUS-1&page=1&size=4"))).containsExactly("5", "6");
	}

	@Test
	void listsDocumentsAndUnitsBehindAuthentication() throws Exception {
		assertThat(rest.getForEntity("/api/documents", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/api/units", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		JsonNode units = json.readTree(rest.withBasicAuth("admin", "admin").getForObject("/api/units", String.class));
		assertThat(units).hasSize(37);
		assertThat(units.get(3).get("name").asText()).isEqualTo("Ban Tổ chức Thành ủy");
		assertThat(units.get(3).get("escalatesTo").asText()).isEqualTo("van-phong-thanh-uy");
	}

	private JsonNode list(String query) throws Exception {
		return json.readTree(rest.withBasicAuth("admin", "admin").getForObject("/api/directives?" + query, String.class));
	}

	private static List<String> sections(JsonNode page) {
		List<String> sections = new ArrayList<>();
		page.get("items").forEach(item -> sections.add(item.get("section").asText()));
		return sections;
	}

	private List<Task> carryOut(String businessKey) {
		return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(DirectiveProcess.TASK_CARRY_OUT).list();
	}

	private ResponseEntity<String> post(String body, String contentType) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(contentType + ";charset=UTF-8"));
		return rest.withBasicAuth("admin", "admin").postForEntity("/api/documents",
				new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
	}

	private JsonNode detail(String document, String section) throws Exception {
		JsonNode page = json.readTree(rest.withBasicAuth("admin", "admin").getForObject("/api/directives?document=" + document, String.class));
		long id = find(page.get("items"), section).get("id").asLong();
		return json.readTree(rest.withBasicAuth("admin", "admin").getForObject("/api/directives/" + id, String.class));
	}

	private static JsonNode find(JsonNode items, String section) {
		for (JsonNode item : items) {
			if (item.get("section").asText().equals(section)) {
				return item;
			}
		}
		throw new AssertionError("no directive " + section + " in " + items);
	}

	private static LocalDate endOfThisQuarter() {
		LocalDate today = LocalDate.now(VIETNAM);
		LocalDate quarterStart = today.withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
		return quarterStart.plusMonths(3).minusDays(1);
	}

	private static LocalDate day(Date date) {
		return date.toInstant().atZone(VIETNAM).toLocalDate();
	}

}
