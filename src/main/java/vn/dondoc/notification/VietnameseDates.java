package vn.dondoc.notification;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import vn.dondoc.DondocApplication;

/** Dates as a Vietnamese office writes them: {@code Thứ Sáu, 30/06/2023}, in Vietnam's time zone. */
final class VietnameseDates {

	static final ZoneId ZONE = ZoneId.of(DondocApplication.ZONE);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private VietnameseDates() {
	}

	static String weekday(DayOfWeek day) {
		return switch (day) {
			case MONDAY -> "Thứ Hai";
			case TUESDAY -> "Thứ Ba";
			case WEDNESDAY -> "Thứ Tư";
			case THURSDAY -> "Thứ Năm";
			case FRIDAY -> "Thứ Sáu";
			case SATURDAY -> "Thứ Bảy";
			case SUNDAY -> "Chủ nhật";
		};
	}

	/** {@code 30/06/2023}, or {@code null} without a date. */
	static String date(LocalDate date) {
		return date == null ? null : DATE.format(date);
	}

	/** {@code Thứ Sáu, 30/06/2023}, or {@code null} without a date. */
	static String withWeekday(LocalDate date) {
		return date == null ? null : weekday(date.getDayOfWeek()) + ", " + DATE.format(date);
	}

	/** {@code 30/06/2023 08:15} in Vietnam. */
	static String dateTime(Instant instant) {
		return instant == null ? null : DATE_TIME.format(instant.atZone(ZONE));
	}

	static LocalDate today(Instant now) {
		return now.atZone(ZONE).toLocalDate();
	}

}
