package vn.dondoc.workflow;

import java.time.LocalDate;

/**
 * The tracking office decided on what a lead unit submitted: its result report (accepted or returned) or its
 * request for a later due date (approved or refused). Published in the transaction of the decision, so a
 * listener that writes (the notification outbox) commits or rolls back with it; the decision's rules run in
 * the same transaction, and a decision they refuse rolls everything back.
 *
 * @param decision what the office decided
 * @param taskId the office's review task, unique per decision
 * @param processInstanceId the directive's process instance
 * @param businessKey the directive's business key
 * @param directiveId the directive's id, as the reminders of its tasks carry it
 * @param documentCode the source document's code
 * @param documentTitle the source document's title
 * @param section the directive's section in the document
 * @param directiveText the directive in the document's words
 * @param unit the lead unit's code
 * @param dueDate the unit's due date after the decision (the new one when an extension was approved), or
 * {@code null} without one
 * @param originalDueDate the unit's first due date
 * @param requestedDueDate the date the unit asked for (extension decisions), else {@code null}
 * @param note the office's note: why a report was returned or an extension refused, or a remark
 * @param approvedExtensions how many extensions of this unit's due date have been approved, this one included
 */
public record OfficeDecided(Decision decision, String taskId, String processInstanceId, String businessKey,
		String directiveId, String documentCode, String documentTitle, String section, String directiveText, String unit,
		LocalDate dueDate, LocalDate originalDueDate, LocalDate requestedDueDate, String note, int approvedExtensions) {

	/** The four decisions of the office. */
	public enum Decision {

		/** The result report is accepted. */
		REPORT_ACCEPTED,

		/** The result report goes back to the unit, with the reason. */
		REPORT_RETURNED,

		/** The unit's due date moves to the requested day. */
		EXTENSION_APPROVED,

		/** The due date stands, for the reason given. */
		EXTENSION_REFUSED

	}

}
