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

	/** Báo cáo được chấp nhận: the office accepted the unit's result report. */
	REPORT_ACCEPTED("Báo cáo được chấp nhận"),

	/** Báo cáo bị trả lại: the office returned the report, with its reason. */
	REPORT_RETURNED("Báo cáo bị trả lại"),

	/** Đồng ý gia hạn: the unit's due date moves to the day it asked for. */
	EXTENSION_APPROVED("Đồng ý gia hạn"),

	/** Không đồng ý gia hạn: the due date stands, for the reason given. */
	EXTENSION_REFUSED("Không đồng ý gia hạn"),

	/** Thông báo: a message a model sends ("Gửi thông báo" service task), subject and text written there. */
	MESSAGE("Thông báo");

	private final String label;

	NotificationKind(String label) {
		this.label = label;
	}

	/** Whether this tells a unit what the office decided (template {@code decision}). */
	public boolean isDecision() {
		return this == REPORT_ACCEPTED || this == REPORT_RETURNED || this == EXTENSION_APPROVED || this == EXTENSION_REFUSED;
	}

	/** The Vietnamese name, as it starts the subject line. */
	public String label() {
		return label;
	}

}
