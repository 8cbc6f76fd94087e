package vn.dondoc.calendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A Vietnamese deadline phrase resolved against the issue date of its document.
 *
 * @param phrase            the phrase as written
 * @param kind              how the phrase fixes its date
 * @param dueDate           the due date (the limit ends at the end of that day), or {@code null} for
 *                          {@link DeadlineKind#ONGOING} and {@link DeadlineKind#EVENT}
 * @param statedDate        the date the phrase itself gives, before Điều 148 BLDS moved it off a day off;
 *                          equal to {@code dueDate} when nothing moved, {@code null} when there is no date
 * @param movedToWorkingDay whether the stated date was a weekend day or holiday, so that the limit ends on
 *                          the next working day instead (Bộ luật Dân sự 2015, Điều 148)
 * @param event             for {@link DeadlineKind#EVENT}, the event as written ("trước khi trình HĐND thành phố")
 * @param explanation       one line in Vietnamese saying how the date was found
 */
public record Deadline(String phrase, DeadlineKind kind, LocalDate dueDate, LocalDate statedDate,
					   boolean movedToWorkingDay, String event, String explanation) {

	/** The due date, if the deadline has one. */
	public Optional<LocalDate> due() {
		return Optional.ofNullable(dueDate);
	}
}
