package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import static vn.dondoc.directive.DirectiveProcess.VAR_EXTENSION_DECISION;
import static vn.dondoc.directive.DirectiveProcess.VAR_EXTENSION_DECISION_NOTE;

/** reviewExtension completed: the office's decision on the pending request, recorded with who and when. */
public class ReviewExtensionCompleted implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		UnitPart part = UnitPart.in(task).takeSubmitted();
		part.decideExtension(part.submitted(VAR_EXTENSION_DECISION), part.submitted(VAR_EXTENSION_DECISION_NOTE), Actors.of(task));
	}

}
