package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;

/** Service task {@code markLate}: the due date passed; sets the transient {@code openFollowUp} for the gateway. */
public class MarkLate implements JavaDelegate {

	static final String VAR_OPEN_FOLLOW_UP = "openFollowUp";

	@Override
	public void execute(DelegateExecution execution) {
		UnitPart part = UnitPart.in(execution);
		boolean carryOutOpen = !new OpenWork(execution.getProcessEngineServices(), execution.getProcessInstanceId(), part.unit())
			.carryOutTasks()
			.isEmpty();
		execution.setVariableLocal(VAR_OPEN_FOLLOW_UP, Variables.booleanValue(part.markLate(carryOutOpen), true));
	}

}
