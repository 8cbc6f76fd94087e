package vn.dondoc.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Reads deadline phrases as Vietnamese documents write them and resolves them against the issue date
 * of the document, following Bộ luật Dân sự 2015 (Điều 146–148) and the practice of tracking offices
 * (see {@code docs/calendar.md} for every form). Accepts Roman or Arabic numerals, with or without
 * diacritics, in any case and spacing. A phrase it cannot read fully raises
 * {@link DeadlineParseException} naming the part it did not understand: it never guesses.
 *
 * <p>Where a phrase gives no year ("trước 30/6", "cuối năm", "đầu tháng 7"), the year is the first one
 * that puts the date on or after the issue date; the explanation says so.
 */
@Component
public class DeadlineParser {

	private static final String ARTICLE_146 = "Điều 146 BLDS 2015";
	private static final String ARTICLE_147 = "Điều 147 BLDS 2015";
	private static final String ARTICLE_148 = "Điều 148 BLDS 2015";

	/** Words that introduce a deadline without changing it ("hoàn thành trước ngày", "chậm nhất là", "đến hết"). */
	private static final List<String> FILLERS = List.of("hoan thanh", "hoan tat", "xong", "thuc hien", "thoi han",
			"han", "cham nhat", "la", "truoc", "den", "toi", "het", "trong", "vong", "vao", "ngay", "ca");

	private static final String YEAR_TAIL = "(?:(?:/|-| nam | )([a-z0-9]+))?";

