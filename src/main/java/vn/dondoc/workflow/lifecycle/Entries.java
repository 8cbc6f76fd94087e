package vn.dondoc.workflow.lifecycle;

/**
 * Keys of the history entries kept in the unit-scope variables {@code extensions} and {@code reports}:
 * each entry is a {@code Map<String, Object>} of JDK values only (String, Date, Boolean), so that the
 * history stays readable whatever happens to dondoc's classes.
 */
public final class Entries {

	// an extension request and its decision
	public static final String REQUESTED_DUE_DATE = "requestedDueDate";

	public static final String PREVIOUS_DUE_DATE = "previousDueDate";

	public static final String REASON = "reason";

	public static final String REQUESTED_BY = "requestedBy";

	public static final String REQUESTED_AT = "requestedAt";

	public static final String DECISION = "decision";

	public static final String DECIDED_BY = "decidedBy";

	public static final String DECIDED_AT = "decidedAt";

	public static final String DECISION_NOTE = "decisionNote";

	// a result report and its review
	public static final String PERIOD = "period";

	public static final String STATUS = "status";

	public static final String TEXT = "text";

	public static final String LINK = "link";

	public static final String SUBMITTED_BY = "submittedBy";

	public static final String SUBMITTED_AT = "submittedAt";

	public static final String DUE_DATE = "dueDate";

	public static final String REVIEW = "review";

	public static final String REVIEWED_BY = "reviewedBy";

	public static final String REVIEWED_AT = "reviewedAt";

	public static final String COMMENT = "comment";

	/** Boolean: submitted by the due date in force when the report was accepted; absent without a due date. */
	public static final String ON_TIME = "onTime";

	private Entries() {
	}

}
