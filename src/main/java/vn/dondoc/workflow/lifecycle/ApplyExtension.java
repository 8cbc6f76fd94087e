package vn.dondoc.workflow.lifecycle;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Service task {@code applyExtension}: the approved date becomes the unit's due date, on its open carryOut
 * task (saved through the TaskService, so task listeners, the reminder engine among them, see an update)
 * and on its overdue timer (recalculated from the model's own expression). When that timer has fired
 * already, sets the transient {@code rearmOverdue} so the model watches the new date with another timer.
 */
public class ApplyExtension implements JavaDelegate {

	static final String VAR_REARM_OVERDUE = "rearmOverdue";

	@Override
	public void execute(DelegateExecution execution) {
		UnitPart part = UnitPart.in(execution);
		Date newDue = part.applyApprovedExtension();
		OpenWork work = new OpenWork(execution.getProcessEngineServices(), execution.getProcessInstanceId(), part.unit());
		TaskService tasks = execution.getProcessEngineServices().getTaskService();
		List<Task> open = work.carryOutTasks();
		for (Task task : open) {
			task.setDueDate(newDue);
			tasks.saveTask(task);
		}
		ManagementService jobs = execution.getProcessEngineServices().getManagementService();
		List<Job> timers = new java.util.ArrayList<>(work.overdueTimers());
		timers.addAll(work.newDueDateTimers());
		for (Job timer : timers) {
			jobs.recalculateJobDuedate(timer.getId(), false);
		}
		// no carryOut open (the report is under review): a returned report creates a new task and timer
		boolean rearm = !open.isEmpty() && timers.isEmpty();
		execution.setVariableLocal(VAR_REARM_OVERDUE, Variables.booleanValue(rearm, true));
	}

}
