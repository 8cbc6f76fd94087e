package vn.dondoc.workflow;

/** Where an extension request stands. */
public enum ExtensionDecision {

	PENDING("Chờ xem xét"), APPROVED("Đồng ý gia hạn"), REJECTED("Không đồng ý"),

	/** The unit reported before the office decided; the request lapsed. */
	WITHDRAWN("Không còn cần xét");

	private final String label;

	ExtensionDecision(String label) {
		this.label = label;
	}

	/** The Vietnamese name. */
	public String label() {
		return label;
	}

}
