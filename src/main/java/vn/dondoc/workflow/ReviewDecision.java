package vn.dondoc.workflow;

/** The tracking office's decision on a result report. */
public enum ReviewDecision {

	/** The report is accepted: the unit's part (or, for ongoing work, this period) is done. */
	ACCEPT,

	/** Back to the unit with a reason; its due date does not change. */
	RETURN

}
