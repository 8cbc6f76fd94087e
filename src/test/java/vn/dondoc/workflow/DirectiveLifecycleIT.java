package vn.dondoc.workflow;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.dondoc.support.DirectiveStart;
import vn.dondoc.workflow.lifecycle.Dates;
import vn.dondoc.workflow.lifecycle.EmptyFormFieldsMigration;

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

	@Autowired
	DataSource dataSource;

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
			// a finished part is found in the history by the unit its scope held, next to the running one
			assertThat(lifecycle.parts(directive.getId())).extracting(UnitPartStatus::unit)
				.containsExactlyInAnyOrder("ban-to-chuc", "ban-tuyen-giao");
			assertThat(lifecycle.part(directive.getId(), unit).orElseThrow())
				.satisfies(part -> assertThat(part.open()).isFalse())
				.satisfies(part -> assertThat(part.outcome()).isEqualTo(Outcome.ON_TIME));
		}

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(directive.getId()).count()).isZero();
		assertThat(lifecycle.parts(directive.getId())).extracting(UnitPartStatus::outcome).containsExactly(Outcome.ON_TIME, Outcome.ON_TIME);
		// issue 18: the directive's copies of its row and the loop's counters leave no history; what is read keeps it
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(directive.getId()).includeDeleted().list())
			.extracting(HistoricVariableInstance::getName)
			.doesNotContain(VAR_DIRECTIVE_ID, VAR_DOCUMENT_CODE, VAR_DOCUMENT_TITLE, VAR_SECTION, VAR_TEXT, VAR_COORDINATING_UNITS,
					VAR_DEADLINE_TEXT, VAR_DEADLINE_KIND, "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter")
			.contains(VAR_LEAD_UNITS, VAR_ONGOING, VAR_ORIGINAL_DUE_DATE, VAR_DUE_DATE, VAR_UNIT, VAR_REPORTS, VAR_OUTCOME);
		// nor the passage through start and end events and gateways, nor the steps that only enclose a part (the
		// multi-instance, each unit's sub-process: seventh slice); the tasks keep theirs, and the finished parts
		// above were read without them
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(directive.getId()).list())
			.extracting(HistoricActivityInstance::getActivityType)
			.doesNotContain("startEvent", "noneEndEvent", "exclusiveGateway", "multiInstanceBody", "subProcess")
			.contains("userTask");
		// each part's unit has one history row, its scope's: the multi-instance's copy left none
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(directive.getId()).variableName(VAR_UNIT).list())
			.hasSize(2);
	}

	@Test
	void jobExecutorFiresTheOverdueTimerAndTheOfficeGetsAFollowUp() {
		// due yesterday: the overdue timer is due at once and the application's job executor runs it
		ProcessInstance directive = start("IT/2", List.of("quan-uy-le-chan"), LocalDate.now(Dates.ZONE).minusDays(1));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_FOLLOW_UP_LATE).count() == 1);
		assertThat(lifecycle.part(directive.getId(), "quan-uy-le-chan").orElseThrow().late()).isTrue();
		Task followUp = taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_FOLLOW_UP_LATE).singleResult();
		lifecycle.recordFollowUp(followUp.getId(), "Đã gọi điện cho đồng chí Chánh Văn phòng", "admin");
		assertThat(runtimeService.getVariableLocal(unitScope(directive, "quan-uy-le-chan"), VAR_FOLLOW_UP_NOTE))
			.isEqualTo("Đã gọi điện cho đồng chí Chánh Văn phòng");

		LocalDate extended = LocalDate.now(Dates.ZONE).plusDays(20);
		lifecycle.requestExtension(directive.getId(), "quan-uy-le-chan", extended, "Chờ số liệu", "quan-uy-le-chan");
		Task review = taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_REVIEW_EXTENSION).singleResult();
		lifecycle.approveExtension(review.getId(), null, "admin");

		assertThat(carryOut(directive, "quan-uy-le-chan").getDueDate()).isEqualTo(Dates.endOfDay(extended));
		UnitPartStatus part = lifecycle.part(directive.getId(), "quan-uy-le-chan").orElseThrow();
		assertThat(part.late()).isFalse();
		assertThat(part.originalDueDate()).isEqualTo(LocalDate.now(Dates.ZONE).minusDays(1));
		assertNothingSubmittedOn(directive);
	}

	@Test
	void aPartCreatesOnlyItsUnitAndDatesAndWhatItRecordsStaysInItsScope() {
		ProcessInstance directive = start("IT/3", List.of("ban-to-chuc", "ban-tuyen-giao"), LocalDate.now(Dates.ZONE).plusMonths(2));
		Task carryOut = carryOut(directive, "ban-to-chuc");
		String unitScope = unitScope(directive, "ban-to-chuc");
		// issue 18: neither what only dondoc writes (histories, late, outcome…) nor the empty form fields are created,
		// nor copies of what is the directive's (ongoing, the original due date): the part reads them through; nor
		// what is only shown (the unit's name, the date's label: the forms read them from dondoc, sixth slice)
		assertThat(localNames(unitScope)).containsExactlyInAnyOrder(VAR_UNIT, VAR_DUE_DATE);
		// seventh slice: nor what the multi-instance put on the execution above each part (its copy of the unit,
		// its loop counter): below the process instance, the multi-instance's three counters that the engine
		// reads and the two variables of each part, no more
		assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(directive.getId()).list())
			.filteredOn(variable -> !variable.getExecutionId().equals(directive.getId()))
			.extracting(VariableInstance::getName)
			.containsExactlyInAnyOrder("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", VAR_UNIT, VAR_DUE_DATE, VAR_UNIT,
					VAR_DUE_DATE);
		assertThat(lifecycle.part(directive.getId(), "ban-to-chuc").orElseThrow())
			.satisfies(part -> assertThat(part.ongoing()).isFalse())
			.satisfies(part -> assertThat(part.originalDueDate()).isEqualTo(LocalDate.now(Dates.ZONE).plusMonths(2)));

		lifecycle.submitReport(carryOut.getId(), new ResultReport(ReportStatus.COMPLETED, "Đã xong", null), "ban-to-chuc");

		assertThat(localNames(unitScope)).contains(VAR_REPORTS, VAR_REPORT_TEXT, VAR_REPORT_STATUS).doesNotContain(VAR_UNIT_ACTION);
		assertThat(historyService.createHistoricVariableInstanceQuery().executionIdIn(unitScope).variableName(VAR_REPORT_TEXT)
			.singleResult().getValue()).isEqualTo("Đã xong");
		// the office's review form reads the report from the part
		Task review = taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_REVIEW_REPORT).singleResult();
		assertThat(taskService.getVariable(review.getId(), VAR_REPORT_TEXT)).isEqualTo("Đã xong");
		lifecycle.review(review.getId(), ReportReview.returnToUnit("Bổ sung số liệu"), "admin");
		// and the unit's next carryOut form reads the office's comment
		assertThat(taskService.getVariable(carryOut(directive, "ban-to-chuc").getId(), VAR_REVIEW_COMMENT)).isEqualTo("Bổ sung số liệu");
		assertThat(localNames(unitScope)).doesNotContain(VAR_REVIEW_DECISION);

		// what was submitted never reached the process instance, shared by the other unit: not even its history
		assertNothingSubmittedOn(directive);
		assertThat(taskService.getVariable(carryOut(directive, "ban-tuyen-giao").getId(), VAR_REPORT_TEXT)).isNull();
		assertThat(taskService.getVariable(carryOut(directive, "ban-tuyen-giao").getId(), VAR_REPORTS)).isNull();
	}

	@Test
	void partsStartedBeforeIssue18LoseOnlyTheirEmptyFormFieldsAndRunToTheEnd() throws Exception {
		ProcessInstance directive = start("IT/4", List.of("ban-to-chuc", "ban-tuyen-giao"), LocalDate.now(Dates.ZONE).plusMonths(2));
		// as parts were started before: every submitted field created empty in the unit's scope
		for (String unit : List.of("ban-to-chuc", "ban-tuyen-giao")) {
			Map<String, Object> before = new HashMap<>();
			for (String name : SUBMITTED_FIELDS) {
				before.put(name, null);
			}
			before.put(VAR_ONGOING, false);
			before.put(VAR_ORIGINAL_DUE_DATE, Dates.endOfDay(LocalDate.now(Dates.ZONE).plusMonths(1)));
			runtimeService.setVariablesLocal(unitScope(directive, unit), before);
		}
		// one unit reported and had its report returned with a comment before the upgrade
		lifecycle.submitReport(carryOut(directive, "ban-to-chuc").getId(), new ResultReport(ReportStatus.COMPLETED, "Lần 1", null),
				"ban-to-chuc");
		Task firstReview = taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_REVIEW_REPORT).singleResult();
		lifecycle.review(firstReview.getId(), ReportReview.returnToUnit("Thiếu số liệu"), "admin");
		String returned = unitScope(directive, "ban-to-chuc");
		String untouched = unitScope(directive, "ban-tuyen-giao");

		int removed;
		try (Connection connection = dataSource.getConnection()) {
			removed = EmptyFormFieldsMigration.removeEmptyFormFields(connection);
		}

		assertThat(removed).isPositive();
		assertThat(localNames(untouched)).containsExactlyInAnyOrder(VAR_UNIT, VAR_ONGOING, VAR_DUE_DATE,
				VAR_ORIGINAL_DUE_DATE, VAR_FOLLOW_UP_NOTE);
		// a part's own copy of its original due date wins over the directive's
		assertThat(lifecycle.part(directive.getId(), "ban-tuyen-giao").orElseThrow().originalDueDate())
			.isEqualTo(LocalDate.now(Dates.ZONE).plusMonths(1));
		// what holds a value stays: the comment the unit's form shows, the report the office accepted or returned
		assertThat(runtimeService.getVariableLocal(returned, VAR_REVIEW_COMMENT)).isEqualTo("Thiếu số liệu");
		assertThat(runtimeService.getVariableLocal(returned, VAR_REPORT_TEXT)).isEqualTo("Lần 1");
		assertThat(taskService.getVariable(carryOut(directive, "ban-to-chuc").getId(), VAR_REVIEW_COMMENT)).isEqualTo("Thiếu số liệu");

		for (String unit : List.of("ban-to-chuc", "ban-tuyen-giao")) {
			lifecycle.submitReport(carryOut(directive, unit).getId(), new ResultReport(ReportStatus.COMPLETED, "Xong: " + unit, null), unit);
			Task review = taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_REVIEW_REPORT).singleResult();
			assertThat(taskService.getVariable(review.getId(), VAR_REPORT_TEXT)).isEqualTo("Xong: " + unit);
			lifecycle.review(review.getId(), ReportReview.accept(null), "admin");
		}
		assertThat(lifecycle.parts(directive.getId())).extracting(UnitPartStatus::outcome).containsExactly(Outcome.ON_TIME, Outcome.ON_TIME);
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(directive.getId()).includeDeleted()
			.variableName(VAR_REPORTS).list()).extracting(HistoricVariableInstance::getExecutionId).containsExactlyInAnyOrder(returned, untouched);
		assertNothingSubmittedOn(directive);
	}

	@Test
	void unitsOfOneDirectiveReportingAtTheSameMomentDoNotMeetOnTheProcessInstance() throws Exception {
		List<String> units = List.of("ban-to-chuc", "ban-tuyen-giao", "ban-dan-van", "ban-noi-chinh");
		List<ProcessInstance> directives = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			directives.add(start("IT/5-" + i, units, LocalDate.now(Dates.ZONE).plusMonths(2)));
		}
		// every unit's carryOut of a directive completed at once from its own thread, as from Tasklist or REST:
		// the submitted fields all land on the one process instance for the moment it takes to apply them
		ExecutorService threads = Executors.newFixedThreadPool(units.size());
		try {
			for (ProcessInstance directive : directives) {
				CyclicBarrier together = new CyclicBarrier(units.size());
				List<Future<?>> done = new ArrayList<>();
				for (String unit : units) {
					String task = carryOut(directive, unit).getId();
					done.add(threads.submit(() -> {
						together.await();
						taskService.complete(task, Map.of(VAR_UNIT_ACTION, ACTION_REPORT, VAR_REPORT_STATUS, "COMPLETED",
								VAR_REPORT_TEXT, "Báo cáo của " + unit));
						return null;
					}));
				}
				for (Future<?> each : done) {
					each.get(60, TimeUnit.SECONDS);
				}
				assertThat(taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(TASK_REVIEW_REPORT).count())
					.isEqualTo(units.size());
				for (String unit : units) {
					assertThat(runtimeService.getVariableLocal(unitScope(directive, unit), VAR_REPORT_TEXT)).isEqualTo("Báo cáo của " + unit);
				}
				assertNothingSubmittedOn(directive);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/** The submitted fields of every part: the carryOut, review and follow-up forms and the extension message. */
	static final List<String> SUBMITTED_FIELDS = List.of(VAR_UNIT_ACTION, VAR_REPORT_TEXT, VAR_REPORT_LINK, VAR_REPORT_STATUS,
			VAR_REVIEW_DECISION, VAR_REVIEW_COMMENT, VAR_END_TRACKING, VAR_REQUESTED_DUE_DATE, VAR_EXTENSION_REASON,
			VAR_EXTENSION_REQUESTED_BY, VAR_EXTENSION_DECISION, VAR_EXTENSION_DECISION_NOTE, VAR_FOLLOW_UP_NOTE);

	/** No submitted field on the process instance, at runtime or in its history (deleted ones included). */
	void assertNothingSubmittedOn(ProcessInstance directive) {
		boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(directive.getId()).count() > 0;
		if (running) {
			assertThat(localNames(directive.getId())).doesNotContainAnyElementsOf(SUBMITTED_FIELDS);
		}
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(directive.getId()).includeDeleted().list())
			.filteredOn(variable -> directive.getId().equals(variable.getExecutionId()))
			.extracting(HistoricVariableInstance::getName)
			.doesNotContainAnyElementsOf(SUBMITTED_FIELDS);
	}

	/** The unit's sub-process instance: the execution holding the unit and its own due date as locals. */
	String unitScope(ProcessInstance directive, String unit) {
		return runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(directive.getId())
			.variableName(VAR_DUE_DATE)
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
		return runtimeService.startProcessInstanceByKey(KEY, id, DirectiveStart.variables(id, units, Dates.endOfDay(due)));
	}

	Task carryOut(ProcessInstance directive, String unit) {
		return taskService.createTaskQuery()
			.processInstanceId(directive.getId())
			.taskDefinitionKey(TASK_CARRY_OUT)
			.taskCandidateGroup(unit)
			.singleResult();
	}

}
