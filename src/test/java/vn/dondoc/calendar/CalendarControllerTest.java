package vn.dondoc.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/** The controller's mapping, called directly (the HTTP round trip is in {@code CalendarApiIT}). */
class CalendarControllerTest {

	private static final VietnamCalendar calendar =
			new VietnamCalendar(CalendarSettings.withHolidaysFile(Path.of("config/holidays.yml")));
	private final CalendarController controller = new CalendarController(calendar, new DeadlineParser(calendar));

	@Test
	void listsTheSpecialDaysOfAYearWithIsoAndVietnameseDates() {
		CalendarController.YearView view = controller.year("2024");
		assertThat(view.year()).isEqualTo(2024);
		assertThat(view.days()).extracting(CalendarController.DayView::date)
				.contains(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 29), LocalDate.of(2024, 5, 4))
				.doesNotContain(LocalDate.of(2024, 3, 9));
		CalendarController.DayView saturday = view.days().stream()
				.filter(d -> d.date().equals(LocalDate.of(2024, 5, 4))).findFirst().orElseThrow();
		assertThat(saturday.display()).isEqualTo("04/05/2024");
		assertThat(saturday.weekday()).isEqualTo("thứ Bảy");
		assertThat(saturday.kind()).isEqualTo(DayKind.MAKEUP_WORKING_SATURDAY);
		assertThat(saturday.dayOff()).isFalse();
		assertThat(saturday.source()).contains("2450/VPCP-KGVX");
	}

	@Test
	void rejectsAYearThatIsNotANumberOrOutOfRange() {
		assertThat(problemOf(() -> controller.year("abc")).getProperties())
				.containsEntry("errors", List.of(Map.of("field", "year",
						"problem", "«abc» không phải là một năm (ví dụ 2024)")));
		assertThat(problemOf(() -> controller.year("2300")).getDetail()).contains("year").contains("1900–2100");
	}

	@Test
	void resolvesAPhrase() {
		CalendarController.DeadlineView view = controller.parse("trong quý II năm 2023", "2023-04-13");
		assertThat(view.kind()).isEqualTo(DeadlineKind.END_OF_PERIOD);
		assertThat(view.dueDate()).isEqualTo(LocalDate.of(2023, 6, 30));
		assertThat(view.dueDateDisplay()).isEqualTo("30/06/2023");
		assertThat(view.issuedOn()).isEqualTo(LocalDate.of(2023, 4, 13));
		assertThat(view.explanation()).isEqualTo("Hết quý II năm 2023: ngày 30/06/2023.");
	}

	@Test
	void ongoingPhraseHasNoDueDate() {
		CalendarController.DeadlineView view = controller.parse("thường xuyên", "2023-04-13");
		assertThat(view.kind()).isEqualTo(DeadlineKind.ONGOING);
		assertThat(view.dueDate()).isNull();
		assertThat(view.dueDateDisplay()).isNull();
	}

	@Test
	void namesEveryMissingOrMalformedParameterAtOnce() {
		ProblemDetail problem = problemOf(() -> controller.parse(null, "13/04/2023"));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).contains("text").contains("issuedOn").contains("13/04/2023");
		assertThat(fields(problem)).containsExactly("text", "issuedOn");
		assertThat(fields(problemOf(() -> controller.parse("quý II", null)))).containsExactly("issuedOn");
	}

	@Test
	void unreadablePhraseIsABadRequestNamingWhatWasNotUnderstood() {
		ProblemDetail problem = problemOf(() -> controller.parse("quý V năm 2023", "2023-04-13"));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(fields(problem)).containsExactly("text");
		assertThat(problem.getDetail()).contains("Quý «V» không tồn tại");
		assertThat(problem.getProperties()).containsEntry("unreadable", "V");
	}

	@Test
	void problemsAreAnsweredAsProblemJson() {
		ErrorResponseException error = CalendarController.badRequest(
				List.of(new CalendarController.FieldProblem("text", "thiếu")));
		ResponseEntity<ProblemDetail> response = controller.problem(error);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().getTitle()).isEqualTo("Tham số không hợp lệ");
	}

	@SuppressWarnings("unchecked")
	private static List<String> fields(ProblemDetail problem) {
		return ((List<Map<String, String>>) problem.getProperties().get("errors")).stream()
				.map(e -> e.get("field")).toList();
	}

	private static ProblemDetail problemOf(Runnable call) {
		ErrorResponseException[] caught = new ErrorResponseException[1];
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class, e -> caught[0] = e);
		return caught[0].getBody();
	}
}
