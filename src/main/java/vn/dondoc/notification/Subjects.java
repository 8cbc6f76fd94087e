package vn.dondoc.notification;

import java.time.LocalDate;
import java.util.List;

/**
 * Subject lines. They are built here rather than in a template because they go into a header: always
 * one line (see {@link HeaderText}), short enough for a mail list, and led by the kind of message so an
 * official sees at a glance what it asks of them.
 */
final class Subjects {

	private static final int EXCERPT = 70;

	private Subjects() {
	}

	static String of(NotificationRequest request) {
		String excerpt = HeaderText.shorten(HeaderText.singleLine(request.directiveText()), EXCERPT);
		String where = Notice.where(request);
		String about = where.isBlank() ? excerpt : excerpt + " (" + where + ")";
		String due = request.dueDate() == null ? "không thời hạn" : "hạn " + VietnameseDates.date(request.dueDate());
		Integer left = request.workingDaysLeft();
		String label = request.kind().label();
		String subject = switch (request.kind()) {
			case ASSIGNMENT, DUE_TODAY -> label + ": " + about + " – " + due;
			case REMINDER, DUE_SOON -> label + ": " + about + " – "
					+ (left != null && left > 0 ? "còn " + left + " ngày làm việc, " : "") + due;
			case OVERDUE -> label + (left != null && left < 0 ? " " + (-left) + " ngày làm việc" : "") + ": " + about
					+ " – " + due;
			case MESSAGE -> label + ": " + HeaderText.singleLine(request.documentTitle() == null ? excerpt : request.documentTitle())
					+ (where.isBlank() ? "" : " (" + where + ")");
			case REPORT_ACCEPTED -> label + ": " + about;
			case REPORT_RETURNED -> label + ": " + about + " – " + due;
			case EXTENSION_APPROVED -> label + (request.dueDate() == null ? "" : " đến " + VietnameseDates.date(request.dueDate()))
					+ ": " + about;
			case EXTENSION_REFUSED -> label + ": " + about + " – " + (request.dueDate() == null ? due : "giữ hạn "
					+ VietnameseDates.date(request.dueDate()));
			case ESCALATION -> label + ": " + HeaderText.singleLine(request.leadUnitName()) + " chậm thực hiện"
					+ (left != null && left < 0 ? " " + (-left) + " ngày làm việc" : "") + " – " + about;
		};
		return HeaderText.subject(subject);
	}

	static String officeDigest(LocalDate day, long awaitingReview, long newlyOverdue) {
		return HeaderText.subject("Tổng hợp ngày " + VietnameseDates.date(day) + ": " + awaitingReview + " việc chờ Văn phòng xem xét, "
				+ newlyOverdue + " nhiệm vụ mới quá hạn");
	}

	static String digest(LocalDate day, int count, List<String> recipientNames) {
		String names = recipientNames.size() == 1 ? " – " + recipientNames.get(0) : "";
		return HeaderText.subject("Tổng hợp nhắc hạn ngày " + VietnameseDates.date(day) + ": " + count + " nhiệm vụ"
				+ names);
	}

}
