package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Service task {@code nextPeriod}: ongoing work moves on to the next period's report. */
public class NextReportingPeriod implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		UnitPart.in(execution).nextPeriod();
	}

}
