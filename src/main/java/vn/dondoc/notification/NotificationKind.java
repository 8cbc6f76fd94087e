package vn.dondoc.notification;

/** The messages dondoc sends, each with its own template and subject. */
public enum NotificationKind {

	/** Thông báo giao nhiệm vụ: sent when a unit's task is created. */
	ASSIGNMENT("Thông báo giao nhiệm vụ"),

	/** Nhắc hạn: an early reminder. */
	REMINDER("Nhắc hạn"),

	/** Sắp đến hạn: the due date is close. */
	DUE_SOON("Sắp đến hạn"),

	/** Đến hạn hôm nay. */
	DUE_TODAY("Đến hạn hôm nay"),

	/** Quá hạn: the lead unit is late. */
	OVERDUE("Quá hạn"),

	/** Cảnh báo leo thang: the unit above the late unit is told. */
	ESCALATION("Cảnh báo leo thang"),

	/** Thông báo: a message a model sends ("Gửi thông báo" service task), subject and text written there. */
	MESSAGE("Thông báo");

	private final String label;

	NotificationKind(String label) {
		this.label = label;
	}

	/** The Vietnamese name, as it starts the subject line. */
	public String label() {
		return label;
	}

}
