package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import static vn.dondoc.directive.DirectiveProcess.VAR_END_TRACKING;
import static vn.dondoc.directive.DirectiveProcess.VAR_REVIEW_COMMENT;
import static vn.dondoc.directive.DirectiveProcess.VAR_REVIEW_DECISION;

/** reviewReport completed: the office's decision on the report, recorded with who and when. */
public class ReviewReportCompleted implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		UnitPart part = UnitPart.in(task).takeSubmitted();
		part.review(part.submitted(VAR_REVIEW_DECISION), part.submitted(VAR_REVIEW_COMMENT), part.submitted(VAR_END_TRACKING),
				Actors.of(task));
	}

}
