package vn.dondoc.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.dondoc.calendar.Deadline;
import vn.dondoc.calendar.DeadlineParseException;
import vn.dondoc.calendar.DeadlineParser;

/**
 * Finds the deadline a directive's sentence gives, and only that: a phrase introduced as a deadline
 * ("trước ngày 20/4/2023", "hoàn thành trong quý II năm 2023", "trong 7 ngày làm việc kể từ ngày nhận",
 * "trước khi trình …", "định kỳ hằng quý", a sentence that starts "Tiếp tục …"), resolved by the calendar's
 * own parser. Dates of cited documents ("Chỉ thị số 28-CT/TW, ngày 21/12/2023"), plan periods ("giai đoạn
 * 2021 - 2025", "tầm nhìn đến năm 2050") and anniversaries are not introduced that way and are not taken.
 */
final class DeadlineFinder {

	/** A deadline found at [start, end) of the sentence. */
	record Found(String phrase, Deadline deadline, int start, int end) {
	}

	private static final String LEAD_IN = "(?:(?:hoan thanh|hoan tat|xong|thuc hien xong|bao cao|trinh) )?";

	private static final List<Pattern> EXPLICIT = List.of(
			// a day: trước ngày 20/4/2023, chậm nhất ngày 12 tháng 11 năm 2025
			Pattern.compile(LEAD_IN + "(?:truoc|cham nhat(?: la| vao)?|trong|den het|den|vao|han)"
					+ " ngay \\d{1,2}(?:[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?| thang \\d{1,2}(?: nam \\d{4})?)"),
			// a quarter, a month, half a year, a year
			Pattern.compile(LEAD_IN + "(?:trong|truoc|den het|cuoi|ngay trong) quy (?:[ivx]+|\\d)(?:(?: nam |/)\\d{4})?"),
			Pattern.compile(LEAD_IN + "(?:trong|truoc|den het|cuoi|dau|giua) thang \\d{1,2}(?:(?:/| nam )\\d{4})?"),
			Pattern.compile(LEAD_IN + "(?:trong )?(?:\\d+ thang|nua) (?:dau|cuoi) nam(?: \\d{4})?"),
			// a year only as a completion ("hoàn thành trong năm 2026", "đến hết năm 2026"): "xác định trong năm 2023" is not one
			Pattern.compile("(?:hoan thanh |hoan tat |xong )(?:trong |truoc |den het )?nam \\d{4}|(?:cuoi|den het) nam \\d{4}"),
			// a number of days from an event
			Pattern.compile("trong(?: vong| thoi han)? \\d+ (?:ngay lam viec|ngay|tuan|thang)(?: (?:ke tu|tinh tu) (?:ngay )?[^,.;:()]+)?"),
			// an event
			Pattern.compile("truoc khi [^.;:()]+|truoc (?:ky hop|hoi nghi|phien hop|dai hoi) [^.;:(),]+"));

	private static final Pattern PERIODIC = Pattern.compile("dinh ky hang (?:quy|thang|nam|tuan)|hang (?:quy|thang)(?= bao cao)");

	private static final Pattern YEAR = Pattern.compile("nam (\\d{4})");

	private static final Pattern PERIOD = Pattern.compile(
			"(quy (?:[ivx]+|\\d)(?: nam \\d{4})?|\\d+ thang (?:dau|cuoi) nam(?: \\d{4})?|thang \\d{1,2}(?: nam \\d{4}|/\\d{4})?|nam \\d{4})");

	/** Work that goes on: "Tiếp tục …" at the start of the item or of a sentence, "… thường xuyên." at its end. */
	private static final Pattern ONGOING = Pattern.compile("(?:^|[.] )(?:tiep tuc|thuong xuyen)(?![a-z])|thuong xuyen(?=[.;]?$)");

	private final DeadlineParser parser;

	DeadlineFinder(DeadlineParser parser) {
		this.parser = parser;
	}

