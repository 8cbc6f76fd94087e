package vn.dondoc.reminder;

/** Who a reminder step writes to. */
public enum Audience {

	/** The lead unit's mailboxes. */
	UNIT,

	/** The lead unit and its head. */
	UNIT_AND_HEAD,

	/** The unit it escalates to (and its head), with the late unit and its head in copy. */
	ESCALATION,

	/** As {@link #ESCALATION}, and the top of the escalation chain (the Thường trực) too. */
	ESCALATION_AND_TOP

}
