package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;

import static vn.dondoc.directive.DirectiveProcess.VAR_UNIT;

/**
 * Start of sub-process {@code unitPart}: creates the unit's own variables in its scope ({@link UnitPart#start}),
 * then takes what Camunda's multi-instance put on the execution above it, for this instance, off it: the unit
 * (the element variable, now the scope's own) and the loop counter. Neither is read again (the engine counts
 * instances with the counters of the multi-instance body), and created and removed in one command they are never
 * written, nor their history (issue 18, seventh slice: two variables and a history row fewer per part).
 */
public class UnitPartStarted implements ExecutionListener {

	@Override
	public void notify(DelegateExecution unitScope) {
		UnitPart.start(unitScope);
		ActivityExecution instance = ((ActivityExecution) unitScope).getParent();
		if (instance != null && !instance.isProcessInstanceExecution()) {
			for (String name : new String[] { VAR_UNIT, MultiInstanceActivityBehavior.LOOP_COUNTER }) {
				if (instance.hasVariableLocal(name)) {
					instance.removeVariableLocal(name);
				}
			}
		}
	}

}
