package vn.dondoc.workflow.lifecycle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Date;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Due dates as the directive process keeps them: a {@link Date} at the end of the due day in Vietnam
 * (Bộ luật Dân sự, Điều 148: a limit ends at the end of its last day).
 */
public final class Dates {

	/** Every due day is a day in Vietnam, whatever the server's time zone. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** How people type a day: one or two digits for day and month, four for the year. */
	private static final Pattern DAY_FIRST = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

	/** Strict: 31/02/2027 is refused, not read as 28/02/2027. */
	private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

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
	 * A day from what a form or a caller hands over: a {@link Date}, a {@link LocalDate}, or text written
	 * day first, {@code d/M/yyyy} ({@code 05/03/2027} is 5 March 2027), as people in Vietnam write it. Any
	 * other text is refused rather than guessed: {@code 2027-03-05} or {@code 03/05/27} could be read two
	 * ways, and a day that does not exist ({@code 31/02/2027}) is not moved to one that does.
	 *
	 * @return the day, or {@code null} when the value is empty
	 * @throws IllegalArgumentException when the text is not such a date, with the reason in Vietnamese
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
		if (!DAY_FIRST.matcher(text).matches()) {
			throw new IllegalArgumentException("\"" + text + "\" không phải là ngày viết theo ngày/tháng/năm (ví dụ 05/03/2027)");
		}
		try {
			return LocalDate.parse(text, WRITTEN);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("ngày " + text + " không có trên lịch", e);
		}
	}

}
