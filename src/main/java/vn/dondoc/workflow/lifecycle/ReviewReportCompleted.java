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
		UnitPart.in(task).review(task.getVariable(VAR_REVIEW_DECISION), task.getVariable(VAR_REVIEW_COMMENT), task.getVariable(VAR_END_TRACKING),
				Actors.of(task));
	}

}
