package vn.dondoc.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Vietnamese date formatting shared by the feature. */
final class Dates {

	/** dd/MM/yyyy, the form Vietnamese documents use. */
	static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String[] WEEKDAYS = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy",
			"Chủ nhật"};

	private Dates() {
	}

	static String format(LocalDate date) {
		return date.format(DISPLAY);
	}

	/** "thứ Hai" … "Chủ nhật". */
	static String weekdayName(LocalDate date) {
		return WEEKDAYS[date.getDayOfWeek().getValue() - 1];
	}
}