	/** The deadline the sentence states itself, if it states one that the calendar reads. */
	Found find(String text, LocalDate issuedOn) {
		String folded = TextNormalizer.fold(text);
		List<Found> found = new ArrayList<>();
		for (Pattern pattern : EXPLICIT) {
			Matcher m = pattern.matcher(folded);
			while (m.find()) {
				String phrase = text.substring(m.start(), m.end()).strip();
				Deadline deadline = parse(phrase, issuedOn);
				if (deadline != null) {
					found.add(new Found(phrase, deadline, m.start(), m.end()));
				}
			}
		}
		if (!found.isEmpty()) {
			// the first in the sentence; of two at one place, the longer
			found.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt((Found f) -> f.end() - f.start()).reversed()));
			return found.get(0);
		}
		Matcher periodic = PERIODIC.matcher(folded);
		if (periodic.find()) {
			// "định kỳ hằng quý" as the calendar reads it: "hằng quý"
			String words = text.substring(periodic.start(), periodic.end());
			Found ongoing = tryPhrase(words, issuedOn, periodic.start(), periodic.end());
			int every = TextNormalizer.fold(words).indexOf("hang ");
			if (ongoing == null && every >= 0) {
				ongoing = tryPhrase(words.substring(every), issuedOn, periodic.start() + every, periodic.end());
			}
			if (ongoing != null) {
				return ongoing;
			}
		}
		// "X tiếp tục thực hiện …": the first clause carries on what was begun
		int clause = firstClauseEnd(folded);
		int carriesOn = folded.indexOf("tiep tuc");
		if (carriesOn >= 0 && carriesOn < clause) {
			return tryPhrase("tiếp tục", issuedOn, carriesOn, carriesOn + 8);
		}
		Matcher ongoing = ONGOING.matcher(folded.strip());
		if (ongoing.find()) {
			return tryPhrase(ongoing.group().contains("thuong xuyen") ? "thường xuyên" : "tiếp tục", issuedOn, ongoing.start(),
					ongoing.end());
		}
		return null;
	}

	private static int firstClauseEnd(String folded) {
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if ((c == '.' || c == ';' || c == ':') && (i + 1 == folded.length() || folded.charAt(i + 1) == ' ')) {
				return i;
			}
		}
		return folded.length();
	}

	/** A phrase written by dondoc itself (a heading's period, "trong quý II năm 2023"), resolved. */
	Found resolve(String phrase, LocalDate issuedOn) {
		return tryPhrase(phrase, issuedOn, 0, 0);
	}

	private Found tryPhrase(String phrase, LocalDate issuedOn, int start, int end) {
		Deadline deadline = parse(phrase, issuedOn);
		return deadline == null ? null : new Found(phrase, deadline, start, end);
	}

	private Deadline parse(String phrase, LocalDate issuedOn) {
		try {
			return parser.parse(phrase, issuedOn);
		}
		catch (DeadlineParseException | IllegalArgumentException e) {
			return null;
		}
	}

	/**
	 * The period a conclusion's headings give their items ("nhiệm vụ trọng tâm quý II", "… năm 2023"), as a
	 * deadline phrase ("trong quý II năm 2023"), or {@code null}: the nearest heading's period, in the year the
	 * headings or else the issue date give.
	 */
	static String headingsPeriod(List<String> headings, LocalDate issuedOn) {
		String period = null;
		String year = null;
		for (String heading : headings) {
			String folded = TextNormalizer.fold(heading);
			Matcher m = PERIOD.matcher(folded);
			String last = null;
			while (m.find()) {
				last = m.group(1);
			}
			if (last != null) {
				Matcher y = YEAR.matcher(last);
				if (y.find()) {
					year = y.group(1);
				}
				if (!last.startsWith("nam ") || period == null) {
					period = last;
				}
			}
		}
		if (period == null) {
			return null;
		}
		String phrase = period.replace("quy ", "quý ").replace("thang", "tháng").replace("nam", "năm").replace("dau", "đầu")
			.replace("cuoi", "cuối");
		phrase = romanUpper(phrase);
		if (!phrase.matches(".*\\d{4}.*")) {
			phrase = phrase + " năm " + (year != null ? year : String.valueOf(issuedOn.getYear()));
		}
		return "trong " + phrase;
	}

	private static String romanUpper(String phrase) {
		Matcher m = Pattern.compile("quý ([ivx]+)").matcher(phrase);
		return m.find() ? phrase.substring(0, m.start(1)) + m.group(1).toUpperCase(Locale.ROOT) + phrase.substring(m.end(1)) : phrase;
	}

}
