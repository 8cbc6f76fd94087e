package vn.dondoc.directive;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;

/**
 * Where a lead unit's part (or a whole directive) stands, in the words Vietnamese tracking offices use
 * when they report to the committee. Machine names are English, labels Vietnamese.
 */
public enum DirectiveStatus {

	OVERDUE("quá hạn"),
	DUE_SOON("sắp đến hạn"),
	ON_TRACK("trong hạn"),
	NO_DEADLINE("không thời hạn"),
	DONE_LATE("hoàn thành quá hạn"),
	DONE_ON_TIME("hoàn thành đúng hạn");

	private final String label;

	DirectiveStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isDone() {
		return this == DONE_LATE || this == DONE_ON_TIME;
	}

	/** Accepts the machine name in any case, or the Vietnamese label. */
	public static DirectiveStatus parse(String text) {
		String wanted = text.strip();
		for (DirectiveStatus status : values()) {
			if (status.name().equalsIgnoreCase(wanted.replace('-', '_')) || status.label.equalsIgnoreCase(wanted)) {
				return status;
			}
		}
		throw new IllegalArgumentException("unknown status '" + text + "'; one of "
				+ java.util.Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
	}

	/**
	 * The status of one unit's part.
	 *
	 * @param dueDate its due date, or {@code null}
	 * @param completedOn the day it was completed (in Vietnam), or {@code null} while open
	 * @param today today in Vietnam
	 * @param dueSoonFrom the first day on which an open part counts as due soon
	 */
	static DirectiveStatus of(LocalDate dueDate, LocalDate completedOn, LocalDate today, LocalDate dueSoonFrom) {
		if (completedOn != null) {
			return dueDate != null && completedOn.isAfter(dueDate) ? DONE_LATE : DONE_ON_TIME;
		}
		if (dueDate == null) {
			return NO_DEADLINE;
		}
		// a limit ends at the end of its last day (Điều 148 BLDS): late from the next day on
		if (today.isAfter(dueDate)) {
			return OVERDUE;
		}
		return today.isBefore(dueSoonFrom) ? ON_TRACK : DUE_SOON;
	}

	/** A directive's status is the most urgent of its units' (a late unit makes the directive late). */
	static DirectiveStatus worst(Collection<DirectiveStatus> statuses) {
		return statuses.stream().min(Enum::compareTo).orElse(NO_DEADLINE);
	}

}
