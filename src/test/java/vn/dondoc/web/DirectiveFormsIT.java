package vn.dondoc.web;

import java.util.List;

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
import vn.dondoc.workflow.ExtensionDecision;
import vn.dondoc.workflow.Outcome;
import vn.dondoc.workflow.UnitPartStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The forms of the directive page go through {@link DirectiveLifecycle}, and its refusals come back in Vietnamese. */
@DashboardIT
class DirectiveFormsIT {

	static final String DOCUMENT = "WEB-FORMS";

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

	UnitPartStatus part(DirectiveView directive, String unit) {
		return lifecycle.part(directive.processInstanceId(), unit).orElseThrow();
	}

	String officeTask(DirectiveView directive, String key) {
		return tasks.createTaskQuery().processInstanceId(directive.processInstanceId()).taskDefinitionKey(key).singleResult().getId();
	}

	@Test
	void aUnitReportsAndTheOfficeReturnsThenAcceptsIt() throws Exception {
		DirectiveView directive = section("2");
		String page = "/directives/" + directive.id();
		mvc.perform(post(page + "/units/ban-tuyen-giao/report").with(AccessByRoleIT.unit("ban-tuyen-giao")).with(csrf())
			.param("status", "COMPLETED").param("text", "Đã tổng hợp 42 ý kiến góp ý và gửi Ban Thường vụ."))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("notice", "Đã gửi báo cáo kết quả; Văn phòng sẽ xem xét."));

		String review = officeTask(directive, DirectiveProcess.TASK_REVIEW_REPORT);
		String html = mvc.perform(get(page).with(AccessByRoleIT.office())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(html).contains("Xem xét báo cáo kết quả").contains("Đã tổng hợp 42 ý kiến");
		// returning needs a reason: the lifecycle's refusal is shown, nothing changes
		mvc.perform(post(page + "/tasks/" + review + "/review").with(AccessByRoleIT.office()).with(csrf()).param("decision", "RETURN"))
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attributeExists("problems"));
		assertThat(tasks.createTaskQuery().taskId(review).count()).isOne();
		mvc.perform(post(page + "/tasks/" + review + "/review").with(AccessByRoleIT.office()).with(csrf()).param("decision", "ACCEPT")
			.param("comment", "Đạt yêu cầu")).andExpect(flash().attribute("notice", "Đã chấp nhận báo cáo."));
		assertThat(part(directive, "ban-tuyen-giao").outcome()).isEqualTo(Outcome.ON_TIME);
		String done = mvc.perform(get(page).with(AccessByRoleIT.unit("ban-tuyen-giao"))).andReturn().getResponse().getContentAsString();
		assertThat(done).contains("Hoàn thành đúng hạn").contains("Chấp nhận báo cáo").doesNotContain("report-form");
	}

	@Test
	void theOfficeRejectsAnExtensionOnlyWithAReason() throws Exception {
		DirectiveView directive = section("1");
		String page = "/directives/" + directive.id();
		mvc.perform(post(page + "/units/ban-to-chuc/extension").with(AccessByRoleIT.unit("ban-to-chuc")).with(csrf())
			.param("newDueDate", "không phải ngày").param("reason", "…"))
			.andExpect(flash().attribute("problems", List.of("Thời hạn đề nghị phải là một ngày dạng dd/MM/yyyy (bạn nhập: 'không phải ngày')")));
		mvc.perform(post(page + "/units/ban-to-chuc/extension").with(AccessByRoleIT.unit("ban-to-chuc")).with(csrf())
			.param("newDueDate", WebDates.DAY.format(Documents.today().plusDays(60))).param("reason", "Chờ ý kiến Thường trực"))
			.andExpect(flash().attributeExists("notice"));
		assertThat(part(directive, "ban-to-chuc").extensionPending()).isTrue();

		String decision = officeTask(directive, DirectiveProcess.TASK_REVIEW_EXTENSION);
		mvc.perform(post(page + "/tasks/" + decision + "/extension").with(AccessByRoleIT.office()).with(csrf()).param("decision", "REJECT"))
			.andExpect(flash().attributeExists("problems"));
		mvc.perform(post(page + "/tasks/" + decision + "/extension").with(AccessByRoleIT.office()).with(csrf()).param("decision", "REJECT")
			.param("note", "Thời hạn do Ban Thường vụ ấn định")).andExpect(flash().attribute("notice", "Đã không đồng ý gia hạn."));
		UnitPartStatus part = part(directive, "ban-to-chuc");
		assertThat(part.extensions()).last().extracting(e -> e.decision()).isEqualTo(ExtensionDecision.REJECTED);
		assertThat(part.dueDate()).isEqualTo(Documents.today().plusDays(20));
	}

}
