package vn.dondoc.directive;

import java.util.Date;
import java.util.List;

/**
 * Open unit parts of a document moved to new due dates on re-import, published once per import inside its
 * transaction: the workflow moves each part (its due date, its carryOut task, so its reminders, and its
 * overdue timer) in a few set-based steps for the whole document.
 *
 * @param parts every part to move; empty lists are not published
 */
public record DueDatesMoved(List<Part> parts) {

	public DueDatesMoved {
		parts = List.copyOf(parts);
	}

	/**
	 * One lead unit's open part.
	 *
	 * @param directiveId the directive
	 * @param processInstanceId its process instance
	 * @param unit the lead unit's code
	 * @param taskId the part's open carryOut task as dondoc last recorded it (may be {@code null} or stale:
	 * the workflow finds the task itself when it does not match)
	 * @param dueDate the new due date (end of the due day in Vietnam), or {@code null} when it has none now
	 */
	public record Part(long directiveId, String processInstanceId, String unit, String taskId, Date dueDate) {
	}

}
