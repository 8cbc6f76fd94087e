package vn.dondoc.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;

/**
 * What the words of a deadline phrase that name part of a period stand for: "đầu", "giữa" and "cuối" of a
 * month or a year (read without diacritics: dau, giua, cuoi), and quarters in Roman numerals.
 * {@link DeadlineParser} reads the phrase; this is its vocabulary.
 */
final class PeriodWords {

	private PeriodWords() {
	}

	/**
	 * "Đầu", "giữa" or "cuối" of a month or a year (Điều 146 BLDS 2015): the day each stands for, and how an
	 * explanation says so.
	 */
	enum Point {

		DAU("Đầu", 1, "ngày 1", MonthDay.of(1, 1)),

		GIUA("Giữa", 15, "ngày 15", MonthDay.of(6, 30)),

		/** The last day of the month (day 0 below). */
		CUOI("Cuối", 0, "ngày cuối cùng của tháng", MonthDay.of(12, 31));

		private final String name;

		private final int dayOfMonth;

		private final String monthRule;

		private final MonthDay dayOfYear;

		Point(String name, int dayOfMonth, String monthRule, MonthDay dayOfYear) {
			this.name = name;
			this.dayOfMonth = dayOfMonth;
			this.monthRule = monthRule;
			this.dayOfYear = dayOfYear;
		}

		/** The word as the patterns read it, without diacritics: dau, giua or cuoi. */
		static Point of(String word) {
			return switch (word) {
				case "dau" -> DAU;
				case "giua" -> GIUA;
				default -> CUOI;
			};
		}

		LocalDate inMonth(YearMonth month) {
			return dayOfMonth == 0 ? month.atEndOfMonth() : month.atDay(dayOfMonth);
		}

		LocalDate inYear(int year) {
			return dayOfYear.atYear(year);
		}

		/** For explanations: «Đầu tháng» là ngày 1. */
		String ofMonthRule() {
			return "«" + name + " tháng» là " + monthRule;
		}

		/** For explanations: «Giữa năm» là ngày 30/6. */
		String ofYearRule() {
			return "«" + name + " năm» là ngày " + dayOfYear.getDayOfMonth() + "/" + dayOfYear.getMonthValue();
		}

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
