package vn.dondoc.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The government's yearly decisions on top of the statutory rules, as read from {@code config/holidays.yml}.
 *
 * @param file  where they were read from (for messages)
 * @param years decisions by Gregorian year
 */
record HolidayOverrides(String file, Map<Integer, Year> years) {

	static HolidayOverrides none() {
		return new HolidayOverrides("(none)", Map.of());
	}

	Year year(int year) {
		return years.getOrDefault(year, Year.EMPTY);
	}

	/**
	 * One year's decisions.
	 *
	 * @param daysOff          extra days off (a moved Tết day, a bridge day), each with its kind
	 * @param notOff           statutory days off that the decision gives back as working days
	 * @param workingSaturdays weekend days worked to make up a bridge day
	 */
	record Year(List<Entry> daysOff, List<Entry> notOff, List<Entry> workingSaturdays) {
		static final Year EMPTY = new Year(List.of(), List.of(), List.of());
	}

	/**
	 * One line of a decision.
	 *
	 * @param where  list and position, e.g. "days-off[1]", for messages
	 * @param date   the date
	 * @param name   Vietnamese name
	 * @param kind   kind of the resulting day
	 * @param source số văn bản of the decision
	 */
	record Entry(String where, LocalDate date, String name, DayKind kind, String source) {
	}
}
