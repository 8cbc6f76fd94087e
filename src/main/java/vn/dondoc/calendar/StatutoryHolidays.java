package vn.dondoc.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The days off of a year that follow from the law alone, before the government's yearly decisions
 * ({@code config/holidays.yml}) are applied:
 * <ul>
 *   <li>Bộ luật Lao động 2019, Điều 112 khoản 1: 1/1; five days of Tết (by default the last day of the
 *       lunar year and the first four days of the new one); 30/4; 1/5; 2/9 and one adjacent day;
 *       10/3 lunar (Giỗ Tổ Hùng Vương);</li>
 *   <li>Điều 111 khoản 3: a holiday on a weekly day off (Saturday, Sunday) gives the next working day off.</li>
 * </ul>
 * The adjacent day of Quốc khánh is fixed each year by the Prime Minister; the default picks the one
 * that joins 2/9 to a weekend, which is what was decided in 2021–2026: 3/9 when 2/9 is a Monday or a
 * Thursday, otherwise 1/9.
 */
final class StatutoryHolidays {

	static final String LAW = "Bộ luật Lao động 2019";
	private static final String NEW_YEAR_SOURCE = LAW + ", Điều 112 khoản 1 điểm a";
	private static final String TET_SOURCE = LAW + ", Điều 112 khoản 1 điểm b";
	private static final String VICTORY_SOURCE = LAW + ", Điều 112 khoản 1 điểm c";
	private static final String LABOUR_SOURCE = LAW + ", Điều 112 khoản 1 điểm d";
	private static final String NATIONAL_DAY_SOURCE = LAW + ", Điều 112 khoản 1 điểm đ";
	private static final String HUNG_KINGS_SOURCE = LAW + ", Điều 112 khoản 1 điểm e";
	private static final String COMPENSATORY_SOURCE = LAW + ", Điều 111 khoản 3";

	private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
	private static final String[] BRANCHES = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu",
			"Tuất", "Hợi"};

	private final LunarCalendar lunar;

	StatutoryHolidays(LunarCalendar lunar) {
		this.lunar = lunar;
	}

	/** Holidays and compensatory days of a Gregorian year, by date. */
	Map<LocalDate, SpecialDay> daysOff(int year) {
		Map<LocalDate, SpecialDay> days = new TreeMap<>();
		// Giỗ Tổ can coincide with 30/4 (as in 1947); the law gives no extra day for that, so one entry names both
		holidays(year).forEach(h -> days.merge(h.date(), h, (a, b) -> new SpecialDay(a.date(),
				a.name() + "; " + b.name(), DayKind.PUBLIC_HOLIDAY, a.source() + "; " + b.source())));
		for (SpecialDay holiday : List.copyOf(days.values())) {
			if (isWeekend(holiday.date())) {
				LocalDate compensatory = holiday.date().plusDays(1);
				while (isWeekend(compensatory) || days.containsKey(compensatory)) {
					compensatory = compensatory.plusDays(1);
				}
				days.put(compensatory, new SpecialDay(compensatory,
						"Nghỉ bù " + holiday.name() + ", " + Dates.format(holiday.date()) + " trùng "
								+ Dates.weekdayName(holiday.date()),
						DayKind.COMPENSATORY, COMPENSATORY_SOURCE));
			}
		}
		return days;
	}

	/** The holidays of Điều 112 that fall in a Gregorian year, in date order. */
	List<SpecialDay> holidays(int year) {
		List<SpecialDay> days = new ArrayList<>();
		days.add(holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch", NEW_YEAR_SOURCE));
		days.addAll(tet(year));
		LocalDate hungKings = lunar.toSolar(year, 3, 10, false);
		days.add(holiday(hungKings, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", HUNG_KINGS_SOURCE));
		days.add(holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng", VICTORY_SOURCE));
		days.add(holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động", LABOUR_SOURCE));
		LocalDate nationalDay = LocalDate.of(year, 9, 2);
		LocalDate adjacent = nationalDayAdjacent(year);
		if (adjacent.isBefore(nationalDay)) {
			days.add(holiday(adjacent, "Quốc khánh (ngày liền kề " + MonthDay.from(adjacent).getDayOfMonth() + "/9)",
					NATIONAL_DAY_SOURCE));
			days.add(holiday(nationalDay, "Quốc khánh", NATIONAL_DAY_SOURCE));
		} else {
			days.add(holiday(nationalDay, "Quốc khánh", NATIONAL_DAY_SOURCE));
			days.add(holiday(adjacent, "Quốc khánh (ngày liền kề " + MonthDay.from(adjacent).getDayOfMonth() + "/9)",
					NATIONAL_DAY_SOURCE));
		}
		days.sort((a, b) -> a.date().compareTo(b.date()));
		return days;
	}

	/** The default adjacent day of 2 September: the one that joins it to a weekend. */
	static LocalDate nationalDayAdjacent(int year) {
		DayOfWeek day = LocalDate.of(year, 9, 2).getDayOfWeek();
		return day == DayOfWeek.MONDAY || day == DayOfWeek.THURSDAY
				? LocalDate.of(year, 9, 3)
				: LocalDate.of(year, 9, 1);
	}

	/** Can-chi name of a lunar year, e.g. 2024 → "Giáp Thìn". */
	static String canChi(int lunarYear) {
		return STEMS[Math.floorMod(lunarYear + 6, 10)] + " " + BRANCHES[Math.floorMod(lunarYear + 8, 12)];
	}

	private List<SpecialDay> tet(int year) {
		LocalDate newYear = lunar.newYear(year);
		LocalDate eve = newYear.minusDays(1);
		LunarDate eveLunar = lunar.toLunar(eve);
		List<SpecialDay> days = new ArrayList<>();
		days.add(holiday(eve, "Tết Âm lịch (" + eveLunar.day() + " tháng Chạp " + canChi(year - 1) + ")", TET_SOURCE));
		for (int i = 0; i < 4; i++) {
			days.add(holiday(newYear.plusDays(i), "Tết Âm lịch (mùng " + (i + 1) + " tháng Giêng " + canChi(year) + ")",
					TET_SOURCE));
		}
		return days;
	}

	private static SpecialDay holiday(LocalDate date, String name, String source) {
		return new SpecialDay(date, name, DayKind.PUBLIC_HOLIDAY, source);
	}

	static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}
}
