package vn.dondoc.web;

import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dondoc.web.AccessByRoleIT.office;
import static vn.dondoc.web.AccessByRoleIT.unit;

/**
 * «Khởi tạo công việc»: the tracking office starts the quarterly report from its start form, by the Camunda
 * grants of {@code CamundaGrants}; a unit without the grant sees nothing to start and is refused; a bad
 * value is named and starts nothing; the directive process is never offered; a process an administrator deploys
 * from Camunda Modeler while dondoc runs may be started by the office at once, not by a unit.
 */
@DashboardIT
class StartWorkIT {

	static final String QUARTERLY = "quarterlyReport";

	@Autowired
	MockMvc mvc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ObjectMapper json;

	@Test
	void officeStartsTheQuarterlyReportFromItsForm() throws Exception {
		String page = mvc.perform(get("/processes/start").with(office())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"start-work-link\"").contains("Thu thập báo cáo quý").contains("Đơn vị").contains("Quý")
			.contains("Ví dụ: Quý II/2023")
			// the unit is chosen by its name; its code and the Tasklist hint about codes are not shown
			.containsPattern("<select name=\"unit\"[^>]*class=\"unit-choice\"")
			.contains("<option value=\"ban-to-chuc\">Ban Tổ chức Thành ủy</option>")
			.doesNotContain("ví dụ ban-to-chuc")
			.doesNotContain("Theo dõi thực hiện nhiệm vụ")
			.doesNotContain("id=\"none\"");

		String location = mvc.perform(post("/processes/start/" + QUARTERLY).param("unit", "ban-to-chuc").param("quarter", "Quý IV/2026")
				.with(office()).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/processes/start?started=");
		String instanceId = location.substring(location.indexOf('=') + 1);

		Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
		assertThat(task.getTaskDefinitionKey()).isEqualTo("submitQuarterlyReport");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("ban-to-chuc").count()).isEqualTo(1);
		assertThat(runtime.getVariable(instanceId, "unit")).isEqualTo("ban-to-chuc");
		assertThat(runtime.getVariable(instanceId, "quarter")).isEqualTo("Quý IV/2026");
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getStartUserId())
			.isEqualTo("vanphong");

