package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Service task {@code recordCompletion}: the unit's outcome (on time, late, ...) and completion time. */
public class RecordCompletion implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		UnitPart.in(execution).complete();
	}

}
