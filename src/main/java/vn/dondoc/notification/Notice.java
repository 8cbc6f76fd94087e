package vn.dondoc.notification;

import java.time.LocalDate;
import java.util.List;

/**
 * One task (a directive's, or one of a modelled process) as a template shows it: every value already in words and in Vietnamese format, so
 * a template (and an operator editing one) needs no logic beyond "show this if present". Templates see
 * it as {@code notice} (one message) or each of {@code notices} (a digest).
 *
 * @param kind the {@link NotificationKind} name ({@code REMINDER}, …)
 * @param kindLabel its Vietnamese name ({@code Nhắc hạn}, …)
 * @param documentCode the source document's code, or {@code null} (a task of a modelled process)
 * @param documentTitle the source document's title, or {@code null}
 * @param section the directive's section in the document, or {@code null}
 * @param directiveText the directive in the document's own words; the task's name for a modelled process
 * @param leadUnitCode the unit that must carry it out
 * @param leadUnitName that unit's name
 * @param dueDate {@code Thứ Sáu, 30/06/2023}, or {@code null} without a due date
 * @param originalDueDate the first due date when extensions moved it, else {@code null}
 * @param extensionCount how many times it was extended
 * @param workingDaysLeft working days until the due date, negative once late, or {@code null}
 * @param daysOverdue working days late (positive), or {@code null} when not late
 * @param timeLeft {@code Còn 5 ngày làm việc}, {@code Đến hạn hôm nay}, {@code Đã quá hạn 3 ngày làm việc}…
 * @param taskUrl where the unit acts on its task: the directive's page in dondoc, for a task of a modelled process
 * the page {@code dondoc.work-url} names (Tasklist by default), or {@code null}
 * @param directiveUrl the directive in dondoc, or {@code null}
 * @param recipientNames who receives the message, in words
 * @param remindedOn the day the reminder was due on its own ({@code dd/MM/yyyy}; digests only)
 * @param decisionNote the office's note on its decision (decision mails), else {@code null}
 * @param requestedDueDate {@code Thứ Hai, 31/07/2023}: the due date the unit asked for (extension decisions), else
 * {@code null}
 * @param processName the name of the modelled process the task belongs to, else {@code null}
 * @param deadlineText the deadline in words ({@code dondoc.deadline.text} of the model), else {@code null}
 * @param remindedBefore whether a reminder of this task went out before this message
 */
record Notice(String kind, String kindLabel, String documentCode, String documentTitle, String section,
		String directiveText, String leadUnitCode, String leadUnitName, String dueDate, String originalDueDate,
		int extensionCount, Integer workingDaysLeft, Integer daysOverdue, String timeLeft, String taskUrl,
		String directiveUrl, List<String> recipientNames, String remindedOn, String decisionNote, String requestedDueDate,
		String processName, String deadlineText, boolean remindedBefore) {

	static Notice of(NotificationRequest request, LinkSettings links, LocalDate remindedOn) {
		Integer left = request.workingDaysLeft();
		String directiveUrl = links.directive(request.directiveId());
		return new Notice(request.kind().name(), request.kind().label(), blankToNull(request.documentCode()),
				blankToNull(request.documentTitle()), blankToNull(request.section()), request.directiveText(),
				request.leadUnitCode(), blankToNull(request.leadUnitName()),
				VietnameseDates.withWeekday(request.dueDate()), VietnameseDates.withWeekday(request.originalDueDate()),
				request.extensionCount(), left, left != null && left < 0 ? -left : null,
				request.kind().isDecision() ? null : timeLeft(request), links.task(request), directiveUrl,
				request.recipientNames(), VietnameseDates.date(remindedOn), blankToNull(request.decisionNote()),
				VietnameseDates.withWeekday(request.requestedDueDate()), blankToNull(request.processName()),
				blankToNull(request.deadlineText()), request.remindedBefore());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	static String timeLeft(NotificationRequest request) {
		if (request.dueDate() == null) {
			// a modelled task or a model's message without a date has nothing to say about it
			return request.modelledTask() || request.kind() == NotificationKind.MESSAGE ? null : "Không có hạn cụ thể (nhiệm vụ thường xuyên hoặc theo sự kiện)";
		}
		Integer left = request.workingDaysLeft();
		if (left == null) {
			return null;
		}
		if (left > 0) {
			return "Còn " + left + " ngày làm việc";
		}
		return left == 0 ? "Đến hạn hôm nay" : "Đã quá hạn " + (-left) + " ngày làm việc";
	}

	/**
	 * "KL-HNTU11-KXVI, mục I.2.3.1": where the directive stands in its document; for a task of a modelled process,
	 * the process's name; {@code ""} when nothing is known.
	 */
	static String where(NotificationRequest request) {
		String code = blankToNull(request.documentCode());
		String section = blankToNull(request.section());
		if (code == null) {
			String process = blankToNull(request.processName());
			return process == null ? "" : process;
		}
		return section == null ? code : code + ", mục " + section;
	}

}
