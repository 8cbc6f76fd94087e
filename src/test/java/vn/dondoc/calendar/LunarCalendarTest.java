package vn.dondoc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

	private final LunarCalendar lunar = new LunarCalendar();

	/**
	 * Tết (1/1 âm lịch) in Vietnam. Sources:
	 * 2023 and 2024: DOMAIN.md (22/1/2023, 10/2/2024);
	 * 1968: H. Aslaksen, "The Mathematics of the Chinese Calendar" (the new moon of 29/1/1968 16:29 UTC fell
	 *   on 29 January at UTC+7, so North Vietnam kept Tết on 29/1 while China and South Vietnam kept 30/1);
	 * 1985: the Vietnamese Tết of 21/1/1985, a month before China's 20/2/1985 (Hồ Ngọc Đức, "Thuật toán tính
	 *   âm lịch", the article cited in DOMAIN.md): at UTC+7 the leap month falls after Tết (tháng 2 nhuận 1985)
	 *   instead of before it (China's leap 10th month of 1984);
	 * 2007, 2030, 2053: years whose Vietnamese Tết falls one day before the Chinese one (17/2/2007 vs 18/2,
	 *   2/2/2030 vs 3/2, 18/2/2053 vs 19/2; Hồ Ngọc Đức, quoted in public Q&A pages);
	 * 2020, 2025, 2026: the government's Tết holiday announcements give lunar dates of the days off
	 *   (2020: 23/1 = 29 tháng Chạp, 29/1 = mùng 5; 2025: 25/1 = 26 tháng Chạp, 2/2 = mùng 5;
	 *   2026: 14/2 = 27 tháng Chạp, 22/2 = mùng 6).
	 */
	@ParameterizedTest(name = "Tết {0} is {1}")
	@CsvSource({
			"1968, 1968-01-29",
			"1985, 1985-01-21",
			"2007, 2007-02-17",
			"2020, 2020-01-25",
			"2023, 2023-01-22",
			"2024, 2024-02-10",
			"2025, 2025-01-29",
			"2026, 2026-02-17",
			"2030, 2030-02-02",
			"2053, 2053-02-18",
	})
	void findsTheVietnameseNewYear(int year, LocalDate tet) {
		assertThat(lunar.newYear(year)).isEqualTo(tet);
		assertThat(lunar.toLunar(tet)).isEqualTo(LunarDate.of(year, 1, 1));
	}

	@ParameterizedTest(name = "Vietnam keeps Tết {0} on {1}, not on China''s {2}")
	@CsvSource({
			"1968, 1968-01-29, 1968-01-30",
			"1985, 1985-01-21, 1985-02-20",
			"2007, 2007-02-17, 2007-02-18",
			"2030, 2030-02-02, 2030-02-03",
			"2053, 2053-02-18, 2053-02-19",
	})
	void computesAtUtcPlusSevenNotAtChinasUtcPlusEight(int year, LocalDate vietnam, LocalDate china) {
		assertThat(lunar.newYear(year)).isEqualTo(vietnam);
		assertThat(lunar.toLunar(china)).isNotEqualTo(LunarDate.of(year, 1, 1));
	}

	/** Lunar dates that the government's announcements print next to the Gregorian ones. */
	@ParameterizedTest(name = "{0} is {1}/{2}/{3} âm lịch")
	@CsvSource({
			"2020-01-23, 2019, 12, 29",
			"2020-01-29, 2020, 1, 5",
			"2023-01-20, 2022, 12, 29",
			"2023-01-26, 2023, 1, 5",
			"2024-02-08, 2023, 12, 29",
			"2024-02-14, 2024, 1, 5",
			"2025-01-25, 2024, 12, 26",
			"2025-02-02, 2025, 1, 5",
			"2026-02-14, 2025, 12, 27",
			"2026-02-22, 2026, 1, 6",
			// Giỗ Tổ Hùng Vương (10/3 âm lịch): 29/4/2023, 18/4/2024 (chinhphu.vn), 26/4/2026 (press, 02/2026)
			"2023-04-29, 2023, 3, 10",
			"2024-04-18, 2024, 3, 10",
			"2026-04-26, 2026, 3, 10",
	})
	void convertsDatesPrintedInHolidayAnnouncements(LocalDate date, int year, int month, int day) {
		assertThat(lunar.toLunar(date)).isEqualTo(LunarDate.of(year, month, day));
		assertThat(lunar.toSolar(year, month, day, false)).isEqualTo(date);
	}

	@Test
	void placesTheLeapMonthWhereVietnamAndChinaDiffer() {
		// hermetic.ch "Chinese Calendar" notes: the leap 8th month of 1995 began on 24/9/1995 in Vietnam
		// (new moon 23:55 at UTC+7) but on 25/9/1995 in China
		assertThat(lunar.toLunar(LocalDate.of(1995, 9, 24))).isEqualTo(new LunarDate(1995, 8, 1, true));
		assertThat(lunar.toSolar(new LunarDate(1995, 8, 1, true))).isEqualTo(LocalDate.of(1995, 9, 24));
		assertThat(lunar.leapMonth(1995)).hasValue(8);
	}

	@Test
	void knowsWhichYearsHaveNoLeapMonth() {
		assertThat(lunar.leapMonth(2024)).isEmpty();
		assertThat(lunar.leapMonth(2023)).hasValue(2);
	}

	@Test
	void lastDayOfTheLunarYearIsTheDayBeforeTet() {
		assertThat(lunar.toLunar(LocalDate.of(2023, 1, 21))).isEqualTo(LunarDate.of(2022, 12, 30));
		assertThat(lunar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(LunarDate.of(2024, 12, 29));
		assertThat(lunar.monthLength(2024, 12, false)).isEqualTo(29);
	}

	@Test
	void refusesALeapMonthThatTheYearDoesNotHave() {
		assertThatThrownBy(() -> lunar.toSolar(new LunarDate(2024, 3, 1, true)))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("không có tháng 3 nhuận");
	}

	@Test
	void refusesTheThirtiethOfATwentyNineDayMonth() {
		assertThatThrownBy(() -> lunar.toSolar(LunarDate.of(2024, 12, 30)))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("chỉ có 29 ngày");
	}

	@Test
	void refusesDatesOutsideTheSupportedRange() {
		assertThatThrownBy(() -> lunar.toLunar(LocalDate.of(1899, 12, 31))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> lunar.toLunar(LocalDate.of(2101, 1, 1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new LunarDate(2024, 13, 1, false)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void solarToLunarToSolarIsTheIdentityForEveryDayFrom1900To2100() {
		LunarDate previous = null;
		for (LocalDate day = LunarCalendar.MIN_DATE; !day.isAfter(LunarCalendar.MAX_DATE); day = day.plusDays(1)) {
			LunarDate lunarDay = lunar.toLunar(day);
			assertThat(lunar.toSolar(lunarDay)).as("round trip of %s via %s", day, lunarDay).isEqualTo(day);
			if (previous != null && lunarDay.day() != 1) {
				// inside a month the lunar day simply advances
				assertThat(lunarDay).as("day after %s", previous)
						.isEqualTo(new LunarDate(previous.year(), previous.month(), previous.day() + 1, previous.leap()));
			}
			if (previous != null && lunarDay.day() == 1) {
				assertThat(previous.day()).as("length of the month before %s", day).isIn(29, 30);
			}
			previous = lunarDay;
		}
	}

	@Test
	void everyLunarYearHasTwelveOrThirteenMonthsAndTetBetween21JanuaryAnd20February() {
		for (int year = 1901; year <= 2100; year++) {
			LocalDate tet = lunar.newYear(year);
			assertThat(tet).as("Tết %d", year)
					.isBetween(LocalDate.of(year, 1, 21), LocalDate.of(year, 2, 20));
			long days = tet.until(year < 2100 ? lunar.newYear(year + 1) : tet.plusDays(354), ChronoUnit.DAYS);
			if (year < 2100) {
				assertThat(days).as("length of lunar year %d", year)
						.isIn(353L, 354L, 355L, 383L, 384L, 385L);
				assertThat(days > 360).as("lunar year %d is a leap year", year)
						.isEqualTo(lunar.leapMonth(year).isPresent());
			}
		}
	}
}
