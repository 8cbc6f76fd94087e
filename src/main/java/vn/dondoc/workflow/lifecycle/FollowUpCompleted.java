package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import static vn.dondoc.directive.DirectiveProcess.VAR_FOLLOW_UP_NOTE;

/** followUpLate completed: the office's note on how it followed the late unit up stays with the unit's part. */
public class FollowUpCompleted implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		UnitPart part = UnitPart.in(task).takeSubmitted();
		part.recordFollowUp(part.submitted(VAR_FOLLOW_UP_NOTE));
	}

}
