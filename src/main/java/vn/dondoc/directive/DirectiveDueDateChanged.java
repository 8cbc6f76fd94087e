package vn.dondoc.directive;

import java.util.Date;

/**
 * A directive's due date changed on re-import, published inside the import's transaction: the workflow
 * moves every open unit part (its due date, its task, its overdue timer) to {@code dueDate}.
 *
 * @param directiveId the directive
 * @param processInstanceId its process instance
 * @param dueDate the new due date (end of the due day in Vietnam), or {@code null} when it has none now
 */
public record DirectiveDueDateChanged(long directiveId, String processInstanceId, Date dueDate) {
}
