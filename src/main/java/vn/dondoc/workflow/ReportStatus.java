package vn.dondoc.workflow;

/** What a unit says about its result. */
public enum ReportStatus {

	COMPLETED("Hoàn thành"), PARTLY_COMPLETED("Hoàn thành một phần");

	private final String label;

	ReportStatus(String label) {
		this.label = label;
	}

	/** The Vietnamese name. */
	public String label() {
		return label;
	}

}