		String confirmation = mvc.perform(get(location).with(office())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(confirmation).contains("Đã khởi tạo «Thu thập báo cáo quý»").contains("Gửi báo cáo quý")
			.contains("Ban Tổ chức Thành ủy").containsPattern("hạn\\s*<strong>\\d{2}/\\d{2}/\\d{4}</strong>");
		// someone else does not read it
		String other = mvc.perform(get(location).with(unit("ban-to-chuc"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(other).doesNotContain("Đã khởi tạo");
	}

	@Test
	void aUnitWithoutTheGrantSeesNothingAndIsRefused() throws Exception {
		long before = runtime.createProcessInstanceQuery().processDefinitionKey(QUARTERLY).count();
		String page = mvc.perform(get("/processes/start").with(unit("ban-to-chuc"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"none\"").doesNotContain("Thu thập báo cáo quý").doesNotContain("id=\"start-work-link\"");
		String refused = mvc.perform(post("/processes/start/" + QUARTERLY).param("unit", "ban-to-chuc").param("quarter", "Quý IV/2026")
				.with(unit("ban-to-chuc")).with(csrf()))
			.andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Không có quyền").contains("không được khởi tạo quy trình");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(QUARTERLY).count()).isEqualTo(before);
	}

	@Test
	void theDirectiveProcessIsNeverStartedByHand() throws Exception {
		long before = runtime.createProcessInstanceQuery().processDefinitionKey("directive").count();
		mvc.perform(post("/processes/start/directive").with(office()).with(csrf())).andExpect(status().isForbidden());
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("directive").count()).isEqualTo(before);
	}

	@Test
	void aBadValueIsNamedAndStartsNothing() throws Exception {
		long before = runtime.createProcessInstanceQuery().processDefinitionKey(QUARTERLY).count();
		String page = mvc.perform(post("/processes/start/" + QUARTERLY).param("unit", "Ban Tổ chức").param("quarter", "")
				.with(office()).with(csrf()))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Chưa khởi tạo").contains("«Đơn vị» không đúng dạng yêu cầu: «Ban Tổ chức»")
			.contains("Chưa nhập «Quý» (bắt buộc).");
		// a unit chosen from the list stays chosen when the form comes back with a mistake
		String kept = mvc.perform(post("/processes/start/" + QUARTERLY).param("unit", "ban-to-chuc").param("quarter", "")
				.with(office()).with(csrf()))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(kept).containsPattern("<option value=\"ban-to-chuc\" selected=\"selected\">Ban Tổ chức Thành ủy</option>");
		String unknown = mvc.perform(post("/processes/start/" + QUARTERLY).param("unit", "ban-khong-co").param("quarter", "Quý IV/2026")
				.with(office()).with(csrf()))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(unknown).contains("«Đơn vị»: không có đơn vị «ban-khong-co» trong danh mục đơn vị");
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(QUARTERLY).count()).isEqualTo(before);
	}

	@Test
	void aProcessDeployedFromModelerIsStartedByTheOfficeAtOnce() throws Exception {
		ModelledWork model = ModelledWork.deploy(rest, runtime, tasks);

		// offered to the office on «Khởi tạo công việc» without a restart; not to a unit
		assertThat(mvc.perform(get("/processes/start").with(office())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("id=\"process-" + model.key() + "\"");
		assertThat(mvc.perform(get("/processes/start").with(unit("ban-to-chuc"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).doesNotContain("id=\"process-" + model.key() + "\"");

		// started as Tasklist or any REST client starts it, under the office's own account
		String variables = """
				{"variables": {
				  "unit": {"value": "ban-to-chuc", "type": "String"},
				  "dueDate": {"value": "2027-01-05T17:00:00.000+0700", "type": "Date"}}}""";
		ResponseEntity<String> started = rest.withBasicAuth("vanphong", "demo")
			.postForEntity("/engine-rest/process-definition/key/" + model.key() + "/start", jsonEntity(variables), String.class);
		assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
		String instanceId = json.readTree(started.getBody()).path("id").asText();
		assertThat(tasks.createTaskQuery().processInstanceId(instanceId).taskCandidateGroup("ban-to-chuc").count()).isEqualTo(1);
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getStartUserId())
			.isEqualTo("vanphong");

		ResponseEntity<String> unitTries = rest.withBasicAuth("ban-to-chuc", "demo")
			.postForEntity("/engine-rest/process-definition/key/" + model.key() + "/start", jsonEntity(variables), String.class);
		assertThat(unitTries.getStatusCode().value()).isEqualTo(403);
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(model.key()).count()).isEqualTo(1);
	}

	private static HttpEntity<String> jsonEntity(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	@Test
	void aDateIsTheEndOfThatDayInVietnam() {
		StartForm form = StartForm.read("""
				{"components": [{"type": "datetime", "subtype": "date", "dateLabel": "Hạn báo cáo", "key": "due",
				  "validate": {"required": true}},
				 {"type": "number", "key": "count", "label": "Số bản", "decimalDigits": 0, "validate": {"min": 1}},
				 {"type": "select", "key": "kind", "label": "Loại", "values": [{"label": "Quý", "value": "q"}]},
				 {"type": "checkbox", "key": "urgent", "label": "Khẩn"}]}""", new com.fasterxml.jackson.databind.ObjectMapper());
		assertThat(form.unsupported()).isEmpty();
		StartForm.Filled filled = form.fill(java.util.Map.of("due", "30/06/2026", "count", "3", "kind", "q", "urgent", "true"));
		assertThat(filled.errors()).isEmpty();
		assertThat(filled.variables().get("due")).isEqualTo(Date.from(java.time.Instant.parse("2026-06-30T16:59:59Z")));
		assertThat(filled.variables().get("count")).isEqualTo(3L);
		assertThat(filled.variables().get("urgent")).isEqualTo(true);
		StartForm.Filled bad = form.fill(java.util.Map.of("due", "31/02/2026", "count", "0", "kind", "x"));
		assertThat(bad.errors()).containsOnlyKeys("due", "count", "kind");
		assertThat(bad.errors().get("due")).contains("«Hạn báo cáo»").contains("dd/MM/yyyy");
		assertThat(bad.errors().get("count")).contains("«Số bản» không được nhỏ hơn 1");
		assertThat(bad.variables()).isEmpty();
	}

}
