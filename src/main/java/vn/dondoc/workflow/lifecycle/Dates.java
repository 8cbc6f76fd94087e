package vn.dondoc.workflow.lifecycle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Due dates as the directive process keeps them: a {@link Date} at the end of the due day in Vietnam
 * (Bộ luật Dân sự, Điều 148: a limit ends at the end of its last day).
 */
public final class Dates {

	/** Every due day is a day in Vietnam, whatever the server's time zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Dates() {
	}

	/** 23:59:59 of the day in Vietnam. */
	public static Date endOfDay(LocalDate day) {
		return Date.from(day.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant());
	}

	/** The day in Vietnam of a moment, or {@code null}. */
	public static LocalDate day(Date date) {
		return date == null ? null : date.toInstant().atZone(ZONE).toLocalDate();
	}

	/** dd/MM/yyyy, or "Không thời hạn" without a date. */
	public static String label(Date date) {
		return date == null ? "Không thời hạn" : LABEL.format(day(date));
	}

	/** The engine's clock (tests move it with {@code ClockUtil}). */
	static Date now() {
		return ClockUtil.getCurrentTime();
	}

	static LocalDate today() {
		return day(now());
	}

	/**
	 * A day from what a form or a caller hands over: a {@link Date}, a {@link LocalDate}, or text as
	 * {@code yyyy-MM-dd} (Camunda Forms' date picker, possibly followed by a time) or {@code dd/MM/yyyy}.
	 *
	 * @return the day, or {@code null} when the value is empty
	 * @throws IllegalArgumentException when the text is not a date
	 */
	static LocalDate parseDay(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Date date) {
			return day(date);
		}
		if (value instanceof LocalDate day) {
			return day;
		}
		String text = value.toString().trim();
		if (text.isEmpty()) {
			return null;
		}
		try {
			if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
				return LocalDate.parse(text.substring(0, 10));
			}
			return LocalDate.parse(text, LABEL);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("'" + text + "' không phải là ngày (dd/MM/yyyy)", e);
		}
	}

}
