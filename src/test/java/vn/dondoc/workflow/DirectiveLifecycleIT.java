package vn.dondoc.workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.dondoc.workflow.lifecycle.Dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.dondoc.directive.DirectiveProcess.*;

/** The models in bpmn/ as the application deploys them run with the real engine, job executor and forms. */
@SpringBootTest(properties = { "dondoc.data-dir=target/it-data/h2-${random.uuid}", "dondoc.mail.embedded-port=0",
		"dondoc.demo.enabled=false" })
@RecordApplicationEvents
class DirectiveLifecycleIT {

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FormService formService;

	@Autowired
	DirectiveLifecycle lifecycle;

	@Autowired
	HistoryService historyService;

	@Autowired
	ApplicationEvents events;

	@Test
	void deployedDirectiveRunsFromReportToAcceptanceWithItsForms() {
		ProcessInstance directive = start("IT/1", List.of("ban-to-chuc", "ban-tuyen-giao"), LocalDate.now(Dates.ZONE).plusMonths(2));

		for (String unit : List.of("ban-to-chuc", "ban-tuyen-giao")) {
			Task carryOut = carryOut(directive, unit);
			assertThat(formService.getDeployedTaskForm(carryOut.getId())).as("Camunda Form deployed on its own, bound by latest").isNotNull();
			lifecycle.submitReport(carryOut.getId(), new ResultReport(ReportStatus.COMPLETED, "Đã hoàn thành: " + unit, null), unit);
			Task review = taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_REVIEW_REPORT).singleResult();
			assertThat(formService.getDeployedTaskForm(review.getId())).isNotNull();
			lifecycle.review(review.getId(), ReportReview.accept(null), "admin");
		}

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(directive.getId()).count()).isZero();
		assertThat(lifecycle.parts(directive.getId())).extracting(UnitPartStatus::outcome).containsExactly(Outcome.ON_TIME, Outcome.ON_TIME);
	}

	@Test
	void jobExecutorFiresTheOverdueTimerAndTheOfficeGetsAFollowUp() {
		// due yesterday: the overdue timer is due at once and the application's job executor runs it
		ProcessInstance directive = start("IT/2", List.of("quan-uy-le-chan"), LocalDate.now(Dates.ZONE).minusDays(1));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_FOLLOW_UP_LATE).count() == 1);
		assertThat(lifecycle.part(directive.getId(), "quan-uy-le-chan").orElseThrow().late()).isTrue();

		LocalDate extended = LocalDate.now(Dates.ZONE).plusDays(20);
		lifecycle.requestExtension(directive.getId(), "quan-uy-le-chan", extended, "Chờ số liệu", "quan-uy-le-chan");
		Task review = taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_REVIEW_EXTENSION).singleResult();
		lifecycle.approveExtension(review.getId(), null, "admin");

		assertThat(carryOut(directive, "quan-uy-le-chan").getDueDate()).isEqualTo(Dates.endOfDay(extended));
		UnitPartStatus part = lifecycle.part(directive.getId(), "quan-uy-le-chan").orElseThrow();
		assertThat(part.late()).isFalse();
		assertThat(part.originalDueDate()).isEqualTo(LocalDate.now(Dates.ZONE).minusDays(1));
	}

	@Test
	void aPartCreatesOnlyItsDatesAndFormFieldsAndWhatItRecordsStaysInItsScope() {
		ProcessInstance directive = start("IT/3", List.of("ban-to-chuc", "ban-tuyen-giao"), LocalDate.now(Dates.ZONE).plusMonths(2));
		Task carryOut = carryOut(directive, "ban-to-chuc");
		String unitScope = unitScope(directive, "ban-to-chuc");
		// issue 18: what only dondoc writes (histories, late, outcome…) is not created before it has a value
		assertThat(localNames(unitScope)).containsExactlyInAnyOrder(VAR_UNIT, VAR_UNIT_NAME, VAR_ONGOING, VAR_DUE_DATE,
				VAR_ORIGINAL_DUE_DATE, VAR_DUE_DATE_LABEL, VAR_UNIT_ACTION, VAR_REPORT_TEXT, VAR_REPORT_LINK, VAR_REPORT_STATUS,
				VAR_REVIEW_DECISION, VAR_REVIEW_COMMENT, VAR_END_TRACKING, VAR_REQUESTED_DUE_DATE, VAR_EXTENSION_REASON,
				VAR_EXTENSION_REQUESTED_BY, VAR_EXTENSION_DECISION, VAR_EXTENSION_DECISION_NOTE, VAR_FOLLOW_UP_NOTE);
		// and an empty form field has no history row until it is filled in
		assertThat(historyService.createHistoricVariableInstanceQuery().executionIdIn(unitScope).variableName(VAR_REPORT_TEXT).count()).isZero();

		lifecycle.submitReport(carryOut.getId(), new ResultReport(ReportStatus.COMPLETED, "Đã xong", null), "ban-to-chuc");

		assertThat(localNames(unitScope)).contains(VAR_REPORTS);
		assertThat(historyService.createHistoricVariableInstanceQuery().executionIdIn(unitScope).variableName(VAR_REPORT_TEXT)
			.singleResult().getValue()).isEqualTo("Đã xong");
		// nothing a part records lands on the process instance, shared by the other unit
		assertThat(localNames(directive.getId())).doesNotContain(VAR_REPORTS, VAR_REPORT_TEXT, VAR_REPORT_STATUS, VAR_UNIT_ACTION);
		assertThat(taskService.getVariable(carryOut(directive, "ban-tuyen-giao").getId(), VAR_REPORT_TEXT)).isNull();
		assertThat(taskService.getVariable(carryOut(directive, "ban-tuyen-giao").getId(), VAR_REPORTS)).isNull();
	}

	/** The unit's sub-process instance: the execution holding the unit as a local that is not a loop's element. */
	String unitScope(ProcessInstance directive, String unit) {
		return runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(directive.getId())
			.variableName(VAR_DUE_DATE_LABEL)
			.list()
			.stream()
			.filter(variable -> unit.equals(runtimeService.getVariableLocal(variable.getExecutionId(), VAR_UNIT)))
			.map(VariableInstance::getExecutionId)
			.findFirst()
			.orElseThrow();
	}

	List<String> localNames(String executionId) {
		return new ArrayList<>(runtimeService.getVariablesLocal(executionId).keySet());
	}

	@Test
	void templatedNotificationStepPublishesItsRequest() {
		ProcessInstance collection = runtimeService.startProcessInstanceByKey("quarterlyReport",
				Map.of("unit", "ban-dan-van", "quarter", "Quý III/2025"));

		assertThat(events.stream(NotificationRequested.class)).singleElement().satisfies(request -> {
			assertThat(request.recipientUnits()).containsExactly("ban-dan-van");
			assertThat(request.subject()).isEqualTo("Đề nghị gửi báo cáo Quý III/2025");
			assertThat(request.processInstanceId()).isEqualTo(collection.getId());
		});
		Task task = taskService.createTaskQuery().processInstanceId(collection.getId()).singleResult();
		assertThat(task.getDueDate()).isNotNull();
		assertThat(formService.getDeployedTaskForm(task.getId())).isNotNull();
	}

	ProcessInstance start(String id, List<String> units, LocalDate due) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(VAR_DIRECTIVE_ID, id);
		variables.put(VAR_DOCUMENT_CODE, "IT");
		variables.put(VAR_DOCUMENT_TITLE, "Văn bản thử");
		variables.put(VAR_SECTION, "1");
		variables.put(VAR_TEXT, "Nhiệm vụ thử");
		variables.put(VAR_LEAD_UNITS, new ArrayList<>(units));
		variables.put(VAR_COORDINATING_UNITS, new ArrayList<String>());
		variables.put(VAR_DUE_DATE, Dates.endOfDay(due));
		variables.put(VAR_ORIGINAL_DUE_DATE, Dates.endOfDay(due));
		variables.put(VAR_DEADLINE_TEXT, "thử");
		variables.put(VAR_DEADLINE_KIND, "FIXED_DATE");
		variables.put(VAR_ONGOING, false);
		return runtimeService.startProcessInstanceByKey(KEY, id, variables);
	}

	Task carryOut(ProcessInstance directive, String unit) {
		return taskService.createTaskQuery()
			.processInstanceId(directive.getId())
			.taskDefinitionKey(TASK_CARRY_OUT)
			.taskCandidateGroup(unit)
			.singleResult();
	}

}
