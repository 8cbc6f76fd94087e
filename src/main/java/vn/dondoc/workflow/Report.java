package vn.dondoc.workflow;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One result report of a unit and its review; every one stays on record, returned ones included.
 *
 * @param period the reporting period, for ongoing work, else {@code null}
 * @param dueDate the unit's due day when it submitted
 * @param review {@code null} while the office has not reviewed it
 * @param comment the office's comment (the reason of a return)
 * @param onTime for an accepted report with a due date: submitted by the due date in force at acceptance
 */
public record Report(String period, ReportStatus status, String text, String link, String submittedBy, Instant submittedAt,
		LocalDate dueDate, ReviewDecision review, String reviewedBy, Instant reviewedAt, String comment, Boolean onTime) {

}