	private static final Pattern EVENT = Pattern.compile(
			"(?<![a-z0-9])(truoc khi|ngay sau khi|sau khi|khi|(?:truoc|tai) (?:ky hop|hoi nghi|phien hop|dai hoi))"
					+ " (.+)$");
	private static final Pattern ONGOING = Pattern.compile(
			"(thuong xuyen|tiep tuc|lien tuc|dinh ky|hang (?:ngay|tuan|thang|quy|nam))"
					+ "(?: (?:thuc hien|trien khai|theo doi|chi dao|bao cao))?");
	private static final Pattern DATE_NUMERIC = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d+))?");
	private static final Pattern DATE_WORDS = Pattern.compile(
			"(\\d{1,2}) thang (\\d{1,2}|[ivx]+)(?: nam (\\d+))?");
	private static final Pattern THIS_QUARTER = Pattern.compile("(?:cuoi )?quy(?: nay)?");
	private static final Pattern QUARTER = Pattern.compile("(?:cuoi )?quy ([a-z0-9]+)" + YEAR_TAIL);
	private static final Pattern PART_OF_YEAR = Pattern.compile(
			"(?:(\\d{1,2}) thang|(nua)) (dau|cuoi) nam" + YEAR_TAIL);
	private static final Pattern POINT_OF_MONTH = Pattern.compile(
			"(dau|giua|cuoi) thang ([a-z0-9]+)" + YEAR_TAIL);
	private static final Pattern THIS_MONTH = Pattern.compile("(?:(dau|giua|cuoi) )?thang(?: nay)?");
	private static final Pattern MONTH = Pattern.compile("thang ([a-z0-9]+)" + YEAR_TAIL);
	private static final Pattern POINT_OF_YEAR = Pattern.compile("(dau|giua|cuoi) nam(?: ([a-z0-9]+))?");
	private static final Pattern YEAR = Pattern.compile("nam(?: ([a-z0-9]+))?");
	private static final Pattern DURATION = Pattern.compile(
			"(\\d+) (ngay lam viec|ngay|tuan|thang|nam)(?: (?:ke tu|tinh tu|tu) (?:ngay )?(.+))?");
	private static final Pattern SIGNING = Pattern.compile(
			"(?:ky|ban hanh|ky ban hanh|ky van ban|ban hanh van ban)"
					+ "(?: (?:van ban|ket luan|thong bao|chi thi|nghi quyet|quyet dinh|ke hoach|cong van))?(?: nay)?");
	private static final Pattern ROMAN = Pattern.compile("x{0,3}(?:ix|iv|v?i{0,3})");

	/** Patterns tried in order; each must match the whole phrase once introductory words are dropped. */
	private static final List<Pattern> FORMS = List.of(ONGOING, DATE_NUMERIC, DATE_WORDS, THIS_QUARTER, QUARTER,
			PART_OF_YEAR, POINT_OF_MONTH, THIS_MONTH, MONTH, POINT_OF_YEAR, YEAR, DURATION);

	private final VietnamCalendar calendar;

	public DeadlineParser(VietnamCalendar calendar) {
		this.calendar = calendar;
	}

	/**
	 * Resolves a deadline phrase.
	 *
	 * @param phrase   the phrase as written, e.g. "trong quý II năm 2023"
	 * @param issuedOn the issue (signing) date of the document, from which relative limits are counted
	 * @return the resolved deadline
	 * @throws DeadlineParseException if the phrase, or any part of it, cannot be read, or names a date
	 *                                that does not exist (31/2, quý V)
	 */
	public Deadline parse(String phrase, LocalDate issuedOn) {
		Objects.requireNonNull(issuedOn, "issuedOn");
		if (phrase == null || phrase.isBlank()) {
			throw new DeadlineParseException(phrase == null ? "" : phrase, "", "Thời hạn để trống.");
		}
		Reading reading = new Reading(FoldedText.of(phrase), issuedOn);
		try {
			return reading.resolve();
		} catch (DateTimeException | IllegalArgumentException e) {
			// a year outside the calendar's range, or an arithmetic overflow from an absurd count
			throw new DeadlineParseException(phrase, phrase.strip(), "Không tính được thời hạn «" + phrase.strip()
					+ "»: " + e.getMessage());
		}
	}

	/** One phrase being read. */
	private final class Reading {
		private final FoldedText folded;
		private final String text;
		private final LocalDate issuedOn;
		private final String issued;
		/** Where the phrase proper starts once introductory words are dropped. */
		private int start;
		private final List<String> dropped = new ArrayList<>();

		Reading(FoldedText folded, LocalDate issuedOn) {
			this.folded = folded;
			this.text = folded.text();
			this.issuedOn = issuedOn;
			this.issued = Dates.format(issuedOn);
		}

		Deadline resolve() {
			Matcher event = EVENT.matcher(text);
			if (event.find() && onlyFillers(text.substring(0, event.start()))) {
				String written = folded.originalFrom(event.start());
				return new Deadline(phrase(), DeadlineKind.EVENT, null, null, false, written,
						"Hạn gắn với sự kiện «" + written + "»: nhập ngày khi biết ngày diễn ra sự kiện.");
			}
			dropFillers();
			String rest = text.substring(start);
			if (rest.isEmpty()) {
				throw unreadable(folded.original(), "Không thấy mốc thời gian nào trong «" + phrase() + "».");
			}
			for (Pattern form : FORMS) {
				Matcher m = form.matcher(rest);
				if (m.matches()) {
					return build(form, m);
				}
			}
			throw diagnose(rest);
		}

		private Deadline build(Pattern form, Matcher m) {
			if (form == ONGOING) {
				return new Deadline(phrase(), DeadlineKind.ONGOING, null, null, false, null,
						"Nhiệm vụ thường xuyên, không có hạn cụ thể: theo dõi và báo cáo định kỳ.");
			}
			if (form == DATE_NUMERIC || form == DATE_WORDS) {
				return fixedDate(m);
			}
			if (form == DURATION) {
				return duration(m);
			}
			if (dropped.contains("truoc") && (form == QUARTER || form == THIS_QUARTER || form == MONTH
					|| form == THIS_MONTH && m.group(1) == null || form == YEAR || form == PART_OF_YEAR)) {
				// "trước quý III" could mean the end of quý II or of quý III: ask for a date
				throw unreadable(folded.original(), "«" + phrase() + "» không rõ là trước khi kỳ đó bắt đầu hay"
						+ " trước khi kỳ đó kết thúc: hãy ghi ngày cụ thể hoặc «trong …».");
			}
			if (form == THIS_QUARTER) {
				int quarter = (issuedOn.getMonthValue() - 1) / 3 + 1;
				LocalDate end = YearMonth.of(issuedOn.getYear(), quarter * 3).atEndOfMonth();
				return dated(DeadlineKind.END_OF_PERIOD, end, "Hết quý " + PeriodWords.roman(quarter) + " năm " + end.getYear()
						+ " (quý của ngày ban hành " + issued + "): ngày " + Dates.format(end));
			}
			if (form == QUARTER) {
				int quarter = number(m, 1, "Quý", 4);
				return periodEnd(m, 2, yearOf -> YearMonth.of(yearOf, quarter * 3).atEndOfMonth(),
						year -> "Hết quý " + PeriodWords.roman(quarter) + " năm " + year);
			}
			if (form == PART_OF_YEAR) {
				int months = m.group(2) != null ? 6 : number(m, 1, "Số tháng", 12);
				boolean first = m.group(3).equals("dau");
				String name = (m.group(2) != null ? "nửa " : months + " tháng ") + (first ? "đầu" : "cuối") + " năm";
				return periodEnd(m, 4, year -> first ? YearMonth.of(year, months).atEndOfMonth()
								: LocalDate.of(year, 12, 31),
						year -> "Hết " + name + " " + year);
			}
			if (form == POINT_OF_MONTH) {
				int month = number(m, 2, "Tháng", 12);
				PeriodWords.Point point = PeriodWords.Point.of(m.group(1));
				return periodEnd(m, 3, year -> point.inMonth(YearMonth.of(year, month)),
						year -> point.ofMonthRule() + " (" + ARTICLE_146 + "), tháng " + month + " năm " + year);
			}
			if (form == THIS_MONTH) {
				PeriodWords.Point point = m.group(1) == null ? PeriodWords.Point.CUOI : PeriodWords.Point.of(m.group(1));
				if (point == PeriodWords.Point.CUOI) {
					LocalDate end = YearMonth.from(issuedOn).atEndOfMonth();
					return dated(DeadlineKind.END_OF_PERIOD, end, "Hết tháng " + issuedOn.getMonthValue() + " năm "
							+ issuedOn.getYear() + " (tháng của ngày ban hành " + issued + "): ngày " + Dates.format(end));
				}
				YearMonth month = YearMonth.from(issuedOn);
				LocalDate date = point.inMonth(month);
				if (date.isBefore(issuedOn)) {
					month = month.plusMonths(1);
					date = point.inMonth(month);
				}
				return dated(DeadlineKind.END_OF_PERIOD, date, point.ofMonthRule() + " (" + ARTICLE_146 + "), tháng "
						+ month.getMonthValue() + " năm " + month.getYear() + " (tháng gần nhất kể từ ngày ban hành " + issued
						+ "): ngày " + Dates.format(date));
			}
			if (form == MONTH) {
				int month = number(m, 1, "Tháng", 12);
				return periodEnd(m, 2, year -> YearMonth.of(year, month).atEndOfMonth(),
						year -> "Hết tháng " + month + " năm " + year);
			}
			if (form == POINT_OF_YEAR) {
				PeriodWords.Point point = PeriodWords.Point.of(m.group(1));
				return periodEnd(m, 2, year -> point.inYear(year), year -> point.ofYearRule() + " (" + ARTICLE_146 + "), năm " + year);
			}
			// YEAR
			return periodEnd(m, 1, year -> LocalDate.of(year, 12, 31), year -> "Hết năm " + year);
		}

		private Deadline fixedDate(Matcher m) {
			int day = Integer.parseInt(m.group(1));
			int month = number(m, 2, "Tháng", 12);
			String yearText = m.group(3);
			LocalDate date;
			String explanation;
			if (yearText != null) {
				int year = year(m, 3);
				date = existingDate(m, year, month, day);
				explanation = "Hạn là ngày " + Dates.format(date) + " như văn bản ghi";
				if (date.isBefore(issuedOn)) {
					explanation += " (ngày này trước ngày ban hành " + issued + ")";
				}
			} else {
				existingDate(m, 2000, month, day); // 2000 is a leap year: only 30/2, 31/4 … fail here
				date = nextOccurrence(month, day);
				explanation = "Hạn là ngày " + day + "/" + month + " gần nhất kể từ ngày ban hành " + issued + ": "
						+ Dates.format(date);
			}
			return dated(DeadlineKind.FIXED_DATE, date, explanation);
		}

		private LocalDate existingDate(Matcher m, int year, int month, int day) {
			if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
				throw unreadable(folded.original(m.start() + start, m.end() + start), "Ngày «"
						+ folded.original(m.start() + start, m.end() + start) + "» không tồn tại: tháng " + month
						+ (year == 2000 ? "" : " năm " + year) + " có " + YearMonth.of(year, month).lengthOfMonth()
						+ " ngày.");
			}
			return LocalDate.of(year, month, day);
		}

		private LocalDate nextOccurrence(int month, int day) {
			for (int year = issuedOn.getYear(); ; year++) {
				if (day <= YearMonth.of(year, month).lengthOfMonth()) {
					LocalDate date = LocalDate.of(year, month, day);
					if (!date.isBefore(issuedOn)) {
						return date;
					}
				}
			}
		}

		private Deadline duration(Matcher m) {
			String anchor = m.group(3);
			if (anchor != null && !SIGNING.matcher(anchor).matches()) {
				int from = start + m.start(3);
				throw unreadable(folded.original(from, text.length()), "Không rõ mốc tính «"
						+ folded.original(from, text.length()) + "»: chỉ tính được thời hạn kể từ ngày ký, ban hành"
						+ " văn bản.");
			}
			int count;
			try {
				count = Integer.parseInt(m.group(1));
			} catch (NumberFormatException e) {
				count = Integer.MAX_VALUE;
			}
			if (count < 1 || count > 3660) {
				throw unreadable(folded.original(start + m.start(1), start + m.end(1)), "Số «" + m.group(1)
						+ "» không hợp lệ cho một thời hạn.");
			}
			String unit = m.group(2);
			if (unit.equals("ngay lam viec")) {
				LocalDate due = calendar.addWorkingDays(issuedOn, count);
				return new Deadline(phrase(), DeadlineKind.WORKING_DAYS, due, due, false, null,
						count + " ngày làm việc kể từ ngày ký " + issued + " (không tính ngày ký, thứ Bảy, Chủ nhật,"
								+ " ngày nghỉ lễ): hết ngày " + Dates.format(due) + ".");
			}
			LocalDate date = switch (unit) {
				case "ngay" -> issuedOn.plusDays(count);
				case "tuan" -> issuedOn.plusWeeks(count);
				case "thang" -> issuedOn.plusMonths(count);
				default -> issuedOn.plusYears(count);
			};
			String unitName = switch (unit) {
				case "ngay" -> "ngày";
				case "tuan" -> "tuần";
				case "thang" -> "tháng";
				default -> "năm";
			};
			return dated(DeadlineKind.CALENDAR_DAYS, date, count + " " + unitName + " kể từ ngày ký " + issued
					+ ", không tính ngày ký (" + ARTICLE_147 + "): ngày " + Dates.format(date));
		}

		/** A period whose year may be written ({@code yearGroup}) or left to the issue date. */
		private Deadline periodEnd(Matcher m, int yearGroup, IntFunction<LocalDate> dateOfYear,
								   IntFunction<String> describe) {
			String yearText = m.group(yearGroup);
			if (yearText != null && !yearText.equals("nay") && !yearText.equals("sau") && !yearText.equals("toi")) {
				int year = year(m, yearGroup);
				LocalDate date = dateOfYear.apply(year);
				return dated(DeadlineKind.END_OF_PERIOD, date, describe.apply(year) + ": ngày " + Dates.format(date));
			}
			if (yearText != null) {
				int year = yearText.equals("nay") ? issuedOn.getYear() : issuedOn.getYear() + 1;
				LocalDate date = dateOfYear.apply(year);
				return dated(DeadlineKind.END_OF_PERIOD, date, describe.apply(year) + " (năm " + (yearText.equals("nay")
						? "của" : "sau") + " ngày ban hành " + issued + "): ngày " + Dates.format(date));
			}
			int year = issuedOn.getYear();
			LocalDate date = dateOfYear.apply(year);
			if (date.isBefore(issuedOn)) {
				year++;
				date = dateOfYear.apply(year);
			}
			return dated(DeadlineKind.END_OF_PERIOD, date, describe.apply(year) + " (năm suy từ ngày ban hành " + issued
					+ "): ngày " + Dates.format(date));
		}

		/** Applies Điều 148: a limit ending on a day off ends on the next working day. */
		private Deadline dated(DeadlineKind kind, LocalDate stated, String explanation) {
			LocalDate due = calendar.workingDayOnOrAfter(stated);
			if (due.equals(stated)) {
				return new Deadline(phrase(), kind, due, stated, false, null, explanation + ".");
			}
			String why = calendar.specialDay(stated).filter(SpecialDay::isDayOff).map(SpecialDay::name)
					.orElse(Dates.weekdayName(stated));
			return new Deadline(phrase(), kind, due, stated, true, null, explanation + "; ngày " + Dates.format(stated)
					+ " là ngày nghỉ (" + why + ") nên hạn chuyển sang ngày làm việc kế tiếp " + Dates.format(due)
					+ " (" + ARTICLE_148 + ").");
		}

		private int number(Matcher m, int group, String what, int max) {
			String token = m.group(group);
			String written = folded.original(start + m.start(group), start + m.end(group));
			int value;
			if (token.chars().allMatch(Character::isDigit)) {
				value = token.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(token);
			} else if (!token.isEmpty() && ROMAN.matcher(token).matches()) {
				value = PeriodWords.romanValue(token);
			} else {
				throw unreadable(written, what + " «" + written + "» không phải là số (viết số Ả Rập hoặc La Mã).");
			}
			if (value < 1 || value > max) {
				String range = what.equals("Quý") ? "một năm chỉ có quý I đến quý IV"
						: "chỉ có từ 1 đến " + max;
				throw unreadable(written, what + " «" + written + "» không tồn tại: " + range + ".");
			}
			return value;
		}

		private int year(Matcher m, int group) {
			String token = m.group(group);
			String written = folded.original(start + m.start(group), start + m.end(group));
			if (!token.chars().allMatch(Character::isDigit)) {
				throw unreadable(written, "Không hiểu năm «" + written + "».");
			}
			if (token.length() != 4) {
				throw unreadable(written, "Năm «" + written + "» phải viết đủ 4 chữ số.");
			}
			int year = Integer.parseInt(token);
			if (year < LunarCalendar.MIN_DATE.getYear() || year > LunarCalendar.MAX_DATE.getYear()) {
				throw unreadable(written, "Năm " + year + " nằm ngoài phạm vi lịch (1900–2100).");
			}
			return year;
		}

		private void dropFillers() {
			boolean again = true;
			while (again) {
				again = false;
				for (String filler : FILLERS) {
					if (text.startsWith(filler + " ", start)) {
						dropped.add(filler);
						start += filler.length() + 1;
						again = true;
						break;
					}
				}
			}
		}

		private boolean onlyFillers(String prefix) {
			String rest = prefix.strip();
			boolean again = true;
			while (again && !rest.isEmpty()) {
				again = false;
				for (String filler : FILLERS) {
					if (rest.equals(filler) || rest.startsWith(filler + " ")) {
						rest = rest.substring(filler.length()).strip();
						again = true;
						break;
					}
				}
			}
			return rest.isEmpty();
		}

		/** Finds the longest recognisable part to say precisely what was not understood. */
		private DeadlineParseException diagnose(String rest) {
			int bestStart = -1;
			int bestEnd = -1;
			for (Pattern form : FORMS) {
				Matcher m = form.matcher(rest);
				while (m.find()) {
					boolean wordStart = m.start() == 0 || rest.charAt(m.start() - 1) == ' ';
					boolean wordEnd = m.end() == rest.length() || rest.charAt(m.end()) == ' ';
					if (wordStart && wordEnd && m.end() - m.start() > bestEnd - bestStart) {
						bestStart = m.start();
						bestEnd = m.end();
					}
				}
			}
			if (bestStart < 0) {
				return unreadable(folded.original(), "Không hiểu thời hạn «" + phrase()
						+ "»: không nhận ra ngày, tháng, quý, năm hay số ngày nào.");
			}
			List<String> parts = new ArrayList<>();
			String before = trimTrailingFillers(rest.substring(0, bestStart));
			if (!before.isEmpty()) {
				parts.add(folded.original(start, start + before.length()));
			}
			if (bestEnd < rest.length()) {
				parts.add(folded.original(start + bestEnd, text.length()));
			}
			String unread = String.join(" … ", parts);
			return unreadable(unread, "Không hiểu phần «" + unread + "» trong thời hạn «" + phrase() + "».");
		}

		private String trimTrailingFillers(String piece) {
			String result = piece.strip();
			boolean again = true;
			while (again && !result.isEmpty()) {
				again = false;
				for (String filler : FILLERS) {
					if (result.equals(filler) || result.endsWith(" " + filler)) {
						result = result.substring(0, result.length() - filler.length()).strip();
						again = true;
						break;
					}
				}
			}
			return result;
		}

		private DeadlineParseException unreadable(String part, String message) {
			return new DeadlineParseException(phrase(), part, message);
		}

		private String phrase() {
			return folded.original().strip();
		}
	}
}
