package vn.dondoc.calendar;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the words of a deadline phrase that name part of a period stand for: "đầu", "giữa" and "cuối" of a
 * month or a year (read without diacritics: dau, giua, cuoi), and quarters in Roman numerals.
 * {@link DeadlineParser} reads the phrase; this is its vocabulary.
 */
final class PeriodWords {

	private PeriodWords() {
	}

	/** The day "đầu", "giữa" or "cuối" (dau, giua, cuoi) of a month stands for (Điều 146 BLDS 2015). */
	static LocalDate pointOfMonth(String point, YearMonth month) {
		return switch (point) {
			case "dau" -> month.atDay(1);
			case "giua" -> month.atDay(15);
			default -> month.atEndOfMonth();
		};
	}

	/** The day "đầu", "giữa" or "cuối" of a year stands for. */
	static LocalDate pointOfYear(String point, int year) {
		return switch (point) {
			case "dau" -> LocalDate.of(year, 1, 1);
			case "giua" -> LocalDate.of(year, 6, 30);
			default -> LocalDate.of(year, 12, 31);
		};
	}

	/** The word as written, capitalised, for explanations. */
	static String pointName(String point) {
		return switch (point) {
			case "dau" -> "Đầu";
			case "giua" -> "Giữa";
			default -> "Cuối";
		};
	}

	/** What the word means in a month, for explanations. */
	static String pointRule(String point) {
		return switch (point) {
			case "dau" -> "ngày 1";
			case "giua" -> "ngày 15";
			default -> "ngày cuối cùng của tháng";
		};
	}

	/** What the word means in a year, for explanations. */
	static String pointOfYearRule(String point) {
		return switch (point) {
			case "dau" -> "ngày 1/1";
			case "giua" -> "ngày 30/6";
			default -> "ngày 31/12";
		};
	}

	/** The value of a lower-case Roman numeral of i, v and x (a quarter, a part of a year). */
	static int romanValue(String roman) {
		int total = 0;
		for (int i = 0; i < roman.length(); i++) {
			int value = romanDigit(roman.charAt(i));
			int next = i + 1 < roman.length() ? romanDigit(roman.charAt(i + 1)) : 0;
			total += value < next ? -value : value;
		}
		return total;
	}

	private static int romanDigit(char digit) {
		return switch (digit) {
			case 'i' -> 1;
			case 'v' -> 5;
			default -> 10;
		};
	}

	/** A quarter written as Vietnamese documents write it: I to IV. */
	static String roman(int value) {
		return switch (value) {
			case 1 -> "I";
			case 2 -> "II";
			case 3 -> "III";
			default -> "IV";
		};
	}

}
