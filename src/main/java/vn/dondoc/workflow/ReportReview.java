package vn.dondoc.workflow;

import java.util.Objects;

/**
 * The tracking office's review of a result report.
 *
 * @param decision accept, or return to the unit
 * @param comment the reason when returned (required then), a note otherwise
 * @param endTracking ongoing work only: accept and end the periodic reports of this unit
 */
public record ReportReview(ReviewDecision decision, String comment, boolean endTracking) {

	public ReportReview {
		Objects.requireNonNull(decision, "decision");
	}

	public static ReportReview accept(String note) {
		return new ReportReview(ReviewDecision.ACCEPT, note, false);
	}

	/** Ongoing work: accept this period's report and stop asking this unit for more. */
	public static ReportReview acceptAndEndTracking(String note) {
		return new ReportReview(ReviewDecision.ACCEPT, note, true);
	}

	public static ReportReview returnToUnit(String reason) {
		return new ReportReview(ReviewDecision.RETURN, reason, false);
	}

}
