package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import vn.dondoc.platform.TaskVariables;

/** A new carryOut task: its form starts without the choice made on the previous one. */
public class CarryOutCreated implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		UnitPart.in(TaskVariables.of(task)).clearChoice();
	}

}
