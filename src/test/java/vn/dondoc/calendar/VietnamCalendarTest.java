package vn.dondoc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnamCalendarTest {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	/** The statutory rules alone (no holidays file). */
	private final VietnamCalendar statutory = VietnamCalendar.statutoryOnly();
	/** The statutory rules plus config/holidays.yml as shipped (tests run from the project directory). */
	private static final VietnamCalendar decided =
			new VietnamCalendar(CalendarSettings.withHolidaysFile(Path.of("config/holidays.yml")));

	// --- statutory rules: Bộ luật Lao động 2019, Điều 112 and Điều 111 khoản 3 ---

	@Test
	void newYearsDayIsAHoliday() {
		assertThat(kindOn(statutory, LocalDate.of(2024, 1, 1))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
		assertThat(statutory.isWorkingDay(LocalDate.of(2024, 1, 1))).isFalse();
		assertThat(statutory.isWorkingDay(LocalDate.of(2024, 1, 2))).isTrue();
	}

	@Test
	void tetIsTheLastDayOfTheLunarYearAndTheFirstFourOfTheNext() {
		// Tết Bính Ngọ 2026: 29 tháng Chạp = 16/2 (Monday) to mùng 4 = 20/2 (Friday)
		List<LocalDate> tet = holidaysNamed(statutory, 2026, "Tết Âm lịch");
		assertThat(tet).containsExactly(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17),
				LocalDate.of(2026, 2, 18), LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20));
		assertThat(statutory.isWorkingDay(LocalDate.of(2026, 2, 23))).isTrue();
	}

	@ParameterizedTest(name = "Giỗ Tổ {0} falls on {1}")
	@CsvSource({"2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26"})
	void hungKingsDayIsTheTenthOfTheThirdLunarMonth(int year, LocalDate date) {
		assertThat(holidaysNamed(statutory, year, "Giỗ Tổ")).containsExactly(date);
	}

	@Test
	void victoryDayAndLabourDayAreHolidays() {
		assertThat(kindOn(statutory, LocalDate.of(2025, 4, 30))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
		assertThat(kindOn(statutory, LocalDate.of(2025, 5, 1))).isEqualTo(DayKind.PUBLIC_HOLIDAY);
	}

	/** The adjacent day of 2/9 joins a weekend; these are the days decided in 2021–2026. */
	@ParameterizedTest(name = "2/9/{0} ({1}) comes with {2}")
	@CsvSource({
			"2021, THURSDAY, 2021-09-03",
			"2022, FRIDAY, 2022-09-01",
			"2023, SATURDAY, 2023-09-01",
			"2024, MONDAY, 2024-09-03",
			"2025, TUESDAY, 2025-09-01",
			"2026, WEDNESDAY, 2026-09-01",
	})
	void nationalDayComesWithTheAdjacentDayThatJoinsAWeekend(int year, DayOfWeek weekday, LocalDate adjacent) {
		assertThat(LocalDate.of(year, 9, 2).getDayOfWeek()).isEqualTo(weekday);
		assertThat(holidaysNamed(statutory, year, "Quốc khánh"))
				.containsExactlyInAnyOrder(LocalDate.of(year, 9, 2), adjacent);
	}

	@Test
	void holidayOnSundayGivesTheNextWorkingDayOff() {
		// 1/1/2023 was a Sunday: Monday 2/1 off
		assertThat(kindOn(statutory, LocalDate.of(2023, 1, 2))).isEqualTo(DayKind.COMPENSATORY);
		// 1/1/2022 was a Saturday: Monday 3/1 off (not Sunday 2/1)
		assertThat(kindOn(statutory, LocalDate.of(2022, 1, 3))).isEqualTo(DayKind.COMPENSATORY);
	}

	@Test
	void compensatoryDaysSkipHolidaysAndEachOther() {
		// 2023: Giỗ Tổ 29/4 (Sat), 30/4 (Sun), 1/5 (Mon) → bù 2/5 and 3/5
		assertThat(kindOn(statutory, LocalDate.of(2023, 5, 2))).isEqualTo(DayKind.COMPENSATORY);
		assertThat(kindOn(statutory, LocalDate.of(2023, 5, 3))).isEqualTo(DayKind.COMPENSATORY);
		assertThat(statutory.isWorkingDay(LocalDate.of(2023, 5, 4))).isTrue();
		assertThat(statutory.specialDay(LocalDate.of(2023, 5, 3)).orElseThrow().name())
				.contains("Ngày Chiến thắng").contains("30/04/2023").contains("Chủ nhật");
	}

	@Test
	void saturdayAndSundayAreOff() {
		assertThat(statutory.isWorkingDay(LocalDate.of(2024, 3, 9))).isFalse();
		assertThat(statutory.isWorkingDay(LocalDate.of(2024, 3, 10))).isFalse();
		assertThat(statutory.isWorkingDay(LocalDate.of(2024, 3, 11))).isTrue();
	}

	@Test
	void everyStatutoryYearHasElevenHolidaysWithTheirLegalSource() {
		// from 2021, when Bộ luật Lao động 2019 took effect (Giỗ Tổ and 30/4 next coincide nowhere before 2100)
		for (int year = 2021; year <= 2100; year++) {
			List<SpecialDay> holidays = statutory.nonWorkingDays(year).stream()
					.filter(d -> d.kind() == DayKind.PUBLIC_HOLIDAY).toList();
			assertThat(holidays).as("holidays of %d", year).hasSize(11)
					.allSatisfy(d -> assertThat(d.source()).startsWith("Bộ luật Lao động 2019, Điều 112"));
			long weekendHolidays = holidays.stream().filter(d -> StatutoryHolidays.isWeekend(d.date())).count();
			assertThat(statutory.nonWorkingDays(year)).as("compensatory days of %d", year)
					.filteredOn(d -> d.kind() == DayKind.COMPENSATORY).hasSize((int) weekendHolidays)
					.allSatisfy(d -> assertThat(StatutoryHolidays.isWeekend(d.date())).isFalse());
		}
	}

	// --- the decisions of config/holidays.yml, checked against the announced breaks ---

	@Test
	void tet2023RunsFrom20To26January() {
		assertThat(daysOffBetween(decided, LocalDate.of(2023, 1, 19), LocalDate.of(2023, 1, 28)))
				.containsExactly(LocalDate.of(2023, 1, 20), LocalDate.of(2023, 1, 21), LocalDate.of(2023, 1, 22),
						LocalDate.of(2023, 1, 23), LocalDate.of(2023, 1, 24), LocalDate.of(2023, 1, 25),
						LocalDate.of(2023, 1, 26));
	}

	@Test
	void tet2024RunsFrom8To14February() {
		assertThat(daysOffBetween(decided, LocalDate.of(2024, 2, 7), LocalDate.of(2024, 2, 16)))
				.containsExactly(LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 9), LocalDate.of(2024, 2, 10),
						LocalDate.of(2024, 2, 11), LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 13),
						LocalDate.of(2024, 2, 14));
	}

	@Test
	void tet2025RunsFrom25JanuaryTo2February() {
		assertThat(daysOffBetween(decided, LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 3)))
				.containsExactlyElementsOf(LocalDate.of(2025, 1, 25).datesUntil(LocalDate.of(2025, 2, 3)).toList());
		assertThat(decided.isWorkingDay(LocalDate.of(2025, 2, 3))).isTrue();
	}

	@Test
	void tet2026RunsFrom14To22February() {
		assertThat(daysOffBetween(decided, LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 23)))
				.containsExactlyElementsOf(LocalDate.of(2026, 2, 14).datesUntil(LocalDate.of(2026, 2, 23)).toList());
	}

	@Test
	void bridgeDayOffIsMadeUpOnASaturday() {
		// Công văn 2450/VPCP-KGVX: Monday 29/4/2024 off, Saturday 4/5/2024 worked
		assertThat(kindOn(decided, LocalDate.of(2024, 4, 29))).isEqualTo(DayKind.BRIDGE_DAY_OFF);
		assertThat(decided.isWorkingDay(LocalDate.of(2024, 4, 29))).isFalse();
		assertThat(kindOn(decided, LocalDate.of(2024, 5, 4))).isEqualTo(DayKind.MAKEUP_WORKING_SATURDAY);
		assertThat(decided.isWorkingDay(LocalDate.of(2024, 5, 4))).isTrue();
		assertThat(decided.specialDay(LocalDate.of(2024, 5, 4)).orElseThrow().source()).contains("2450/VPCP-KGVX");
		// and the statutory calendar knows nothing of it
		assertThat(statutory.isWorkingDay(LocalDate.of(2024, 4, 29))).isTrue();
		assertThat(statutory.isWorkingDay(LocalDate.of(2024, 5, 4))).isFalse();
	}

	@Test
	void labourDayBreaks2025And2026AndNationalDay2026FollowTheDecisions() {
		assertThat(daysOffBetween(decided, LocalDate.of(2025, 4, 29), LocalDate.of(2025, 5, 5)))
				.containsExactlyElementsOf(LocalDate.of(2025, 4, 30).datesUntil(LocalDate.of(2025, 5, 5)).toList());
		assertThat(decided.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
		assertThat(daysOffBetween(decided, LocalDate.of(2026, 8, 28), LocalDate.of(2026, 9, 3)))
				.containsExactlyElementsOf(LocalDate.of(2026, 8, 29).datesUntil(LocalDate.of(2026, 9, 3)).toList());
		assertThat(decided.isWorkingDay(LocalDate.of(2026, 8, 22))).isTrue();
		assertThat(daysOffBetween(decided, LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 5)))
				.containsExactlyElementsOf(LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2026, 1, 5)).toList());
	}

	@Test
	void yearListingLeavesOutPlainWeekendsButKeepsHolidaysOnWeekendsAndWorkingSaturdays() {
		List<SpecialDay> days = decided.nonWorkingDays(2024);
		assertThat(days).extracting(SpecialDay::date)
				.contains(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 5, 4))
				.doesNotContain(LocalDate.of(2024, 3, 9))
				.isSorted();
		assertThat(days).allSatisfy(d -> assertThat(d.name()).isNotBlank())
				.allSatisfy(d -> assertThat(d.source()).isNotBlank());
	}

	// --- working days ---

	@Test
	void nextWorkingDaySkipsTetAndWeekends() {
		assertThat(decided.nextWorkingDay(LocalDate.of(2024, 2, 7))).isEqualTo(LocalDate.of(2024, 2, 15));
		assertThat(decided.nextWorkingDay(LocalDate.of(2024, 3, 8))).isEqualTo(LocalDate.of(2024, 3, 11));
		assertThat(decided.workingDayOnOrAfter(LocalDate.of(2024, 3, 8))).isEqualTo(LocalDate.of(2024, 3, 8));
	}

	@Test
	void addingWorkingDaysDoesNotCountTheStartDay() {
		// Điều 147: counting starts the day after; Thursday 13/4/2023 + 1 = Friday 14/4
		assertThat(decided.addWorkingDays(LocalDate.of(2023, 4, 13), 1)).isEqualTo(LocalDate.of(2023, 4, 14));
		// over the 2023 break: 28/4 (Fri) + 1 skips 29/4–3/5
		assertThat(decided.addWorkingDays(LocalDate.of(2023, 4, 28), 1)).isEqualTo(LocalDate.of(2023, 5, 4));
		assertThat(decided.addWorkingDays(LocalDate.of(2023, 4, 13), 15)).isEqualTo(LocalDate.of(2023, 5, 9));
	}

	@Test
	void addingZeroOrNegativeWorkingDays() {
		assertThat(decided.addWorkingDays(LocalDate.of(2024, 3, 9), 0)).isEqualTo(LocalDate.of(2024, 3, 11));
		assertThat(decided.addWorkingDays(LocalDate.of(2024, 3, 11), -1)).isEqualTo(LocalDate.of(2024, 3, 8));
		assertThat(decided.addWorkingDays(LocalDate.of(2024, 2, 15), -1)).isEqualTo(LocalDate.of(2024, 2, 7));
	}

	@Test
	void addingWorkingDaysNeverLandsOnADayOffAndCountsExactly() {
		for (LocalDate start = LocalDate.of(2022, 12, 1); start.isBefore(LocalDate.of(2027, 1, 1));
			 start = start.plusDays(3)) {
			for (int n : new int[] {-20, -7, -1, 1, 2, 3, 5, 10, 15, 30}) {
				LocalDate result = decided.addWorkingDays(start, n);
				assertThat(decided.isWorkingDay(result)).as("%s %+d working days = %s", start, n, result).isTrue();
				LocalDate from = n > 0 ? start.plusDays(1) : result;
				LocalDate to = n > 0 ? result.plusDays(1) : start;
				long counted = from.datesUntil(to).filter(decided::isWorkingDay).count();
				assertThat(counted).as("working days between %s and %s", start, result).isEqualTo(Math.abs(n));
			}
		}
		for (int year = 1901; year <= 2099; year += 7) {
			LocalDate start = LocalDate.of(year, 1, 15);
			assertThat(statutory.isWorkingDay(statutory.addWorkingDays(start, 20))).isTrue();
		}
	}

	@Test
	void bpmnVariantCountsFromTheDateInVietnamAndEndsAtClosingTime() {
		// 13/4/2023 23:30 in Hanoi is still 13/4 there (16:30 UTC)
		Date now = Date.from(ZonedDateTime.of(2023, 4, 13, 23, 30, 0, 0, VIETNAM).toInstant());
		Date due = decided.addWorkingDays(now, 5);
		assertThat(due.toInstant()).isEqualTo(ZonedDateTime.of(2023, 4, 20, 17, 0, 0, 0, VIETNAM).toInstant());
		assertThat(decided.isWorkingDay(now)).isTrue();
	}

	// --- working hours ---

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			"2024-03-11T09:15, 2024-03-11T09:15",  // Monday, inside office hours
			"2024-03-11T06:00, 2024-03-11T07:30",  // before opening
			"2024-03-11T17:00, 2024-03-12T07:30",  // at closing time
			"2024-03-08T18:00, 2024-03-11T07:30",  // Friday evening → Monday
			"2024-02-07T20:00, 2024-02-15T07:30",  // eve of the 2024 Tết break
			"2024-05-03T17:30, 2024-05-04T07:30",  // make-up Saturday is worked
	})
	void nextWorkingMomentMovesIntoOfficeHours(LocalDateTime at, LocalDateTime expected) {
		Instant instant = at.atZone(VIETNAM).toInstant();
		assertThat(decided.nextWorkingMoment(instant)).isEqualTo(expected.atZone(VIETNAM).toInstant());
	}

	@Test
	void officeHoursAreConfigurable() {
		VietnamCalendar early = new VietnamCalendar(new CalendarSettings(null, null,
				java.time.LocalTime.of(8, 0), java.time.LocalTime.of(16, 30)), HolidayOverrides.none(), new LunarCalendar());
		Instant monday0745 = LocalDateTime.of(2024, 3, 11, 7, 45).atZone(VIETNAM).toInstant();
		assertThat(early.nextWorkingMoment(monday0745))
				.isEqualTo(LocalDateTime.of(2024, 3, 11, 8, 0).atZone(VIETNAM).toInstant());
		assertThat(early.endOfWorkingDay(LocalDate.of(2024, 3, 11)))
				.isEqualTo(LocalDateTime.of(2024, 3, 11, 16, 30).atZone(VIETNAM).toInstant());
	}

	@Test
	void refusesYearsOutsideTheCalendar() {
		assertThatThrownBy(() -> statutory.nonWorkingDays(2101)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("1900–2100");
	}

	private static DayKind kindOn(VietnamCalendar calendar, LocalDate date) {
		return calendar.specialDay(date).map(SpecialDay::kind).orElse(null);
	}

	private static List<LocalDate> holidaysNamed(VietnamCalendar calendar, int year, String prefix) {
		return calendar.nonWorkingDays(year).stream()
				.filter(d -> d.kind() == DayKind.PUBLIC_HOLIDAY && d.name().startsWith(prefix))
				.map(SpecialDay::date).toList();
	}

	/** Days off strictly between two dates. */
	private static List<LocalDate> daysOffBetween(VietnamCalendar calendar, LocalDate after, LocalDate before) {
		return Stream.iterate(after.plusDays(1), d -> d.isBefore(before), d -> d.plusDays(1))
				.filter(d -> !calendar.isWorkingDay(d)).toList();
	}
}
