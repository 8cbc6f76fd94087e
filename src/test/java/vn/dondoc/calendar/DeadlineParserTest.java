package vn.dondoc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineParserTest {

	/** The seed conclusion was issued on 13/4/2023 (a Thursday). */
	private static final LocalDate ISSUED = LocalDate.of(2023, 4, 13);

	private static final DeadlineParser parser = new DeadlineParser(
			new VietnamCalendar(CalendarSettings.withHolidaysFile(Path.of("config/holidays.yml"))));

	/** Phrases whose date is not moved by Điều 148. */
	@ParameterizedTest(name = "«{0}» → {1} ({2})")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			trong quý II năm 2023              | 2023-06-30 | END_OF_PERIOD
			Trong quý II năm 2023.             | 2023-06-30 | END_OF_PERIOD
			TRONG QUY II NAM 2023              | 2023-06-30 | END_OF_PERIOD
			trong   quý  II /  2023            | 2023-06-30 | END_OF_PERIOD
			hoàn thành trong quý 2 năm 2023    | 2023-06-30 | END_OF_PERIOD
			quý II                             | 2023-06-30 | END_OF_PERIOD
			6 tháng đầu năm 2023               | 2023-06-30 | END_OF_PERIOD
			6 thang dau nam                    | 2023-06-30 | END_OF_PERIOD
			nửa đầu năm 2023                   | 2023-06-30 | END_OF_PERIOD
			trong tháng 5/2023                 | 2023-05-31 | END_OF_PERIOD
			trong tháng 5 năm 2023             | 2023-05-31 | END_OF_PERIOD
			tháng V/2023                       | 2023-05-31 | END_OF_PERIOD
			giữa tháng 5/2023                  | 2023-05-15 | END_OF_PERIOD
			giữa năm                           | 2023-06-30 | END_OF_PERIOD
			năm sau                            | 2024-12-31 | END_OF_PERIOD
			trước ngày 20/4/2023               | 2023-04-20 | FIXED_DATE
			trước ngày 20-4-2023               | 2023-04-20 | FIXED_DATE
			chậm nhất là ngày 20.4.2023        | 2023-04-20 | FIXED_DATE
			ngày 20 tháng 4 năm 2023           | 2023-04-20 | FIXED_DATE
			trước 30/6                         | 2023-06-30 | FIXED_DATE
			trước 15/3                         | 2024-03-15 | FIXED_DATE
			trong 15 ngày làm việc             | 2023-05-09 | WORKING_DAYS
			15 ngày làm việc kể từ ngày ký     | 2023-05-09 | WORKING_DAYS
			trong 2 tuần                       | 2023-04-27 | CALENDAR_DAYS
			trong 3 tháng kể từ ngày ký        | 2023-07-13 | CALENDAR_DAYS
			""")
	void resolvesAgainstTheIssueDate(String phrase, LocalDate due, DeadlineKind kind) {
		Deadline deadline = parser.parse(phrase, ISSUED);
		assertThat(deadline.kind()).isEqualTo(kind);
		assertThat(deadline.dueDate()).isEqualTo(due);
		assertThat(deadline.statedDate()).isEqualTo(due);
		assertThat(deadline.movedToWorkingDay()).isFalse();
		assertThat(deadline.explanation()).isNotBlank().doesNotContain("\n");
	}

	/** Phrases whose stated date is a day off, so the limit ends on the next working day (Điều 148). */
	@ParameterizedTest(name = "«{0}» states {1}, due {2}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			quý 3/2023                         | 2023-09-30 | 2023-10-02 | END_OF_PERIOD
			Quý III/2023                       | 2023-09-30 | 2023-10-02 | END_OF_PERIOD
			đến hết năm 2023                   | 2023-12-31 | 2024-01-02 | END_OF_PERIOD
			cuối năm                           | 2023-12-31 | 2024-01-02 | END_OF_PERIOD
			đầu tháng 7                        | 2023-07-01 | 2023-07-03 | END_OF_PERIOD
			cuối tháng 4                       | 2023-04-30 | 2023-05-04 | END_OF_PERIOD
			trong 10 ngày kể từ ngày ký        | 2023-04-23 | 2023-04-24 | CALENDAR_DAYS
			trước ngày 30/4/2023               | 2023-04-30 | 2023-05-04 | FIXED_DATE
			""")
	void movesALimitEndingOnADayOffToTheNextWorkingDay(String phrase, LocalDate stated, LocalDate due,
														DeadlineKind kind) {
		Deadline deadline = parser.parse(phrase, ISSUED);
		assertThat(deadline.kind()).isEqualTo(kind);
		assertThat(deadline.statedDate()).isEqualTo(stated);
		assertThat(deadline.dueDate()).isEqualTo(due);
		assertThat(deadline.movedToWorkingDay()).isTrue();
		assertThat(deadline.explanation()).contains("Điều 148");
	}

	@Test
	void explainsInVietnamese() {
		assertThat(parser.parse("trong quý II năm 2023", ISSUED).explanation())
				.isEqualTo("Hết quý II năm 2023: ngày 30/06/2023.");
		assertThat(parser.parse("trước ngày 30/4/2023", ISSUED).explanation())
				.contains("30/04/2023 là ngày nghỉ (Ngày Chiến thắng)").contains("04/05/2023");
		assertThat(parser.parse("cuối năm", ISSUED).explanation())
				.contains("«Cuối năm» là ngày 31/12 (Điều 146 BLDS 2015)").contains("suy từ ngày ban hành 13/04/2023");
	}

	@ParameterizedTest
	@ValueSource(strings = {"thường xuyên", "Tiếp tục", "tiếp tục thực hiện", "THUONG XUYEN", "hằng quý", "liên tục."})
	void ongoingWorkHasNoDueDate(String phrase) {
		Deadline deadline = parser.parse(phrase, ISSUED);
		assertThat(deadline.kind()).isEqualTo(DeadlineKind.ONGOING);
		assertThat(deadline.due()).isEmpty();
		assertThat(deadline.statedDate()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			trước khi trình HĐND thành phố                     | trước khi trình HĐND thành phố
			Hoàn thành trước khi trình HĐND thành phố.         | trước khi trình HĐND thành phố
			truoc khi trinh HDND thanh pho                     | truoc khi trinh HDND thanh pho
			ngay sau khi có ý kiến của Thường trực Thành ủy    | ngay sau khi có ý kiến của Thường trực Thành ủy
			tại kỳ họp HĐND thành phố cuối năm                 | tại kỳ họp HĐND thành phố cuối năm
			""")
	void eventDeadlinesWaitForTheEvent(String phrase, String event) {
		Deadline deadline = parser.parse(phrase, ISSUED);
		assertThat(deadline.kind()).isEqualTo(DeadlineKind.EVENT);
		assertThat(deadline.due()).isEmpty();
		assertThat(deadline.event()).isEqualTo(event);
	}

	@Test
	void yearlessDatesTakeTheFirstYearOnOrAfterTheIssueDate() {
		LocalDate november = LocalDate.of(2023, 11, 20);
		assertThat(parser.parse("trước 30/6", november).dueDate()).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(parser.parse("quý II", november).statedDate()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(parser.parse("trước 29/2", november).statedDate()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(parser.parse("trong tháng", november).statedDate()).isEqualTo(LocalDate.of(2023, 11, 30));
	}

	@Test
	void workingDaysSkipTheTetBreak() {
		// issued Friday 2/2/2024: 5 working days are 5, 6, 7, 15, 16 February (Tết break 8–14/2)
		Deadline deadline = parser.parse("trong 5 ngày làm việc", LocalDate.of(2024, 2, 2));
		assertThat(deadline.dueDate()).isEqualTo(LocalDate.of(2024, 2, 16));
	}

	@ParameterizedTest(name = "«{0}» is refused: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			quý V                                        | V                   | Quý «V» không tồn tại
			quý V năm 2023                               | V                   | Quý «V» không tồn tại
			quý 0/2023                                   | 0                   | Quý «0» không tồn tại
			31/2/2023                                    | 31/2/2023           | Ngày «31/2/2023» không tồn tại
			trước ngày 31/4                              | 31/4                | Ngày «31/4» không tồn tại
			29/2/2023                                    | 29/2/2023           | tháng 2 năm 2023 có 28 ngày
			tháng 13/2023                                | 13                  | Tháng «13» không tồn tại
			tháng IIII                                   | IIII                | không phải là số
			20/4/23                                      | 23                  | phải viết đủ 4 chữ số
			năm 2300                                     | 2300                | ngoài phạm vi lịch
			trong quý II năm 2023 và báo cáo kết quả     | và báo cáo kết quả  | Không hiểu phần «và báo cáo kết quả»
			sớm nhất có thể trong quý II                 | sớm nhất có thể     | Không hiểu phần «sớm nhất có thể»
			kịp thời                                     | kịp thời            | Không hiểu thời hạn «kịp thời»
			trong 10 ngày kể từ ngày nhận được văn bản   | nhận được văn bản   | Không rõ mốc tính «nhận được văn bản»
			trước quý III                                | trước quý III       | không rõ là trước khi kỳ đó bắt đầu
			trong 0 ngày                                 | 0                   | không hợp lệ
			trong                                        | trong               | Không hiểu thời hạn
			""")
	void refusesWhatItCannotReadAndSaysWhat(String phrase, String unreadable, String message) {
		assertThatThrownBy(() -> parser.parse(phrase, ISSUED))
				.isInstanceOfSatisfying(DeadlineParseException.class, e -> {
					assertThat(e.unreadable()).isEqualTo(unreadable);
					assertThat(e.phrase()).isEqualTo(phrase.strip());
					assertThat(e.getMessage()).contains(message);
				});
	}

	@Test
	void refusesAPhraseWhoseLettersFoldIntoSeveralWithoutFailingItself() {
		// a Hangul syllable folds into three letters: the folded text is longer than twice the phrase
		assertThatThrownBy(() -> parser.parse("한한한한", ISSUED)).isInstanceOfSatisfying(DeadlineParseException.class,
				e -> assertThat(e.getMessage()).contains("한한한한"));
	}

	@ParameterizedTest
	@ValueSource(strings = {"", "   "})
	void refusesAnEmptyPhrase(String phrase) {
		assertThatThrownBy(() -> parser.parse(phrase, ISSUED))
				.isInstanceOf(DeadlineParseException.class)
				.hasMessage("Thời hạn để trống.");
	}

	@Test
	void everyResolvedDueDateIsAWorkingDay() {
		VietnamCalendar calendar = new VietnamCalendar(CalendarSettings.withHolidaysFile(Path.of("config/holidays.yml")));
		String[] phrases = {"cuối năm", "giữa năm", "đầu tháng 7", "trong tháng", "quý IV", "trước 1/5",
				"trong 10 ngày kể từ ngày ký", "trong 7 ngày làm việc", "6 tháng đầu năm"};
		for (LocalDate issued = LocalDate.of(2023, 1, 1); issued.isBefore(LocalDate.of(2026, 12, 1));
			 issued = issued.plusDays(5)) {
			for (String phrase : phrases) {
				Deadline deadline = parser.parse(phrase, issued);
				assertThat(calendar.isWorkingDay(deadline.dueDate())).as("«%s» issued %s → %s", phrase, issued,
						deadline.dueDate()).isTrue();
				assertThat(deadline.dueDate()).isAfterOrEqualTo(deadline.statedDate());
				assertThat(deadline.statedDate()).isAfterOrEqualTo(issued);
			}
		}
	}
}
