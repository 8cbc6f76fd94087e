package vn.dondoc.workflow;

/** How a unit's part of a directive ended (the tracking office's "hoàn thành đúng hạn / quá hạn"). */
public enum Outcome {

	/** The accepted report came in by the due date (an approved extension counts). */
	ON_TIME("Hoàn thành đúng hạn"),

	/** The accepted report came in after the due date. */
	LATE("Hoàn thành quá hạn"),

	/** Completed; there was no due date (an event deadline never fixed). */
	NO_DEADLINE("Hoàn thành (không thời hạn)"),

	/** Ongoing work whose periodic reports the office ended. */
	TRACKING_ENDED("Kết thúc theo dõi");

	private final String label;

	Outcome(String label) {
		this.label = label;
	}

	/** The Vietnamese name. */
	public String label() {
		return label;
	}

}
