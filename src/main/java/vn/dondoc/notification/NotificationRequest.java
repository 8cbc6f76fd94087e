package vn.dondoc.notification;

import java.time.LocalDate;
import java.util.List;

/**
 * One message to send about one directive task, as the caller (the reminder engine, the assignment
 * notice) hands it over. Everything the template needs is in here, so the notification feature needs no
 * other feature to render it.
 *
 * @param idempotencyKey unique per task + step + occurrence: the same key is queued once only
 * @param kind which message (assignment notice, reminder, due soon, due today, overdue, escalation)
 * @param to recipient addresses
 * @param cc copy addresses (may be empty)
 * @param directiveId the directive's id ({@code <document code>/<section>})
 * @param documentCode code of the source document (số ký hiệu)
 * @param documentTitle title of the source document
 * @param section the directive's section in the document
 * @param directiveText the directive in the document's own words
 * @param leadUnitCode the unit that must carry it out
 * @param leadUnitName that unit's Vietnamese name
 * @param dueDate the current due date, or {@code null} when there is none
 * @param originalDueDate the first due date when an extension moved it, else {@code null}
 * @param extensionCount how many times the due date was extended (the iCalendar SEQUENCE)
 * @param workingDaysLeft working days until the due date (negative once late), {@code null} without a date
 * @param taskId the Camunda task the message is about
 * @param recipientNames who receives this message, in words (units), shown in the message
 * @param decisionNote the office's note on its decision (why a report was returned or an extension refused),
 * else {@code null}
 * @param requestedDueDate the due date the unit asked for (extension decisions), else {@code null}
 * @param processName the name of the process the task belongs to, for a task that is no directive's (a modelled
 * process: {@code directiveId} is then {@code null}), else {@code null}
 * @param deadlineText the deadline in words, as the model gives it ({@code dondoc.deadline.text}), else {@code null}
 * @param remindedBefore whether a reminder of this task went out before this message (an escalation says "dù đã
 * được nhắc hạn" only then)
 */
public record NotificationRequest(String idempotencyKey, NotificationKind kind, List<String> to, List<String> cc,
		String directiveId, String documentCode, String documentTitle, String section, String directiveText,
		String leadUnitCode, String leadUnitName, LocalDate dueDate, LocalDate originalDueDate, int extensionCount,
		Integer workingDaysLeft, String taskId, List<String> recipientNames, String decisionNote,
		LocalDate requestedDueDate, String processName, String deadlineText, boolean remindedBefore) {

	public NotificationRequest {
		to = List.copyOf(to);
		cc = cc == null ? List.of() : List.copyOf(cc);
		recipientNames = recipientNames == null ? List.of() : List.copyOf(recipientNames);
	}

	/** A message about a directive: no process name or deadline in words. */
	public NotificationRequest(String idempotencyKey, NotificationKind kind, List<String> to, List<String> cc,
			String directiveId, String documentCode, String documentTitle, String section, String directiveText,
			String leadUnitCode, String leadUnitName, LocalDate dueDate, LocalDate originalDueDate, int extensionCount,
			Integer workingDaysLeft, String taskId, List<String> recipientNames, String decisionNote,
			LocalDate requestedDueDate) {
		this(idempotencyKey, kind, to, cc, directiveId, documentCode, documentTitle, section, directiveText, leadUnitCode,
				leadUnitName, dueDate, originalDueDate, extensionCount, workingDaysLeft, taskId, recipientNames, decisionNote,
				requestedDueDate, null, null, false);
	}

	/** A message about a task, not about a decision of the office. */
	public NotificationRequest(String idempotencyKey, NotificationKind kind, List<String> to, List<String> cc,
			String directiveId, String documentCode, String documentTitle, String section, String directiveText,
			String leadUnitCode, String leadUnitName, LocalDate dueDate, LocalDate originalDueDate, int extensionCount,
			Integer workingDaysLeft, String taskId, List<String> recipientNames) {
		this(idempotencyKey, kind, to, cc, directiveId, documentCode, documentTitle, section, directiveText, leadUnitCode,
				leadUnitName, dueDate, originalDueDate, extensionCount, workingDaysLeft, taskId, recipientNames, null, null);
	}

	/** Whether the task belongs to a modelled process rather than to a directive. */
	boolean modelledTask() {
		return (directiveId == null || directiveId.isBlank()) && taskId != null && !taskId.isBlank();
	}

}
