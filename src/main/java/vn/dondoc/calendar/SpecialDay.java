package vn.dondoc.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day that is not a plain weekday or plain weekend day: a holiday, a compensatory or bridge day off,
 * or a make-up working Saturday.
 *
 * @param date   the date
 * @param name   Vietnamese name, e.g. "Tết Dương lịch"
 * @param kind   why it departs from the plain week
 * @param source the legal text that makes it so (article of law or số văn bản)
 */
public record SpecialDay(LocalDate date, String name, DayKind kind, String source) {

	public SpecialDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(source, "source");
	}

	/** Whether this day is a day off (every kind but {@link DayKind#MAKEUP_WORKING_SATURDAY}). */
	public boolean isDayOff() {
		return kind.isDayOff();
	}
}
