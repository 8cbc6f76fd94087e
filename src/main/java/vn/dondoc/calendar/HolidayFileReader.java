package vn.dondoc.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code config/holidays.yml} (format in {@code docs/calendar.md}) and checks it whole, so that a
 * typo stops the application at start-up with a message naming the file, the year and the entry,
 * rather than silently moving a deadline.
 */
final class HolidayFileReader {

	static final String DAYS_OFF = "days-off";
	static final String NOT_OFF = "not-off";
	static final String WORKING_SATURDAYS = "working-saturdays";
	private static final Set<String> LISTS = Set.of(DAYS_OFF, NOT_OFF, WORKING_SATURDAYS);
	private static final Set<String> ENTRY_FIELDS = Set.of("date", "name", "kind", "source");

	private HolidayFileReader() {
	}

	static HolidayOverrides read(Path file) {
		String name = file.toString();
		String text;
		try {
			text = Files.readString(file);
		} catch (IOException e) {
			throw new InvalidHolidayFileException(name + ": cannot be read (" + e.getMessage() + ")", e);
		}
		return parse(name, text);
	}

	static HolidayOverrides parse(String file, String yaml) {
		JsonNode root;
		try {
			root = new YAMLMapper().readTree(yaml);
		} catch (JsonProcessingException e) {
			throw new InvalidHolidayFileException(file + ": not valid YAML: " + e.getOriginalMessage()
					+ (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			return new HolidayOverrides(file, Map.of());
		}
		if (!root.isObject()) {
			throw fail(file, "the top level must be a mapping with a 'years' key");
		}
		for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
			String key = it.next();
			if (!key.equals("years")) {
				throw fail(file, "unknown top-level key '" + key + "' (expected 'years')");
			}
		}
		JsonNode years = root.path("years");
		if (years.isMissingNode() || years.isNull()) {
			return new HolidayOverrides(file, Map.of());
		}
		if (!years.isObject()) {
			throw fail(file, "'years' must map a year (e.g. 2024) to its decisions");
		}
		Map<Integer, HolidayOverrides.Year> result = new TreeMap<>();
		for (Map.Entry<String, JsonNode> yearNode : years.properties()) {
			int year = parseYear(file, yearNode.getKey());
			result.put(year, readYear(file, year, yearNode.getValue()));
		}
		return new HolidayOverrides(file, result);
	}

	private static int parseYear(String file, String key) {
		try {
			int year = Integer.parseInt(key.trim());
			if (year < LunarCalendar.MIN_DATE.getYear() || year > LunarCalendar.MAX_DATE.getYear()) {
				throw fail(file, "year " + key + " is outside 1900–2100");
			}
			return year;
		} catch (NumberFormatException e) {
			throw fail(file, "'" + key + "' under 'years' is not a year");
		}
	}

	private static HolidayOverrides.Year readYear(String file, int year, JsonNode node) {
		if (node == null || node.isNull()) {
			return HolidayOverrides.Year.EMPTY;
		}
		if (!node.isObject()) {
			throw fail(file, "year " + year + ": must be a mapping with " + DAYS_OFF + ", " + NOT_OFF + " and/or "
					+ WORKING_SATURDAYS);
		}
		for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
			String key = it.next();
			if (!LISTS.contains(key)) {
				throw fail(file, "year " + year + ": unknown key '" + key + "' (expected " + DAYS_OFF + ", " + NOT_OFF
						+ ", " + WORKING_SATURDAYS + ")");
			}
		}
		List<HolidayOverrides.Entry> off = entries(file, year, DAYS_OFF, node.path(DAYS_OFF));
		List<HolidayOverrides.Entry> notOff = entries(file, year, NOT_OFF, node.path(NOT_OFF));
		List<HolidayOverrides.Entry> saturdays = entries(file, year, WORKING_SATURDAYS, node.path(WORKING_SATURDAYS));
		Map<LocalDate, String> seen = new TreeMap<>();
		for (List<HolidayOverrides.Entry> list : List.of(off, notOff, saturdays)) {
			for (HolidayOverrides.Entry entry : list) {
				String previous = seen.put(entry.date(), entry.where());
				if (previous != null) {
					throw fail(file, "year " + year + ", entry " + entry.where() + " (" + entry.date()
							+ "): the same date is already listed in " + previous);
				}
			}
		}
		return new HolidayOverrides.Year(off, notOff, saturdays);
	}

