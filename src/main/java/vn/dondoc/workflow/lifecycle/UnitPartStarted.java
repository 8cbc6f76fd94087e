package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/** Start of sub-process {@code unitPart}: creates the unit's own variables in its scope. */
public class UnitPartStarted implements ExecutionListener {

	@Override
	public void notify(DelegateExecution unitScope) {
		UnitPart.start(unitScope);
	}

}
