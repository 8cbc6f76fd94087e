package vn.dondoc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayFileTest {

	@TempDir
	Path dir;

	private static final String VALID = """
			years:
			  2030:
			    days-off:
			      - date: 2030-05-02
			        name: Nghỉ hoán đổi dịp 30/4 và 1/5
			        source: Công văn 1/VPCP-KGVX
			      - date: 2030-01-31
			        name: Tết Âm lịch (28 tháng Chạp)
			        kind: PUBLIC_HOLIDAY
			        source: Công văn 2/VPCP-KGVX
			    not-off:
			      - date: 2030-02-07
			        name: Làm việc
			        source: Công văn 2/VPCP-KGVX
			    working-saturdays:
			      - date: 2030-05-11
			        name: Làm bù ngày 02/05/2030
			        source: Công văn 1/VPCP-KGVX
			""";

	@Test
	void appliesTheDecisionsOfAYear() throws IOException {
		VietnamCalendar calendar = calendarWith(VALID);
		assertThat(calendar.specialDay(LocalDate.of(2030, 5, 2))).get()
				.extracting(SpecialDay::kind, SpecialDay::source)
				.containsExactly(DayKind.BRIDGE_DAY_OFF, "Công văn 1/VPCP-KGVX");
		assertThat(calendar.isWorkingDay(LocalDate.of(2030, 5, 2))).isFalse();
		assertThat(calendar.specialDay(LocalDate.of(2030, 1, 31)).orElseThrow().kind()).isEqualTo(DayKind.PUBLIC_HOLIDAY);
		assertThat(calendar.isWorkingDay(LocalDate.of(2030, 5, 11))).isTrue();
		assertThat(calendar.specialDay(LocalDate.of(2030, 5, 11)).orElseThrow().kind())
				.isEqualTo(DayKind.MAKEUP_WORKING_SATURDAY);
	}

	@Test
	void givesBackAStatutoryCompensatoryDay() throws IOException {
		// statutory 2030: Tết eve 1/2 (Fri) … mùng 4 = 5/2 (Tue); 2/2 and 3/2 fall on the weekend → bù 6/2 and 7/2
		VietnamCalendar statutory = VietnamCalendar.statutoryOnly();
		assertThat(statutory.specialDay(LocalDate.of(2030, 2, 7)).orElseThrow().kind()).isEqualTo(DayKind.COMPENSATORY);
		VietnamCalendar calendar = calendarWith(VALID);
		assertThat(calendar.isWorkingDay(LocalDate.of(2030, 2, 7))).isTrue();
		assertThat(calendar.specialDay(LocalDate.of(2030, 2, 7))).isEmpty();
	}

	@Test
	void missingFileLeavesTheStatutoryRules() {
		VietnamCalendar calendar = new VietnamCalendar(CalendarSettings.withHolidaysFile(dir.resolve("absent.yml")));
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 29))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 30))).isFalse();
	}

	@Test
	void emptyFileMeansNoDecisions() throws IOException {
		assertThat(calendarWith("# nothing decided yet\n").nonWorkingDays(2024))
				.isEqualTo(VietnamCalendar.statutoryOnly().nonWorkingDays(2024));
	}

	@Test
	void shippedFileIsValidAndCoversTheYears2023To2026() {
		HolidayOverrides overrides = HolidayFileReader.read(Path.of("config/holidays.yml"));
		assertThat(overrides.years()).containsOnlyKeys(2023, 2024, 2025, 2026);
		overrides.years().values().forEach(year -> {
			assertThat(year.daysOff()).allSatisfy(e -> assertThat(e.source()).isNotBlank());
			assertThat(year.notOff()).allSatisfy(e -> assertThat(e.source()).isNotBlank());
			assertThat(year.workingSaturdays()).allSatisfy(e -> assertThat(e.source()).isNotBlank());
		});
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			years: { 2024: { days-off: [ { date: 2024-02-30, name: X, source: Y } ] } }       | year 2024, entry days-off[0] (2024-02-30): date '2024-02-30' is not a valid yyyy-MM-dd date
			years: { 2024: { days-off: [ { date: 2025-01-02, name: X, source: Y } ] } }       | year 2024, entry days-off[0] (2025-01-02): date 2025-01-02 is not in 2024
			years: { 2024: { days-off: [ { date: 2024-04-29, name: X } ] } }                  | year 2024, entry days-off[0] (2024-04-29): 'source' is missing
			years: { 2024: { days-off: [ { date: 2024-04-29, source: Y } ] } }                | year 2024, entry days-off[0] (2024-04-29): 'name' is missing
			years: { 2024: { days-off: [ { name: X, source: Y } ] } }                         | year 2024, entry days-off[0]: 'date' is missing
			years: { 2024: { days-off: [ { date: 2024-04-29, name: X, source: Y, kind: HOLIDAY } ] } } | year 2024, entry days-off[0] (2024-04-29): unknown kind 'HOLIDAY'
			years: { 2024: { working-saturdays: [ { date: 2024-05-06, name: X, source: Y } ] } } | year 2024, entry working-saturdays[0] (2024-05-06): 2024-05-06 is a MONDAY, not a weekend day
			years: { 2024: { not-off: [ { date: 2024-03-12, name: X, source: Y } ] } }        | year 2024, entry not-off[0] (2024-03-12): 12/03/2024 is not a weekday off
			years: { 2024: { working-saturdays: [ { date: 2024-02-10, name: X, source: Y } ] } } | year 2024, entry working-saturdays[0] (2024-02-10): 10/02/2024 is already Tết Âm lịch
			years: { 2024: { days-off: [ { date: 2024-04-29, name: X, source: Y } ], not-off: [ { date: 2024-04-29, name: X, source: Y } ] } } | year 2024, entry not-off[0] (2024-04-29): the same date is already listed in days-off[0]
			years: { 2024: { holidays: [] } }                                                  | year 2024: unknown key 'holidays'
			years: { 2024: { days-off: [ { date: 2024-04-29, name: X, source: Y, note: Z } ] } } | year 2024, entry days-off[0] (2024-04-29): unknown field 'note'
			years: { twenty: {} }                                                              | 'twenty' under 'years' is not a year
			holidays: {}                                                                       | unknown top-level key 'holidays'
			years: { 2024: { days-off: [ { date: 2024-04-29, name: X, source: Y } }            | not valid YAML
			""")
	void malformedFileFailsNamingFileYearAndEntry(String yaml, String expected) throws IOException {
		Path file = dir.resolve("holidays.yml");
		Files.writeString(file, yaml);
		assertThatThrownBy(() -> new VietnamCalendar(CalendarSettings.withHolidaysFile(file)))
				.isInstanceOf(InvalidHolidayFileException.class)
				.hasMessageContaining(file.toString())
				.hasMessageContaining(expected);
	}

	private VietnamCalendar calendarWith(String yaml) throws IOException {
		Path file = dir.resolve("holidays.yml");
		Files.writeString(file, yaml);
		return new VietnamCalendar(CalendarSettings.withHolidaysFile(file));
	}
}