	private static List<HolidayOverrides.Entry> entries(String file, int year, String list, JsonNode node) {
		if (node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw fail(file, "year " + year + ": '" + list + "' must be a list of entries");
		}
		List<HolidayOverrides.Entry> entries = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			entries.add(entry(file, year, list, i, node.get(i)));
		}
		return entries;
	}

	private static HolidayOverrides.Entry entry(String file, int year, String list, int index, JsonNode node) {
		String where = list + "[" + index + "]";
		if (!node.isObject()) {
			throw fail(file, "year " + year + ", entry " + list + "[" + index + "]: must be a mapping with date, name"
					+ " and source");
		}
		for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
			String key = it.next();
			if (!ENTRY_FIELDS.contains(key)) {
				throw fail(file, entryLabel(year, list, index, node) + ": unknown field '" + key
						+ "' (expected date, name, kind, source)");
			}
		}
		String label = entryLabel(year, list, index, node);
		String dateText = text(node, "date");
		if (dateText == null) {
			throw fail(file, label + ": 'date' is missing (write it as yyyy-MM-dd)");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(dateText);
		} catch (DateTimeParseException e) {
			throw fail(file, label + ": date '" + dateText + "' is not a valid yyyy-MM-dd date");
		}
		if (date.getYear() != year) {
			throw fail(file, label + ": date " + dateText + " is not in " + year);
		}
		String name = text(node, "name");
		if (name == null || name.isBlank()) {
			throw fail(file, label + ": 'name' is missing");
		}
		String source = text(node, "source");
		if (source == null || source.isBlank()) {
			throw fail(file, label + ": 'source' is missing (give the số văn bản that decided it)");
		}
		String kindText = text(node, "kind");
		DayKind kind = switch (list) {
			case DAYS_OFF -> dayOffKind(file, label, kindText);
			case WORKING_SATURDAYS -> {
				if (kindText != null && !kindText.equals(DayKind.MAKEUP_WORKING_SATURDAY.name())) {
					throw fail(file, label + ": kind of a working Saturday can only be MAKEUP_WORKING_SATURDAY");
				}
				if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
					throw fail(file, label + ": " + dateText + " is a " + date.getDayOfWeek()
							+ ", not a weekend day to be worked");
				}
				yield DayKind.MAKEUP_WORKING_SATURDAY;
			}
			default -> {
				if (kindText != null) {
					throw fail(file, label + ": a " + NOT_OFF + " entry takes no kind");
				}
				yield null;
			}
		};
		return new HolidayOverrides.Entry(where, date, name.strip(), kind, source.strip());
	}

	private static DayKind dayOffKind(String file, String label, String kindText) {
		if (kindText == null) {
			return DayKind.BRIDGE_DAY_OFF;
		}
		DayKind kind;
		try {
			kind = DayKind.valueOf(kindText.strip());
		} catch (IllegalArgumentException e) {
			throw fail(file, label + ": unknown kind '" + kindText
					+ "' (expected PUBLIC_HOLIDAY, COMPENSATORY or BRIDGE_DAY_OFF)");
		}
		if (!kind.isDayOff()) {
			throw fail(file, label + ": kind " + kindText + " is not a day off; list it under " + WORKING_SATURDAYS);
		}
		return kind;
	}

	private static String entryLabel(int year, String list, int index, JsonNode node) {
		String date = text(node, "date");
		return "year " + year + ", entry " + list + "[" + index + "]" + (date != null ? " (" + date + ")" : "");
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asText();
	}

	static InvalidHolidayFileException fail(String file, String problem) {
		return new InvalidHolidayFileException("Invalid holiday file " + file + ": " + problem);
	}
}
