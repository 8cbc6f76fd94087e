package vn.dondoc.workflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.dondoc.workflow.lifecycle.Dates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * Every path of bpmn/directive.bpmn on a bare process engine (camunda.cfg.xml: in-memory H2, no job
 * executor, full history), driven through {@link DirectiveLifecycle} as the dashboard does and through plain
 * task completion as Camunda Tasklist does. Time is moved by hand with {@link ClockUtil}.
 */
@Deployment(resources = { "bpmn/directive.bpmn", "bpmn/carry-out.form", "bpmn/review-report.form", "bpmn/review-extension.form",
		"bpmn/follow-up.form" })
class DirectiveLifecycleTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	static final LocalDate ISSUED = LocalDate.of(2023, 4, 13);

	static final LocalDate DUE = LocalDate.of(2023, 6, 30);

	RuntimeService runtimeService;

	TaskService taskService;

	ManagementService managementService;

	DirectiveLifecycle lifecycle;

	@BeforeEach
	void setUp() {
		init(engine.getProcessEngine());
		runtimeService = engine.getRuntimeService();
		taskService = engine.getTaskService();
		managementService = engine.getManagementService();
		lifecycle = new DirectiveLifecycle(runtimeService, taskService, engine.getHistoryService());
		clockAt(ISSUED, 9);
		TaskEventRecorder.EVENTS.clear();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void acceptedReportCompletesTheUnitsPartOnTime() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);

		Task carryOut = carryOut(directive, "ban-to-chuc");
		assertThat(directive).isWaitingAt(TASK_CARRY_OUT);
		assertThat(carryOut.getDueDate()).isEqualTo(Dates.endOfDay(DUE));
		assertThat(taskService.getIdentityLinksForTask(carryOut.getId())).anyMatch(link -> "ban-to-chuc".equals(link.getGroupId()));

		clockAt(LocalDate.of(2023, 6, 20), 10);
		lifecycle.submitReport(carryOut.getId(), new ResultReport(ReportStatus.COMPLETED, "Đã trình Kế hoạch luân chuyển cán bộ.",
				"https://thanhuy-haiphong.example/ke-hoach"), "to-chuc-1");

		Task review = single(directive, TASK_REVIEW_REPORT);
		assertThat(review.getDueDate()).as("no reminders on the office's review").isNull();
		assertThat(taskService.getIdentityLinksForTask(review.getId())).anyMatch(link -> GROUP_TRACKING_OFFICE.equals(link.getGroupId()));
		lifecycle.review(review.getId(), ReportReview.accept("Đạt yêu cầu"), "vanphong");

		assertThat(directive).isEnded();
		UnitPartStatus part = lifecycle.part(directive.getId(), "ban-to-chuc").orElseThrow();
		assertThat(part.open()).isFalse();
		assertThat(part.outcome()).isEqualTo(Outcome.ON_TIME);
		assertThat(part.reports()).singleElement().satisfies(report -> {
			assertThat(report.status()).isEqualTo(ReportStatus.COMPLETED);
			assertThat(report.submittedBy()).isEqualTo("to-chuc-1");
			assertThat(report.review()).isEqualTo(ReviewDecision.ACCEPT);
			assertThat(report.reviewedBy()).isEqualTo("vanphong");
			assertThat(report.onTime()).isTrue();
		});
	}

	@Test
	void returnedReportGoesBackToTheUnitWithTheSameDueDate() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);
		lifecycle.submitReport(carryOut(directive, "ban-to-chuc").getId(), new ResultReport(ReportStatus.PARTLY_COMPLETED, "Đang làm.", null),
				"to-chuc-1");
		Task review = single(directive, TASK_REVIEW_REPORT);

		assertThatThrownBy(() -> lifecycle.review(review.getId(), ReportReview.returnToUnit(" "), "vanphong"))
			.isInstanceOf(LifecycleRequestRefused.class)
			.hasMessageContaining("cần nêu lý do");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).as("refused: the review stays open").isOne();

		lifecycle.review(review.getId(), ReportReview.returnToUnit("Thiếu danh sách cán bộ luân chuyển"), "vanphong");

		Task again = carryOut(directive, "ban-to-chuc");
		assertThat(again.getDueDate()).isEqualTo(Dates.endOfDay(DUE));
		assertThat(taskService.getVariable(again.getId(), VAR_REVIEW_COMMENT)).isEqualTo("Thiếu danh sách cán bộ luân chuyển");
		assertThat(taskService.getVariable(again.getId(), VAR_UNIT_ACTION)).as("a fresh form").isNull();

		lifecycle.submitReport(again.getId(), new ResultReport(ReportStatus.COMPLETED, "Đã bổ sung danh sách.", null), "to-chuc-1");
		lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.accept(null), "vanphong");

		assertThat(directive).isEnded();
		UnitPartStatus part = lifecycle.parts(directive.getId()).get(0);
		assertThat(part.outcome()).isEqualTo(Outcome.ON_TIME);
		assertThat(part.reports()).extracting(Report::review).containsExactly(ReviewDecision.RETURN, ReviewDecision.ACCEPT);
		assertThat(part.reports().get(0).comment()).isEqualTo("Thiếu danh sách cán bộ luân chuyển");
	}

	@Test
	void approvedExtensionMovesTheOpenTaskDueDateAndTheOverdueTimer() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);
		Task carryOut = carryOut(directive, "ban-to-chuc");
		assertThat(overdueTimer(directive).getDuedate()).isEqualTo(Dates.endOfDay(DUE));

		LocalDate extended = LocalDate.of(2023, 7, 31);
		lifecycle.requestExtension(directive.getId(), "ban-to-chuc", extended, "Chờ ý kiến Ban Thường vụ", "to-chuc-1");

		assertThat(carryOut(directive, "ban-to-chuc").getId()).as("the unit keeps its task").isEqualTo(carryOut.getId());
		Task review = single(directive, TASK_REVIEW_EXTENSION);
		assertThat(review.getDueDate()).isNull();
		assertThat(taskService.getVariable(review.getId(), "pendingDueDateLabel")).isEqualTo("31/07/2023");
		assertThat(lifecycle.parts(directive.getId()).get(0).extensionPending()).isTrue();

		TaskEventRecorder.EVENTS.clear();
		lifecycle.approveExtension(review.getId(), "Đồng ý", "vanphong");

		Task moved = carryOut(directive, "ban-to-chuc");
		assertThat(moved.getId()).isEqualTo(carryOut.getId());
		assertThat(moved.getDueDate()).isEqualTo(Dates.endOfDay(extended));
		assertThat(TaskEventRecorder.EVENTS).as("the reminder engine sees the due date change")
			.anyMatch(e -> e.event().equals("update") && e.taskId().equals(carryOut.getId()) && Dates.endOfDay(extended).equals(e.dueDate()));
		assertThat(overdueTimer(directive).getDuedate()).isEqualTo(Dates.endOfDay(extended));

		UnitPartStatus part = lifecycle.parts(directive.getId()).get(0);
		assertThat(part.dueDate()).isEqualTo(extended);
		assertThat(part.originalDueDate()).isEqualTo(DUE);
		assertThat(part.extensionPending()).isFalse();
		assertThat(part.extensions()).singleElement().satisfies(extension -> {
			assertThat(extension.requestedDueDate()).isEqualTo(extended);
			assertThat(extension.previousDueDate()).isEqualTo(DUE);
			assertThat(extension.reason()).isEqualTo("Chờ ý kiến Ban Thường vụ");
			assertThat(extension.requestedBy()).isEqualTo("to-chuc-1");
			assertThat(extension.decision()).isEqualTo(ExtensionDecision.APPROVED);
			assertThat(extension.decidedBy()).isEqualTo("vanphong");
			assertThat(extension.decidedAt()).isNotNull();
		});

		// reported after the first due date, before the extended one: on time
		clockAt(LocalDate.of(2023, 7, 20), 9);
		lifecycle.submitReport(moved.getId(), new ResultReport(ReportStatus.COMPLETED, "Xong.", null), "to-chuc-1");
		lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.accept(null), "vanphong");
		assertThat(lifecycle.parts(directive.getId()).get(0).outcome()).isEqualTo(Outcome.ON_TIME);
	}

	@Test
	void rejectedExtensionKeepsTheDueDateAndItsReason() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);
		Task carryOut = carryOut(directive, "ban-to-chuc");
		lifecycle.requestExtension(carryOut.getId(), LocalDate.of(2023, 8, 15), "Khối lượng lớn", "to-chuc-1");
		Task review = single(directive, TASK_REVIEW_EXTENSION);

		assertThatThrownBy(() -> lifecycle.rejectExtension(review.getId(), null, "vanphong")).isInstanceOf(LifecycleRequestRefused.class)
			.hasMessageContaining("lý do");
		lifecycle.rejectExtension(review.getId(), "Nhiệm vụ trọng tâm quý II, không lùi", "vanphong");

		assertThat(carryOut(directive, "ban-to-chuc").getDueDate()).isEqualTo(Dates.endOfDay(DUE));
		assertThat(overdueTimer(directive).getDuedate()).isEqualTo(Dates.endOfDay(DUE));
		UnitPartStatus part = lifecycle.parts(directive.getId()).get(0);
		assertThat(part.dueDate()).isEqualTo(DUE);
		assertThat(part.extensions()).singleElement().satisfies(extension -> {
			assertThat(extension.decision()).isEqualTo(ExtensionDecision.REJECTED);
			assertThat(extension.decisionNote()).isEqualTo("Nhiệm vụ trọng tâm quý II, không lùi");
		});
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(directive.getId()).count()).isOne();
	}

	@Test
	void refusesExtensionsThatTheRulesDoNotAllow() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);
		String task = carryOut(directive, "ban-to-chuc").getId();

		assertThatThrownBy(() -> lifecycle.requestExtension(task, LocalDate.of(2023, 6, 30), "Lý do", "u"))
			.isInstanceOf(LifecycleRequestRefused.class)
			.hasMessageContaining("phải sau thời hạn hiện tại 30/06/2023");
		assertThatThrownBy(() -> lifecycle.requestExtension(task, LocalDate.of(2023, 7, 10), "", "u"))
			.isInstanceOf(LifecycleRequestRefused.class)
			.hasMessageContaining("Cần nêu lý do");
		assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_REVIEW_EXTENSION).count()).as("refused: nothing started").isZero();

		lifecycle.requestExtension(task, LocalDate.of(2023, 7, 10), "Lý do", "u");
		assertThatThrownBy(() -> lifecycle.requestExtension(task, LocalDate.of(2023, 7, 20), "Lý do khác", "u"))
			.isInstanceOf(LifecycleRequestRefused.class)
			.hasMessageContaining("đang chờ Văn phòng xem xét");
		assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_REVIEW_EXTENSION).count()).isOne();
	}

	@Test
	void extensionRequestedInTasklistKeepsTheUnitWorkingAndMovesItsNewTask() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);
		Task carryOut = carryOut(directive, "ban-to-chuc");

		// what the Tasklist form submits: the text the unit typed, day first
		taskService.complete(carryOut.getId(), Map.of(VAR_UNIT_ACTION, ACTION_REQUEST_EXTENSION, VAR_REQUESTED_DUE_DATE, "15/07/2023",
				VAR_EXTENSION_REASON, "Chờ số liệu quý"));

		Task reopened = carryOut(directive, "ban-to-chuc");
		assertThat(reopened.getId()).isNotEqualTo(carryOut.getId());
		assertThat(reopened.getDueDate()).isEqualTo(Dates.endOfDay(DUE));
		assertThat(runtimeService.getVariable(directive.getId(), VAR_UNIT_ACTION)).as("form fields stay in the unit's scope").isNull();

		lifecycle.approveExtension(single(directive, TASK_REVIEW_EXTENSION).getId(), null, "vanphong");

		assertThat(carryOut(directive, "ban-to-chuc").getDueDate()).isEqualTo(Dates.endOfDay(LocalDate.of(2023, 7, 15)));
		assertThat(overdueTimer(directive).getDuedate()).isEqualTo(Dates.endOfDay(LocalDate.of(2023, 7, 15)));
	}

	@Test
	void extensionTypedInTasklistIsReadDayFirstOrRefusedWhole() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);
		Task carryOut = carryOut(directive, "ban-to-chuc");

		assertThatThrownBy(() -> taskService.complete(carryOut.getId(), Map.of(VAR_UNIT_ACTION, ACTION_REQUEST_EXTENSION,
				VAR_REQUESTED_DUE_DATE, "2023-09-05", VAR_EXTENSION_REASON, "Chờ số liệu quý")))
			.rootCause()
			.hasMessage("Thời hạn đề nghị: \"2023-09-05\" không phải là ngày viết theo ngày/tháng/năm (ví dụ 05/03/2027)");
		assertThatThrownBy(() -> taskService.complete(carryOut.getId(), Map.of(VAR_UNIT_ACTION, ACTION_REQUEST_EXTENSION,
				VAR_REQUESTED_DUE_DATE, "31/09/2023", VAR_EXTENSION_REASON, "Chờ số liệu quý")))
			.rootCause()
			.hasMessage("Thời hạn đề nghị: ngày 31/09/2023 không có trên lịch");
		assertThat(taskService.createTaskQuery().taskId(carryOut.getId()).count()).as("the task stays open").isOne();
		assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_REVIEW_EXTENSION).count()).isZero();

		taskService.complete(carryOut.getId(), Map.of(VAR_UNIT_ACTION, ACTION_REQUEST_EXTENSION, VAR_REQUESTED_DUE_DATE, "5/9/2023",
				VAR_EXTENSION_REASON, "Chờ số liệu quý"));

		// without the application's unit directory the name is the unit's code
		assertThat(carryOut.getName()).isEqualTo("45-KL/TU mục I.2.3 · ban-to-chuc: thực hiện, báo cáo kết quả");
		assertThat(single(directive, TASK_REVIEW_EXTENSION).getName()).isEqualTo("45-KL/TU mục I.2.3 · Xem xét đề nghị gia hạn của ban-to-chuc");

		assertThat(lifecycle.parts(directive.getId()).get(0).extensions()).singleElement()
			.satisfies(extension -> assertThat(extension.requestedDueDate()).isEqualTo(LocalDate.of(2023, 9, 5)));
	}

	@Test
	void overdueMarksTheUnitLateOpensOneFollowUpAndCompletionIsRecordedLate() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);

		clockAt(DUE.plusDays(1), 8);
		managementService.executeJob(overdueTimer(directive).getId());

		assertThat(directive).isWaitingAt(TASK_CARRY_OUT, TASK_FOLLOW_UP_LATE);
		UnitPartStatus late = lifecycle.parts(directive.getId()).get(0);
		assertThat(late.late()).isTrue();
		assertThat(late.lateSince()).isNotNull();
		Task followUp = single(directive, TASK_FOLLOW_UP_LATE);
		assertThat(followUp.getDueDate()).isNull();
		assertThat(taskService.getIdentityLinksForTask(followUp.getId())).anyMatch(link -> GROUP_TRACKING_OFFICE.equals(link.getGroupId()));

		// returned after the due date: the new carryOut is late at once, but one follow-up is enough
		lifecycle.submitReport(carryOut(directive, "ban-to-chuc").getId(), new ResultReport(ReportStatus.COMPLETED, "Muộn.", null), "u");
		lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.returnToUnit("Chưa đủ"), "vanphong");
		managementService.executeJob(overdueTimer(directive).getId());
		assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_FOLLOW_UP_LATE).count()).isOne();

		lifecycle.submitReport(carryOut(directive, "ban-to-chuc").getId(), new ResultReport(ReportStatus.COMPLETED, "Đã đủ.", null), "u");
		lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.accept(null), "vanphong");

		assertThat(directive).as("the open follow-up ends with the unit's part").isEnded();
		UnitPartStatus part = lifecycle.parts(directive.getId()).get(0);
		assertThat(part.outcome()).isEqualTo(Outcome.LATE);
		assertThat(part.outcome().label()).isEqualTo("Hoàn thành quá hạn");
	}

	@Test
	void extensionGrantedAfterTheDueDateWatchesTheNewDueDate() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);
		clockAt(DUE.plusDays(2), 8);
		managementService.executeJob(overdueTimer(directive).getId());
		lifecycle.recordFollowUp(single(directive, TASK_FOLLOW_UP_LATE).getId(), "Đã gọi điện cho Trưởng ban", "vanphong");

		LocalDate extended = LocalDate.of(2023, 7, 31);
		lifecycle.requestExtension(directive.getId(), "ban-to-chuc", extended, "Xin lùi", "u");
		lifecycle.approveExtension(single(directive, TASK_REVIEW_EXTENSION).getId(), null, "vanphong");

		assertThat(lifecycle.parts(directive.getId()).get(0).late()).as("back within its due date").isFalse();
		Job watch = managementService.createJobQuery().processInstanceId(directive.getId()).activityId(EVENT_NEW_DUE_DATE_REACHED).singleResult();
		assertThat(watch.getDuedate()).isEqualTo(Dates.endOfDay(extended));

		clockAt(extended.plusDays(1), 8);
		managementService.executeJob(watch.getId());
		assertThat(lifecycle.parts(directive.getId()).get(0).late()).isTrue();
		assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_FOLLOW_UP_LATE).count()).isOne();
	}

	@Test
	void ongoingWorkTakesQuarterlyReportsUntilTheOfficeEndsTracking() {
		ProcessInstance directive = start(List.of("quan-uy-le-chan"), null, true);

		Task q2 = carryOut(directive, "quan-uy-le-chan");
		assertThat(q2.getDueDate()).isEqualTo(Dates.endOfDay(LocalDate.of(2023, 6, 30)));
		assertThat(taskService.getVariable(q2.getId(), VAR_REPORT_PERIOD)).isEqualTo("Quý II/2023");

		clockAt(LocalDate.of(2023, 6, 25), 9);
		lifecycle.submitReport(q2.getId(), new ResultReport(ReportStatus.PARTLY_COMPLETED, "Quý II: đã triển khai.", null), "u");
		lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.accept(null), "vanphong");

		Task q3 = carryOut(directive, "quan-uy-le-chan");
		assertThat(q3.getDueDate()).isEqualTo(Dates.endOfDay(LocalDate.of(2023, 9, 30)));
		assertThat(taskService.getVariable(q3.getId(), VAR_REPORT_PERIOD)).isEqualTo("Quý III/2023");
		assertThat(taskService.getVariable(q3.getId(), VAR_REPORT_TEXT)).as("a blank report for the new period").isNull();

		clockAt(LocalDate.of(2023, 10, 5), 9);
		lifecycle.submitReport(q3.getId(), new ResultReport(ReportStatus.COMPLETED, "Quý III: hoàn thành.", null), "u");
		lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.acceptAndEndTracking("Kết thúc theo dõi"), "vanphong");

		assertThat(directive).isEnded();
		UnitPartStatus part = lifecycle.parts(directive.getId()).get(0);
		assertThat(part.ongoing()).isTrue();
		assertThat(part.outcome()).isEqualTo(Outcome.TRACKING_ENDED);
		assertThat(part.reports()).extracting(Report::period).containsExactly("Quý II/2023", "Quý III/2023");
		assertThat(part.reports()).extracting(Report::onTime).containsExactly(true, false);
	}

	@Test
	void everyLeadUnitCompletesItsOwnPartAndExtensionsStayWithTheirUnit() {
		List<String> units = List.of("ban-to-chuc", "ban-tuyen-giao", "quan-uy-le-chan");
		ProcessInstance directive = start(units, DUE, false);
		assertThat(taskService.createTaskQuery().taskDefinitionKey(TASK_CARRY_OUT).count()).isEqualTo(3);

		lifecycle.requestExtension(directive.getId(), "ban-tuyen-giao", LocalDate.of(2023, 7, 31), "Chờ bản thảo", "u");
		lifecycle.approveExtension(single(directive, TASK_REVIEW_EXTENSION).getId(), null, "vanphong");
		assertThat(carryOut(directive, "ban-tuyen-giao").getDueDate()).isEqualTo(Dates.endOfDay(LocalDate.of(2023, 7, 31)));
		assertThat(carryOut(directive, "ban-to-chuc").getDueDate()).isEqualTo(Dates.endOfDay(DUE));
		assertThat(carryOut(directive, "quan-uy-le-chan").getDueDate()).isEqualTo(Dates.endOfDay(DUE));

		for (String unit : List.of("ban-to-chuc", "ban-tuyen-giao")) {
			lifecycle.submitReport(carryOut(directive, unit).getId(), new ResultReport(ReportStatus.COMPLETED, "Xong: " + unit, null), unit);
			lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.accept(null), "vanphong");
		}
		assertThat(directive).as("one unit still works").isWaitingAt(TASK_CARRY_OUT);

		clockAt(DUE.plusDays(3), 9);
		lifecycle.submitReport(carryOut(directive, "quan-uy-le-chan").getId(), new ResultReport(ReportStatus.COMPLETED, "Muộn", null), "u");
		lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.accept(null), "vanphong");

		assertThat(directive).isEnded();
		List<UnitPartStatus> parts = lifecycle.parts(directive.getId());
		assertThat(parts).extracting(UnitPartStatus::unit).containsExactlyElementsOf(units);
		assertThat(parts).extracting(UnitPartStatus::outcome).containsExactly(Outcome.ON_TIME, Outcome.ON_TIME, Outcome.LATE);
		assertThat(parts.get(1).dueDate()).isEqualTo(LocalDate.of(2023, 7, 31));
		assertThat(parts.get(1).extensions()).hasSize(1);
		assertThat(parts.get(0).extensions()).isEmpty();
	}

	@Test
	void deadlineOnAnEventHasNoDueDateAndCompletesWithoutOne() {
		ProcessInstance directive = start(List.of("bcsd-ubnd"), null, false);
		Task carryOut = carryOut(directive, "bcsd-ubnd");
		assertThat(carryOut.getDueDate()).isNull();
		assertThat(Dates.day(overdueTimer(directive).getDuedate())).as("a timer that never fires until a date is set").isEqualTo(
				LocalDate.of(9999, 12, 31));

		lifecycle.submitReport(carryOut.getId(), new ResultReport(ReportStatus.COMPLETED, "Đã trình HĐND.", null), "u");
		lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.accept(null), "vanphong");

		assertThat(lifecycle.parts(directive.getId()).get(0).outcome()).isEqualTo(Outcome.NO_DEADLINE);
	}

	@Test
	void reportIsRefusedWithoutTextOrWithABadLink() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);
		String task = carryOut(directive, "ban-to-chuc").getId();

		assertThatThrownBy(() -> lifecycle.submitReport(task, new ResultReport(ReportStatus.COMPLETED, " ", "ftp://x"), "u"))
			.isInstanceOfSatisfying(LifecycleRequestRefused.class, refused -> assertThat(refused.problems()).containsExactly(
					"Cần nhập nội dung báo cáo kết quả", "Đường dẫn phải bắt đầu bằng http:// hoặc https://"));
		// Tasklist without a choice
		assertThatThrownBy(() -> taskService.complete(task)).hasMessageContaining("Cần chọn");
		assertThat(taskService.createTaskQuery().taskId(task).count()).isOne();
	}

	@Test
	void everyUserTaskHasItsDeployedVietnameseForm() {
		ProcessInstance directive = start(List.of("ban-to-chuc"), DUE, false);
		lifecycle.requestExtension(carryOut(directive, "ban-to-chuc").getId(), LocalDate.of(2023, 7, 31), "Lý do", "u");
		clockAt(DUE.plusDays(1), 8);
		managementService.executeJob(overdueTimer(directive).getId());
		lifecycle.submitReport(carryOut(directive, "ban-to-chuc").getId(), new ResultReport(ReportStatus.COMPLETED, "Xong.", null), "u");

		List<Task> open = taskService.createTaskQuery().processInstanceId(directive.getId()).list();
		assertThat(open).extracting(Task::getTaskDefinitionKey)
			.containsExactlyInAnyOrder(TASK_REVIEW_EXTENSION, TASK_FOLLOW_UP_LATE, TASK_REVIEW_REPORT);
		Task carryOutAgain = null;
		for (Task task : open) {
			assertThat(engine.getFormService().getDeployedTaskForm(task.getId())).as(task.getTaskDefinitionKey()).isNotNull();
		}
		lifecycle.review(single(directive, TASK_REVIEW_REPORT).getId(), ReportReview.returnToUnit("Bổ sung"), "vanphong");
		carryOutAgain = carryOut(directive, "ban-to-chuc");
		assertThat(engine.getFormService().getDeployedTaskForm(carryOutAgain.getId())).isNotNull();
	}

	// ---- fixtures ------------------------------------------------------------------------------------

	ProcessInstance start(List<String> leadUnits, LocalDate due, boolean ongoing) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(VAR_DIRECTIVE_ID, "45-KL/TU/I.2.3.1");
		variables.put(VAR_DOCUMENT_CODE, "45-KL/TU");
		variables.put(VAR_DOCUMENT_TITLE, "Kết luận Hội nghị Thành ủy lần thứ 11, khóa XVI");
		variables.put(VAR_SECTION, "I.2.3");
		variables.put(VAR_TEXT, "Khẩn trương báo cáo Kế hoạch luân chuyển cán bộ");
		variables.put(VAR_LEAD_UNITS, new java.util.ArrayList<>(leadUnits));
		variables.put(VAR_COORDINATING_UNITS, new java.util.ArrayList<String>());
		variables.put(VAR_DUE_DATE, due == null ? null : Dates.endOfDay(due));
		variables.put(VAR_ORIGINAL_DUE_DATE, due == null ? null : Dates.endOfDay(due));
		variables.put(VAR_DEADLINE_TEXT, ongoing ? "tiếp tục" : "hoàn thành trong quý II năm 2023");
		variables.put(VAR_DEADLINE_KIND, ongoing ? "ONGOING" : due == null ? "EVENT" : "FIXED_DATE");
		variables.put(VAR_ONGOING, ongoing);
		return runtimeService.startProcessInstanceByKey(KEY, "45-KL/TU/I.2.3.1", variables);
	}

	Task carryOut(ProcessInstance directive, String unit) {
		return taskService.createTaskQuery()
			.processInstanceId(directive.getId())
			.taskDefinitionKey(TASK_CARRY_OUT)
			.taskCandidateGroup(unit)
			.singleResult();
	}

	Task single(ProcessInstance directive, String taskDefinitionKey) {
		return taskService.createTaskQuery().processInstanceId(directive.getId()).taskDefinitionKey(taskDefinitionKey).singleResult();
	}

	Job overdueTimer(ProcessInstance directive) {
		return managementService.createJobQuery().processInstanceId(directive.getId()).activityId(EVENT_CARRY_OUT_OVERDUE).singleResult();
	}

	static void clockAt(LocalDate day, int hour) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)).atZone(Dates.ZONE).toInstant()));
	}

}
