package vn.dondoc.calendar;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Settings of the calendar feature ({@code dondoc.calendar.*}).
 *
 * @param holidaysFile per-year overrides of the statutory holidays; a missing file means statutory rules only
 * @param zone         the zone in which dates are read (Vietnam has one)
 * @param workStart    start of office hours (giờ hành chính)
 * @param workEnd      end of office hours
 */
@ConfigurationProperties("dondoc.calendar")
public record CalendarSettings(
		@DefaultValue("config/holidays.yml") Path holidaysFile,
		@DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
		@DefaultValue("07:30") @DateTimeFormat(pattern = "H:mm") LocalTime workStart,
		@DefaultValue("17:00") @DateTimeFormat(pattern = "H:mm") LocalTime workEnd) {

	public CalendarSettings {
		if (holidaysFile == null) {
			holidaysFile = Path.of("config/holidays.yml");
		}
		if (zone == null) {
			zone = ZoneId.of("Asia/Ho_Chi_Minh");
		}
		if (workStart == null) {
			workStart = LocalTime.of(7, 30);
		}
		if (workEnd == null) {
			workEnd = LocalTime.of(17, 0);
		}
		if (!workStart.isBefore(workEnd)) {
			throw new IllegalArgumentException("dondoc.calendar.work-start (" + workStart
					+ ") must be before dondoc.calendar.work-end (" + workEnd + ")");
		}
	}

	/** The defaults: {@code config/holidays.yml}, Asia/Ho_Chi_Minh, 07:30–17:00. */
	public static CalendarSettings defaults() {
		return new CalendarSettings(null, null, null, null);
	}

	/** The defaults with another holidays file. */
	public static CalendarSettings withHolidaysFile(Path file) {
		return new CalendarSettings(file, null, null, null);
	}
}
