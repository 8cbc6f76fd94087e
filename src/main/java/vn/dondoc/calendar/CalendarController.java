package vn.dondoc.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/calendar/{year}} and {@code GET /api/deadlines/parse}. Parameters are read by hand so
 * that one 400 answer can name every bad parameter at once, as {@code application/problem+json}.
 */
@RestController
@RequestMapping("/api")
class CalendarController {

	private final VietnamCalendar calendar;
	private final DeadlineParser parser;

	CalendarController(VietnamCalendar calendar, DeadlineParser parser) {
		this.calendar = calendar;
		this.parser = parser;
	}

	/** Every day of the year that is not a plain weekday or plain weekend day. */
	@GetMapping("/calendar/{year}")
	YearView year(@PathVariable("year") String year) {
		int value;
		try {
			value = Integer.parseInt(year.strip());
		} catch (NumberFormatException e) {
			throw badRequest(List.of(new FieldProblem("year", "«" + year + "» không phải là một năm (ví dụ 2024)")));
		}
		if (value < LunarCalendar.MIN_DATE.getYear() || value > LunarCalendar.MAX_DATE.getYear()) {
			throw badRequest(List.of(new FieldProblem("year", "năm " + value + " nằm ngoài phạm vi lịch (1900–2100)")));
		}
		return new YearView(value, calendar.nonWorkingDays(value).stream().map(DayView::of).toList());
	}

	/** A deadline phrase resolved against an issue date. */
	@GetMapping("/deadlines/parse")
	DeadlineView parse(@RequestParam(name = "text", required = false) String text,
					   @RequestParam(name = "issuedOn", required = false) String issuedOn) {
		List<FieldProblem> problems = new ArrayList<>();
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem("text", "thiếu cụm từ thời hạn cần đọc (ví dụ «trong quý II năm 2023»)"));
		}
		LocalDate issued = null;
		if (issuedOn == null || issuedOn.isBlank()) {
			problems.add(new FieldProblem("issuedOn", "thiếu ngày ban hành văn bản, dạng YYYY-MM-DD"));
		} else {
			try {
				issued = LocalDate.parse(issuedOn.strip());
				if (issued.isBefore(LunarCalendar.MIN_DATE) || issued.isAfter(LunarCalendar.MAX_DATE)) {
					problems.add(new FieldProblem("issuedOn", "ngày " + issuedOn + " nằm ngoài phạm vi lịch (1900–2100)"));
				}
			} catch (DateTimeParseException e) {
				problems.add(new FieldProblem("issuedOn", "«" + issuedOn + "» không phải ngày dạng YYYY-MM-DD"));
			}
		}
		if (!problems.isEmpty()) {
			throw badRequest(problems);
		}
		try {
			return DeadlineView.of(parser.parse(text, issued), issued);
		} catch (DeadlineParseException e) {
			ErrorResponseException error = badRequest(List.of(new FieldProblem("text", e.getMessage())));
			error.getBody().setProperty("unreadable", e.unreadable());
			throw error;
		}
	}

	@ExceptionHandler(ErrorResponseException.class)
	ResponseEntity<ProblemDetail> problem(ErrorResponseException error) {
		return ResponseEntity.status(error.getStatusCode())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(error.getBody());
	}

	static ErrorResponseException badRequest(List<FieldProblem> problems) {
		String detail = problems.stream().map(p -> p.field() + ": " + p.problem()).collect(Collectors.joining("; "));
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		body.setTitle("Tham số không hợp lệ");
		body.setProperty("errors", problems.stream()
				.map(p -> Map.of("field", p.field(), "problem", p.problem()))
				.toList());
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, body, null);
	}

	/** One bad request parameter. */
	record FieldProblem(String field, String problem) {
	}

	/** The answer of {@code GET /api/calendar/{year}}. */
	record YearView(int year, List<DayView> days) {
	}

	/** One special day; {@code date} is ISO, {@code display} is dd/MM/yyyy. */
	record DayView(LocalDate date, String display, String weekday, String name, DayKind kind, boolean dayOff,
				   String source) {

		static DayView of(SpecialDay day) {
			return new DayView(day.date(), Dates.format(day.date()), Dates.weekdayName(day.date()), day.name(),
					day.kind(), day.isDayOff(), day.source());
		}
	}

	/** The answer of {@code GET /api/deadlines/parse}. */
	record DeadlineView(String text, LocalDate issuedOn, DeadlineKind kind, LocalDate dueDate, String dueDateDisplay,
						LocalDate statedDate, boolean movedToWorkingDay, String event, String explanation) {

		static DeadlineView of(Deadline deadline, LocalDate issuedOn) {
			return new DeadlineView(deadline.phrase(), issuedOn, deadline.kind(), deadline.dueDate(),
					deadline.dueDate() == null ? null : Dates.format(deadline.dueDate()), deadline.statedDate(),
					deadline.movedToWorkingDay(), deadline.event(), deadline.explanation());
		}
	}
}
