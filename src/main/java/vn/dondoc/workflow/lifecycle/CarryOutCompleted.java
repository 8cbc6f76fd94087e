package vn.dondoc.workflow.lifecycle;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import vn.dondoc.directive.DirectiveProcess;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * carryOut completed from its form (Tasklist, REST or {@code DirectiveLifecycle}): a result report, or an
 * extension request. Refuses what the rules refuse, so the task stays open.
 */
public class CarryOutCompleted implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		UnitPart part = UnitPart.in(task).takeSubmitted();
		Object action = part.submitted(VAR_UNIT_ACTION);
		if (ACTION_REPORT.equals(action)) {
			part.submitReport(part.submitted(VAR_REPORT_STATUS), part.submitted(VAR_REPORT_TEXT),
					part.submitted(VAR_REPORT_LINK), Actors.of(task));
		}
		else if (ACTION_REQUEST_EXTENSION.equals(action)) {
			part.requestExtension(part.submitted(VAR_REQUESTED_DUE_DATE), part.submitted(VAR_EXTENSION_REASON), Actors.of(task));
		}
		else {
			throw new RequestRefused(List.of("Cần chọn: nộp báo cáo kết quả hoặc đề nghị gia hạn ("
					+ DirectiveProcess.VAR_UNIT_ACTION + " = " + ACTION_REPORT + " | " + ACTION_REQUEST_EXTENSION + ")"));
		}
	}

}
