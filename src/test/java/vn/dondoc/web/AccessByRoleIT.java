package vn.dondoc.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.security.NewTaskAuthorizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each page and endpoint for each role: the admin and the tracking office see every unit; a unit member
 * sees and acts on its own unit's directives only, through the dashboard, {@code /api} and
 * {@code /engine-rest} alike.
 */
@DashboardIT
class AccessByRoleIT {

	static final String DOCUMENT = "WEB-ACCESS";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	TaskService tasks;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Autowired
	ObjectMapper json;

	DirectiveView banToChuc;

	DirectiveView banTuyenGiao;

	@BeforeEach
	void importTheDocument() {
		importer.importDocument(Documents.of(DOCUMENT), "yaml", "test", false);
		List<DirectiveView> directives = catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, null, null), 0, 10).items();
		banToChuc = directives.stream().filter(d -> d.section().equals("1")).findFirst().orElseThrow();
		banTuyenGiao = directives.stream().filter(d -> d.section().equals("2")).findFirst().orElseThrow();
	}

	static RequestPostProcessor unit(String code) {
		return SecurityMockMvcRequestPostProcessors.user(code).authorities(new SimpleGrantedAuthority("GROUP_" + code));
	}

	static RequestPostProcessor office() {
		return SecurityMockMvcRequestPostProcessors.user("vanphong").authorities(new SimpleGrantedAuthority("GROUP_tracking-office"));
	}

	// ---- anonymous -------------------------------------------------------------------------------------

	@Test
	void pagesAskForTheLoginFormAndTheApiForBasic() throws Exception {
		mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
		mvc.perform(get("/directives/" + banToChuc.id())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/v3/api-docs/dondoc")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/directives")).andExpect(status().isUnauthorized());
		String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(login).contains("Đăng nhập").contains("Tên đăng nhập").contains("name=\"_csrf\"");
	}

	@Test
	void theLoginFormChecksCamundaPasswordsAndNeedsItsCsrfToken() throws Exception {
		mvc.perform(formLogin("/login").user("ban-to-chuc").password("demo")).andExpect(redirectedUrl("/"));
		// another account: Camunda delays the next logins of a user after a wrong password
		mvc.perform(formLogin("/login").user("ban-noi-chinh").password("sai")).andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").param("username", "ban-to-chuc").param("password", "demo")).andExpect(status().isForbidden());
		mvc.perform(formLogin("/login").user("vanphong").password("demo")).andExpect(redirectedUrl("/"));
	}

	// ---- unit member -----------------------------------------------------------------------------------

	@Test
	void aUnitMemberGets403OnAnotherUnitsDirectiveInTheDashboard() throws Exception {
		mvc.perform(get("/directives/" + banTuyenGiao.id()).with(unit("ban-to-chuc")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("không thuộc đơn vị của bạn")));
		mvc.perform(get("/directives/" + banToChuc.id()).with(unit("ban-to-chuc"))).andExpect(status().isOk());
		// the coordinating unit sees the directive, but has no form to act on it
		String coordinating = mvc.perform(get("/directives/" + banToChuc.id()).with(unit("ban-tuyen-giao")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(coordinating).doesNotContain("extension-form").doesNotContain("report-form");
		mvc.perform(get("/directives").param("unit", "ban-tuyen-giao").with(unit("ban-to-chuc"))).andExpect(status().isForbidden());
		mvc.perform(get("/directives/999999").with(unit("ban-to-chuc"))).andExpect(status().isNotFound());
	}

	@Test
	void aUnitMemberCannotActOnAnotherUnitsPartNorDecideAsTheOffice() throws Exception {
		mvc.perform(post("/directives/" + banTuyenGiao.id() + "/units/ban-tuyen-giao/extension").with(unit("ban-to-chuc")).with(csrf())
			.param("newDueDate", "31/12/2099").param("reason", "không phải việc của tôi")).andExpect(status().isForbidden());
		mvc.perform(post("/directives/" + banToChuc.id() + "/units/ban-tuyen-giao/report").with(unit("ban-tuyen-giao")).with(csrf())
			.param("text", "đơn vị phối hợp không báo cáo thay")).andExpect(status().isForbidden());
		mvc.perform(post("/directives/" + banToChuc.id() + "/tasks/any/extension").with(unit("ban-to-chuc")).with(csrf())
			.param("decision", "APPROVE")).andExpect(status().isForbidden());
		// no CSRF token, no action
		mvc.perform(post("/directives/" + banToChuc.id() + "/units/ban-to-chuc/extension").with(unit("ban-to-chuc"))
			.param("newDueDate", "31/12/2099").param("reason", "thiếu mã CSRF")).andExpect(status().isForbidden());
	}

	@Test
	void aUnitMemberSeesOnlyItsOwnUnitInTheList() throws Exception {
		String list = mvc.perform(get("/directives").param("document", DOCUMENT).with(unit("ban-to-chuc")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("/directives/" + banToChuc.id() + "\"").doesNotContain("/directives/" + banTuyenGiao.id() + "\"");
		String overview = mvc.perform(get("/").param("document", DOCUMENT).with(unit("ban-to-chuc")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(overview).contains("data-unit=\"ban-to-chuc\"").doesNotContain("data-unit=\"ban-tuyen-giao\"");
	}

	@Test
	void aUnitMemberGets403OnAnotherUnitsDirectiveThroughTheApi() throws Exception {
		ResponseEntity<String> other = rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/api/directives/" + banTuyenGiao.id(), String.class);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(other.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/api/directives/" + banToChuc.id(), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		JsonNode mine = json.readTree(rest.withBasicAuth("ban-to-chuc", "demo")
			.getForObject("/api/directives?document=" + DOCUMENT, String.class));
		assertThat(mine.get("total").asInt()).isEqualTo(1);
		assertThat(mine.get("items").get(0).get("id").asLong()).isEqualTo(banToChuc.id());
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/api/directives?unit=ban-tuyen-giao", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/api/notifications", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo")
			.getForEntity("/api/notifications?directive=" + banToChuc.businessKey(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

		HttpHeaders yaml = new HttpHeaders();
		yaml.setContentType(MediaType.parseMediaType("application/yaml"));
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo")
			.postForEntity("/api/documents", new HttpEntity<>(Documents.of("WEB-NOT-MINE").getBytes(StandardCharsets.UTF_8), yaml), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void aUnitMemberGetsNoOtherUnitsTaskThroughEngineRestAndTasklistShowsItsOwn() throws Exception {
		Task other = tasks.createTaskQuery().processInstanceId(banTuyenGiao.processInstanceId()).singleResult();
		Task own = tasks.createTaskQuery().processInstanceId(banToChuc.processInstanceId()).singleResult();
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/engine-rest/task/" + other.getId(), String.class)
			.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/engine-rest/process-instance/" + banTuyenGiao.processInstanceId(),
				String.class).getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
		assertThat(rest.withBasicAuth("ban-to-chuc", "demo").getForEntity("/engine-rest/task/" + own.getId(), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode visible = json.readTree(rest.withBasicAuth("ban-to-chuc", "demo").getForObject("/engine-rest/task?maxResults=1000", String.class));
		assertThat(visible.findValuesAsText("id")).contains(own.getId()).doesNotContain(other.getId());
		assertThat(rest.withBasicAuth("vanphong", "demo").getForEntity("/engine-rest/task/" + other.getId(), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(authorizations.isUserAuthorized("ban-to-chuc", List.of("ban-to-chuc"), Permissions.ACCESS, Resources.APPLICATION,
				"tasklist")).isTrue();
		assertThat(authorizations.isUserAuthorized("ban-to-chuc", List.of("ban-to-chuc"), Permissions.ACCESS, Resources.APPLICATION,
				"cockpit")).isFalse();
		assertThat(authorizations.isUserAuthorized("vanphong", List.of("tracking-office"), Permissions.ACCESS, Resources.APPLICATION,
				"cockpit")).isTrue();
		JsonNode filters = json.readTree(rest.withBasicAuth("ban-to-chuc", "demo").getForObject("/engine-rest/filter", String.class));
		assertThat(filters.findValuesAsText("name")).contains("Việc của đơn vị tôi");
	}

	@Test
	void aNewTasksGrantToItsUnitIsTheOneCamundaGivesAStoredTaskAndNoTaskReadFromTheDatabaseCountsAsNew() {
		assertThat(engine.getResourceAuthorizationProvider()).isInstanceOf(NewTaskAuthorizations.Provider.class);
		Task own = tasks.createTaskQuery().processInstanceId(banToChuc.processInstanceId()).singleResult();
		// the unit's grant, made as the import created the task (no look-up)
		Authorization created = grant(own.getId(), "ban-to-chuc");
		// a group added to the stored task: Camunda's own path, look-up first
		tasks.addCandidateGroup(own.getId(), "ban-tuyen-giao");
		try {
			Authorization added = grant(own.getId(), "ban-tuyen-giao");
			assertThat(created.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT).isEqualTo(added.getAuthorizationType());
			assertThat(List.of(created.getPermissions(TaskPermissions.values())))
				.isNotEmpty()
				.containsExactlyInAnyOrderElementsOf(List.of(added.getPermissions(TaskPermissions.values())));
			// the same group again on the stored task: the grant it holds is found and kept, not doubled
			tasks.addCandidateGroup(own.getId(), "ban-to-chuc");
			assertThat(grant(own.getId(), "ban-to-chuc").getId()).isEqualTo(created.getId());
		}
		finally {
			tasks.deleteCandidateGroup(own.getId(), "ban-tuyen-giao");
			authorizations.deleteAuthorization(grant(own.getId(), "ban-tuyen-giao").getId());
		}
		// new in the command that creates it, stored in every later one
		String taskId = engine.getCommandExecutorTxRequired().execute(context -> {
			TaskEntity task = (TaskEntity) tasks.newTask();
			task.setName("Thử quyền của việc mới");
			tasks.saveTask(task);
			assertThat(NewTaskAuthorizations.Provider.isNew(task)).isTrue();
			return task.getId();
		});
		try {
			engine.getCommandExecutorTxRequired().execute(context -> {
				assertThat(NewTaskAuthorizations.Provider.isNew(context.getTaskManager().findTaskById(taskId))).isFalse();
				return null;
			});
		}
		finally {
			tasks.deleteTask(taskId, true);
		}
	}

	private Authorization grant(String taskId, String group) {
		return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).groupIdIn(group).singleResult();
	}

	@Test
	void aUnitMemberCannotOpenTheImportPage() throws Exception {
		mvc.perform(get("/import").with(unit("ban-to-chuc"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/import").file(new MockMultipartFile("file", "x.yml", "application/yaml",
				Documents.of("WEB-NOT-MINE").getBytes(StandardCharsets.UTF_8))).with(unit("ban-to-chuc")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/import/confirm").param("content", Base64.getEncoder()
			.encodeToString(Documents.of("WEB-NOT-MINE").getBytes(StandardCharsets.UTF_8))).with(unit("ban-to-chuc")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(catalog.documents()).noneMatch(d -> d.code().equals("WEB-NOT-MINE"));
		mvc.perform(get("/drafts").with(unit("ban-to-chuc"))).andExpect(status().isForbidden());
		mvc.perform(post("/drafts").param("text", "Giao Ban Tổ chức Thành ủy báo cáo.").with(unit("ban-to-chuc")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDraftPageSaysWhyAFileCannotBeReadAndAnImportProblemBesideItsRow() throws Exception {
		String empty = mvc.perform(multipart("/drafts").file(new MockMultipartFile("file", "rong.docx", "application/octet-stream", new byte[0]))
			.with(office()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(empty).contains("id=\"failure\"").contains("Tệp rỗng");
		String scan = mvc.perform(multipart("/drafts").file(new MockMultipartFile("file", "scan.pdf", "application/pdf", DraftApiIT.imageOnlyPdf()))
			.with(office()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(scan).contains("không có lớp chữ");
		// a row without a lead unit: the import is refused, the problem shown beside the row, nothing stored
		String page = mvc.perform(post("/drafts/import").param("code", "WEB-DRAFT-1").param("title", "Thử").param("issuedOn", "02/12/2026")
			.param("directives[0].section", "1").param("directives[0].text", "Báo cáo kết quả").param("directives[0].lead", "")
			.param("directives[0].deadline", "trong tháng 12/2026").with(office()).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("chưa nhập gì").contains("has-problem");
		assertThat(catalog.documents()).noneMatch(d -> d.code().equals("WEB-DRAFT-1"));
		// the same in YAML, to keep or to import later
		String yaml = mvc.perform(post("/drafts/yaml").param("code", "WEB-DRAFT-1").param("title", "Thử").param("issuedOn", "02/12/2026")
			.param("directives[0].section", "1").param("directives[0].text", "Báo cáo kết quả").param("directives[0].lead", "ban-to-chuc, ban-dan-van")
			.with(office()).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(yaml).contains("code: WEB-DRAFT-1").contains("- ban-to-chuc").contains("- ban-dan-van").contains("text: Báo cáo kết quả");

		// an imported document opens in the same editor, and saving it previews the re-import before anything moves
		String editor = mvc.perform(get("/drafts").param("document", DOCUMENT).with(office()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(editor).contains("id=\"editor\"").contains("value=\"" + DOCUMENT + "\"").contains("value=\"ban-to-chuc\"")
			.contains("Văn bản đã nhập");
		LocalDate before = banToChuc.units().stream().filter(u -> u.role().equals("LEAD")).findFirst().orElseThrow().dueDate();
		String preview = mvc.perform(post("/drafts/import").param("code", DOCUMENT).param("title", "Thông báo kết luận kiểm thử bảng theo dõi")
			.param("issuedOn", Documents.today().minusDays(30).format(DraftPageController.DAY))
			.param("directives[0].section", "1").param("directives[0].text", banToChuc.text()).param("directives[0].lead", "ban-to-chuc")
			.param("directives[0].coordinating", "ban-tuyen-giao").param("directives[0].deadline", "trước ngày "
					+ Documents.today().plusDays(60).format(DraftPageController.DAY))
			.with(office()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(preview).contains("id=\"preview\"").contains("id=\"moves\"").contains("id=\"apply\"").contains("không còn trong văn bản");
		assertThat(catalog.directive(banToChuc.id()).orElseThrow().directive().units().stream().filter(u -> u.role().equals("LEAD")).findFirst()
			.orElseThrow().dueDate()).as("a preview moves nothing").isEqualTo(before);
	}

	// ---- office ----------------------------------------------------------------------------------------

	@Test
	void theOfficeSeesEveryUnit() throws Exception {
		mvc.perform(get("/directives/" + banTuyenGiao.id()).with(office())).andExpect(status().isOk());
		mvc.perform(get("/directives/" + banToChuc.id()).with(office())).andExpect(status().isOk());
		String overview = mvc.perform(get("/").param("document", DOCUMENT).with(office()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(overview).contains("data-unit=\"ban-to-chuc\"").contains("data-unit=\"ban-tuyen-giao\"").contains("data-unit=\"ban-dan-van\"")
			.contains("id=\"timeline\"");
		JsonNode all = json.readTree(rest.withBasicAuth("vanphong", "demo").getForObject("/api/directives?document=" + DOCUMENT, String.class));
		assertThat(all.get("total").asInt()).isEqualTo(4);
		assertThat(rest.withBasicAuth("vanphong", "demo").getForEntity("/api/directives/" + banTuyenGiao.id(), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/api/directives/" + banTuyenGiao.id(), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void onlyTheAdminReachesTheActuatorBesidesHealth() {
		for (String user : List.of("ban-to-chuc", "vanphong")) {
			assertThat(rest.withBasicAuth(user, "demo").getForEntity("/actuator/quartz/jobs/dondoc", String.class).getStatusCode())
				.as(user).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(rest.withBasicAuth(user, "demo").getForEntity("/actuator/metrics", String.class).getStatusCode())
				.as(user).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(rest.withBasicAuth(user, "demo").exchange("/actuator/quartz/jobs/dondoc/reminder-sweep", HttpMethod.POST,
					new HttpEntity<>(Map.of("state", "running")), String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(rest.withBasicAuth(user, "demo").getForEntity("/actuator/health", String.class).getStatusCode())
				.as(user).isEqualTo(HttpStatus.OK);
		}
		assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/actuator/quartz/jobs/dondoc", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/actuator/metrics/dondoc.reminders.restored", String.class)
			.getBody()).contains("\"name\":\"dondoc.reminders.restored\"");
	}

	@Test
	void aBadParameterInADashboardAddressGetsAPageNotJson() throws Exception {
		String page = mvc.perform(get("/directives").param("page", "<x>").with(office()))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Địa chỉ không hợp lệ").contains("Tham số «page» có giá trị «&lt;x&gt;»")
			.doesNotContain("<x>");
	}

	@Test
	void theDirectivePageEscapesTheDocumentsText() throws Exception {
		String page = mvc.perform(get("/directives/" + banToChuc.id()).with(office())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("&lt;thử nghiệm &amp; kiểm tra&gt;").doesNotContain("<thử nghiệm");
	}

	@Test
	void theImportPageListsEveryProblemAndStartsNothing() throws Exception {
		String page = mvc.perform(multipart("/import").file(new MockMultipartFile("file", "loi.yml", "application/yaml",
				Documents.invalid("WEB-INVALID").getBytes(StandardCharsets.UTF_8))).with(office()).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"problems\"").contains("ban-khong-co").contains("vào một ngày đẹp trời").contains("directives[2].text")
			.contains("chưa nhập gì");
		assertThat(catalog.documents()).noneMatch(d -> d.code().equals("WEB-INVALID"));

		// saved as Latin-1, not UTF-8: refused with the line of the first bad byte, never patched with U+FFFD
		String latin1 = mvc.perform(multipart("/import").file(new MockMultipartFile("file", "latin1.yml", "application/yaml",
				Documents.of("WEB-LATIN1").getBytes(StandardCharsets.ISO_8859_1))).with(office()).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(latin1).contains("id=\"problems\"").contains("Không phải chữ UTF-8 hợp lệ").contains("chưa nhập gì");
		assertThat(catalog.documents()).noneMatch(d -> d.code().equals("WEB-LATIN1"));

		// a valid file is previewed first: what would start, nothing stored until the office confirms
		String preview = mvc.perform(multipart("/import").file(new MockMultipartFile("file", "dung.yml", "application/yaml",
				Documents.of("WEB-IMPORTED").getBytes(StandardCharsets.UTF_8))).with(office()).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(preview).contains("id=\"preview\"").contains("Văn bản mới").contains("id=\"added\"").contains("id=\"apply\"");
		assertThat(catalog.documents()).noneMatch(d -> d.code().equals("WEB-IMPORTED"));
		Matcher content = Pattern.compile("name=\"content\" value=\"([^\"]+)\"").matcher(preview);
		assertThat(content.find()).isTrue();
		String ok = mvc.perform(post("/import/confirm").param("content", content.group(1)).param("fileName", "dung.yml")
			.with(office()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(ok).contains("id=\"result\"").contains("Đã nhập văn bản mới");
		assertThat(catalog.documents()).anyMatch(d -> d.code().equals("WEB-IMPORTED"));

		// a confirmation whose file was tampered with into nonsense is refused, nothing half-done
		String broken = mvc.perform(post("/import/confirm").param("content", "không phải base64!").with(office()).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(broken).contains("id=\"problems\"").contains("hãy chọn lại tệp");
	}

	@Test
	void theExportIsAWorkbookForTheQuarterlyMeeting() throws Exception {
		MvcResult result = mvc.perform(get("/directives/export.xlsx").param("document", DOCUMENT).with(office()))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, org.hamcrest.Matchers.containsString(
					"filename*=UTF-8''Theo%20d%C3%B5i%20nhi%E1%BB%87m%20v%E1%BB%A5")))
			.andReturn();
		assertThat(result.getResponse().getContentType()).startsWith(ExportController.XLSX.toString());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheet("Tổng hợp");
			Row header = sheet.getRow(3);
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Đơn vị chủ trì");
			assertThat(header.getCell(5).getStringCellValue()).isEqualTo("Thời hạn");
			Map<String, Row> byUnit = java.util.stream.IntStream.rangeClosed(4, sheet.getLastRowNum())
				.mapToObj(sheet::getRow)
				.filter(row -> row.getCell(3).getStringCellValue().equals("1"))
				.collect(Collectors.toMap(row -> row.getCell(1).getStringCellValue(), row -> row));
			Cell due = byUnit.get("Ban Tổ chức Thành ủy").getCell(5);
			assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
			assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(Documents.today().plusDays(20));
			assertThat(due.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
			assertThat(sheet.getLastRowNum() - 3).isEqualTo(4);
			assertThat(book.getSheet("Thống kê").getRow(3).getCell(0).getStringCellValue()).isEqualTo("Đơn vị chủ trì");
		}
		// a unit exports its own part only
		MvcResult own = mvc.perform(get("/directives/export.xlsx").param("document", DOCUMENT).with(unit("ban-to-chuc")))
			.andExpect(status().isOk()).andReturn();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(own.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheet("Tổng hợp");
			assertThat(sheet.getLastRowNum() - 3).isEqualTo(1);
			assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Ban Tổ chức Thành ủy");
		}
	}

	@Test
	void theApiIsDescribedForSignedInUsers() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs/dondoc").with(unit("ban-to-chuc"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		// the API's lifecycle calls are described; the dashboard's own form routes are not
		assertThat(docs).contains("/api/directives").contains("/api/documents").contains("\"/api/directives/{id}/units/{unit}/report\"")
			.doesNotContain("\"/directives/{id}/units").doesNotContain("/tasks/{taskId}");
		mvc.perform(get("/swagger-ui.html").with(unit("ban-to-chuc"))).andExpect(status().is3xxRedirection());
		mvc.perform(get("/swagger-ui/index.html").with(unit("ban-to-chuc"))).andExpect(status().isOk());
	}

}
