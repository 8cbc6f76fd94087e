package vn.dondoc.notification;

import java.time.LocalDate;
import java.util.List;

/** Notification requests taken from the seed conclusion (KL-HNTU11-KXVI, I.2.3.1: the cadre rotation plan). */
final class Requests {

	static final String DIRECTIVE = "KL-HNTU11-KXVI/I.2.3.1";

	static final String TEXT = "Giao Ban Tổ chức Thành ủy khẩn trương báo cáo Kế hoạch luân chuyển cán bộ của thành phố "
			+ "và hướng dẫn các quận, huyện xây dựng Kế hoạch của cấp mình, hoàn thành trong quý II năm 2023.";

	static final String BAN_TO_CHUC = "ban-to-chuc@thanhuy-haiphong.example";

	static final String HEAD = "lanh-dao.ban-to-chuc@thanhuy-haiphong.example";

	static final String VAN_PHONG = "van-phong-thanh-uy@thanhuy-haiphong.example";

	/** Friday. */
	static final LocalDate DUE = LocalDate.of(2023, 6, 30);

	private Requests() {
	}

	static NotificationRequest of(String key, NotificationKind kind, Integer workingDaysLeft) {
		return new NotificationRequest(key, kind, List.of(BAN_TO_CHUC), List.of(HEAD), DIRECTIVE, "KL-HNTU11-KXVI",
				"Kết luận Hội nghị Thành ủy lần thứ 11, khóa XVI", "I.2.3.1", TEXT, "ban-to-chuc",
				"Ban Tổ chức Thành ủy", DUE, null, 0, workingDaysLeft, "task-4711", List.of("Ban Tổ chức Thành ủy"));
	}

	static NotificationRequest reminder(String key) {
		return of(key, NotificationKind.REMINDER, 5);
	}

	static NotificationRequest escalation(String key) {
		return new NotificationRequest(key, NotificationKind.ESCALATION, List.of(VAN_PHONG), List.of(), DIRECTIVE,
				"KL-HNTU11-KXVI", "Kết luận Hội nghị Thành ủy lần thứ 11, khóa XVI", "I.2.3.1", TEXT, "ban-to-chuc",
				"Ban Tổ chức Thành ủy", DUE, null, 0, -3, "task-4711", List.of("Văn phòng Thành ủy"));
	}

	static NotificationRequest to(String key, String address) {
		NotificationRequest r = reminder(key);
		return new NotificationRequest(key, r.kind(), List.of(address), List.of(), r.directiveId(), r.documentCode(),
				r.documentTitle(), r.section(), r.directiveText(), r.leadUnitCode(), r.leadUnitName(), r.dueDate(),
				r.originalDueDate(), r.extensionCount(), r.workingDaysLeft(), r.taskId(), r.recipientNames());
	}

	static NotificationRequest withText(String key, String directiveText, String unitName) {
		NotificationRequest r = reminder(key);
		return new NotificationRequest(key, r.kind(), r.to(), r.cc(), r.directiveId(), r.documentCode(), r.documentTitle(),
				r.section(), directiveText, r.leadUnitCode(), unitName, r.dueDate(), r.originalDueDate(),
				r.extensionCount(), r.workingDaysLeft(), r.taskId(), List.of(unitName));
	}

	static NotificationRequest extended(String key, LocalDate newDue, int extensions) {
		NotificationRequest r = reminder(key);
		return new NotificationRequest(key, r.kind(), r.to(), r.cc(), r.directiveId(), r.documentCode(), r.documentTitle(),
				r.section(), r.directiveText(), r.leadUnitCode(), r.leadUnitName(), newDue, DUE, extensions,
				r.workingDaysLeft(), r.taskId(), r.recipientNames());
	}

}
