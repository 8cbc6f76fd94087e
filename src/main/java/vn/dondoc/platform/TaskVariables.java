package vn.dondoc.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Where a task listener reads the task's variables. While the task is being created it has no variables of its
 * own, and what it sees is its execution's: reading them through the task would first make Camunda query the
 * database for the new task's own variables, one statement per new task (issue 18: one per unit part of every
 * directive imported). At any other event the task itself is read, its own variables included.
 */
public final class TaskVariables {

	private TaskVariables() {
	}

	/** The scope to read {@code task}'s variables from. */
	public static VariableScope of(DelegateTask task) {
		if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) && task.getExecution() != null) {
			return task.getExecution();
		}
		return task;
	}

}
