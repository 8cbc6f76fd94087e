package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who did it: the task's assignee (Tasklist claims before completing), else the authenticated user. */
final class Actors {

	private Actors() {
	}

	static String of(DelegateTask task) {
		return task.getAssignee() != null ? task.getAssignee() : authenticated(task.getProcessEngineServices());
	}

	static String authenticated(ProcessEngineServices engine) {
		Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

}
