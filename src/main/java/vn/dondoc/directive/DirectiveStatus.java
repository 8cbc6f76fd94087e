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
		throw new IllegalArgumentException("Không có trạng thái «" + text + "»; các trạng thái là "
				+ String.join(", ", java.util.Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList()));
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

	/**
	 * {@link #of} as an SQL expression over a {@code directive_unit} row, giving the status's
	 * {@link #ordinal()}, so that the database can filter, count and order by status: {@code :today} and
	 * {@code :dueSoonUntil} (the last due date that is "due soon" today) are its parameters, and
	 * {@code completed_on} is the day a part was completed in Vietnam.
	 */
	static String sql(String part) {
		return "CASE WHEN " + part + ".completed_at IS NOT NULL THEN CASE WHEN " + part + ".due_date IS NOT NULL AND " + part
				+ ".completed_on > " + part + ".due_date THEN " + DONE_LATE.ordinal() + " ELSE " + DONE_ON_TIME.ordinal() + " END"
				+ " WHEN " + part + ".due_date IS NULL THEN " + NO_DEADLINE.ordinal()
				+ " WHEN " + part + ".due_date < :today THEN " + OVERDUE.ordinal()
				+ " WHEN " + part + ".due_date <= :dueSoonUntil THEN " + DUE_SOON.ordinal()
				+ " ELSE " + ON_TRACK.ordinal() + " END";
	}

	/**
	 * The directives that have this status, the most urgent of their lead parts' ({@link #worst}), as an SQL
	 * condition on a {@code directive} row's summary of its parts (migration 27), with the parameters of
	 * {@link #sql}: the earliest due date of its open parts decides while there is one; without, an open part
	 * without a date (or no lead part at all) means no deadline; and with every part done, one done late makes
	 * the directive done late.
	 */
	static String sqlOfDirective(DirectiveStatus status, String directive) {
		String due = directive + ".next_due_date";
		String noOpenDated = due + " IS NULL";
		String allDone = noOpenDated + " AND " + directive + ".undated_open_parts = 0 AND " + directive + ".lead_parts > 0";
		return switch (status) {
			case OVERDUE -> due + " < :today";
			case DUE_SOON -> due + " BETWEEN :today AND :dueSoonUntil";
			case ON_TRACK -> due + " > :dueSoonUntil";
			case NO_DEADLINE -> noOpenDated + " AND (" + directive + ".undated_open_parts > 0 OR " + directive + ".lead_parts = 0)";
			case DONE_LATE -> allDone + " AND " + directive + ".late_done_parts > 0";
			case DONE_ON_TIME -> allDone + " AND " + directive + ".late_done_parts = 0";
		};
	}

	/** A directive's status is the most urgent of its units' (a late unit makes the directive late). */
	static DirectiveStatus worst(Collection<DirectiveStatus> statuses) {
		return statuses.stream().min(Enum::compareTo).orElse(NO_DEADLINE);
	}

}
