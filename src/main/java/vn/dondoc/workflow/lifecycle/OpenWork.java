package vn.dondoc.workflow.lifecycle;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import static vn.dondoc.directive.DirectiveProcess.EVENT_CARRY_OUT_OVERDUE;
import static vn.dondoc.directive.DirectiveProcess.EVENT_NEW_DUE_DATE_REACHED;
import static vn.dondoc.directive.DirectiveProcess.TASK_CARRY_OUT;
import static vn.dondoc.directive.DirectiveProcess.VAR_UNIT;

/**
 * The open carryOut task and the overdue timers of one unit in a directive. Units share the process
 * instance, so each task or job is matched to its unit by the {@code unit} variable its execution sees.
 */
final class OpenWork {

	private final ProcessEngineServices engine;

	private final String processInstanceId;

	private final String unit;

	OpenWork(ProcessEngineServices engine, String processInstanceId, String unit) {
		this.engine = engine;
		this.processInstanceId = processInstanceId;
		this.unit = unit;
	}

	List<Task> carryOutTasks() {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(TASK_CARRY_OUT)
			.list()
			.stream()
			.filter(task -> ofUnit(task.getExecutionId()))
			.toList();
	}

	/** The pending timers that fire when the unit's due date passes. */
	List<Job> overdueTimers() {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processInstanceId)
			.timers()
			.activityId(EVENT_CARRY_OUT_OVERDUE)
			.list()
			.stream()
			.filter(job -> ofUnit(job.getExecutionId()))
			.toList();
	}

	List<Job> newDueDateTimers() {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processInstanceId)
			.timers()
			.activityId(EVENT_NEW_DUE_DATE_REACHED)
			.list()
			.stream()
			.filter(job -> ofUnit(job.getExecutionId()))
			.toList();
	}

	private boolean ofUnit(String executionId) {
		return Objects.equals(unit, engine.getRuntimeService().getVariable(executionId, VAR_UNIT));
	}

}
