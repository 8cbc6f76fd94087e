package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;

import vn.dondoc.platform.TaskVariables;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * Names each new task of a unit's part after its directive and unit ("45-KL/TU mục I.2.3 · Ban Tổ chức
 * Thành ủy: thực hiện, báo cáo kết quả"), so that a list of tasks in Tasklist tells one from another. Set
 * here rather than as a name expression in the model: the diagram, Cockpit's activity tree and the history
 * keep the element's own readable name instead of showing an expression.
 */
public class TaskNames implements TaskListener {

	/** Camunda's column for a task's name holds 255 characters. */
	static final int MAX_LENGTH = 255;

	@Override
	public void notify(DelegateTask task) {
		VariableScope variables = TaskVariables.of(task);
		Object code = variables.getVariable(VAR_DOCUMENT_CODE);
		// the unit's name, which the application puts next to the task (DirectiveTrackingPlugin); else its code
		Object name = variables.getVariable(VAR_UNIT_NAME);
		Object unit = name != null ? name : variables.getVariable(VAR_UNIT);
		if (code == null || unit == null) {
			return;
		}
		Object section = variables.getVariable(VAR_SECTION);
		String directive = section == null ? code.toString() : code + " mục " + section;
		String what = switch (task.getTaskDefinitionKey()) {
			case TASK_CARRY_OUT -> unit + ": thực hiện, báo cáo kết quả";
			case TASK_REVIEW_REPORT -> "Xem xét báo cáo của " + unit;
			case TASK_REVIEW_EXTENSION -> "Xem xét đề nghị gia hạn của " + unit;
			case TASK_FOLLOW_UP_LATE -> "Đôn đốc " + unit + " (quá hạn)";
			default -> null;
		};
		if (what != null) {
			task.setName(shortened(directive + " · " + what));
		}
	}

	private static String shortened(String name) {
		return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH - 1) + "…";
	}

}
