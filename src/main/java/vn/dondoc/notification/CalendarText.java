package vn.dondoc.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar file (RFC 5545) written line by line: each content line ends with CRLF and is folded before
 * it passes 75 octets, never inside a UTF-8 sequence; TEXT values are escaped ({@code \\ \; \, \n}).
 * <p>
 * dondoc writes two shapes only (a published calendar of all-day events, the mails' files and the feed),
 * so it writes them itself: building them as ical4j's object model and printing that model was a tenth of
 * a notification dispatcher's CPU time in a reminder burst (BENCHMARKS.md). The tests read every file back
 * with ical4j's parser.
 */
final class CalendarText {

	/** Octets a content line may hold, the CRLF not counted (RFC 5545, 3.1). */
	static final int MAX_OCTETS = 75;

	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final StringBuilder out = new StringBuilder(2048);

	/** {@code BEGIN:<component>}. */
	CalendarText begin(String component) {
		return line("BEGIN:" + component);
	}

	/** {@code END:<component>}. */
	CalendarText end(String component) {
		return line("END:" + component);
	}

	/**
	 * A property whose value is written as it is (an identifier, a number, a URI, a duration): {@code name}
	 * may carry parameters ({@code REFRESH-INTERVAL;VALUE=DURATION}). Control characters are dropped, so a
	 * value can never start a line of its own.
	 */
	CalendarText property(String name, String value) {
		return line(name + ":" + withoutControls(value));
	}

	/** A TEXT property, escaped. */
	CalendarText text(String name, String value) {
		return line(name + ":" + escape(value));
	}

	/** An all-day date ({@code DTSTART;VALUE=DATE:20230630}). */
	CalendarText date(String name, LocalDate day) {
		return line(name + ";VALUE=DATE:" + DATE.format(day));
	}

	/** A moment in UTC ({@code DTSTAMP:20230620T010000Z}). */
	CalendarText utc(String name, Instant moment) {
		return line(name + ":" + UTC_TIME.format(moment));
	}

	/** The file, UTF-8. */
	byte[] toBytes() {
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return out.toString();
	}

	/**
	 * TEXT escaping: backslash, semicolon and comma get a backslash, a line break (CRLF, CR or LF) becomes
	 * {@code \n}; other control characters but the tab become a space.
	 */
	static String escape(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(value.length() + 16);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\', ';', ',' -> escaped.append('\\').append(c);
				case '\r' -> {
					escaped.append("\\n");
					if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
						i++;
					}
				}
				case '\n' -> escaped.append("\\n");
				default -> escaped.append(isControl(c) ? ' ' : c);
			}
		}
		return escaped.toString();
	}

	private static String withoutControls(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder plain = new StringBuilder(value.length());
		value.chars().filter(c -> !isControl((char) c)).forEach(c -> plain.append((char) c));
		return plain.toString();
	}

	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\t') || c == 0x7f;
	}

	/** Appends one content line, folded: CRLF and a space before the octet that would pass the limit. */
	private CalendarText line(String line) {
		int octets = 0;
		for (int i = 0; i < line.length();) {
			int codePoint = line.codePointAt(i);
			int size = utf8Length(codePoint);
			if (octets + size > MAX_OCTETS) {
				out.append("\r\n ");
				octets = 1;   // the space that starts the continuation
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
		return this;
	}

	private static int utf8Length(int codePoint) {
		return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
	}

}
