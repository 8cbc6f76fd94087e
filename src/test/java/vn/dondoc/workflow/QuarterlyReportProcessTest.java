package vn.dondoc.workflow;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/** The example built only from element templates runs with no Java of its own: a notice, then a task with a due date. */
@Deployment(resources = { "bpmn/quarterly-report.bpmn", "bpmn/deadline-task.form", "bpmn/quarterly-report-start.form" })
class QuarterlyReportProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

	final List<NotificationRequested> sent = new ArrayList<>();

	@BeforeEach
	void setUp() {
		init(engine.getProcessEngine());
		// the application's bean maps the step the same way; here it records instead of publishing
		Mocks.register("dondocSendNotification", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> sent.add(SendNotification.request(execution)));
		DirectiveLifecycleTest.clockAt(LocalDate.of(2023, 7, 1), 8);
		TaskEventRecorder.EVENTS.clear();
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
		ClockUtil.reset();
	}

	@Test
	void templatedStepsNotifyTheUnitAndGiveItATaskWithADueDateAndAReminderPolicy() {
		ProcessInstance collection = engine.getRuntimeService()
			.startProcessInstanceByKey("quarterlyReport", Map.of("unit", "ban-dan-van", "quarter", "Quý II/2023"));

		assertThat(sent).singleElement().satisfies(notice -> {
			assertThat(notice.recipientUnits()).containsExactly("ban-dan-van");
			assertThat(notice.subject()).isEqualTo("Đề nghị gửi báo cáo Quý II/2023");
			assertThat(notice.message()).contains("Quý II/2023");
			assertThat(notice.idempotencyKey()).startsWith(collection.getId() + ":");
		});
		assertThat(collection).isWaitingAt("submitQuarterlyReport");
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(collection.getId()).singleResult();
		assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).anyMatch(link -> "ban-dan-van".equals(link.getGroupId()));
		assertThat(task.getDueDate()).isEqualTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(10)));
		assertThat(TaskEventRecorder.EVENTS).as("a task event like any other, so it gets reminders")
			.anyMatch(e -> e.event().equals("create") && e.taskId().equals(task.getId()) && e.dueDate() != null);
		assertThat(engine.getFormService().getDeployedTaskForm(task.getId())).isNotNull();

		UserTask model = engine.getRepositoryService()
			.getBpmnModelInstance(collection.getProcessDefinitionId())
			.getModelElementById("submitQuarterlyReport");
		assertThat(model.getExtensionElements().getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
			.singleResult().getCamundaProperties()).extracting(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue)
			.contains(org.assertj.core.groups.Tuple.tuple("dondoc.reminder.policy", "default"));

		engine.getTaskService().complete(task.getId(), Map.of("reportStatus", "COMPLETED", "reportText", "Báo cáo quý II"));
		assertThat(collection).isEnded();
	}

}
