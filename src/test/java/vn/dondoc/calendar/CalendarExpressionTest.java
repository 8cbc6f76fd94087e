package vn.dondoc.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.junit.jupiter.api.Test;

/** The calendar bean as BPMN expressions see it, through Camunda's own JUEL implementation. */
class CalendarExpressionTest {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final ExpressionFactory factory = new ExpressionFactoryImpl();
	private final SimpleContext context = new SimpleContext();

	CalendarExpressionTest() {
		VietnamCalendar calendar = new VietnamCalendar(CalendarSettings.withHolidaysFile(Path.of("config/holidays.yml")));
		context.setVariable("calendar", factory.createValueExpression(calendar, VietnamCalendar.class));
	}

	@Test
	void addWorkingDaysOnADateVariableChoosesTheDateOverload() {
		// Friday 2/2/2024 10:00 + 5 working days skips the Tết break (8–14/2) → Friday 16/2 at 17:00
		setNow(ZonedDateTime.of(2024, 2, 2, 10, 0, 0, 0, VIETNAM));
		Object due = evaluate("${calendar.addWorkingDays(now, 5)}");
		assertThat(due).isEqualTo(Date.from(ZonedDateTime.of(2024, 2, 16, 17, 0, 0, 0, VIETNAM).toInstant()));
	}

	@Test
	void otherDateMethodsAreReachableToo() {
		setNow(ZonedDateTime.of(2024, 2, 10, 9, 0, 0, 0, VIETNAM));
		assertThat(evaluate("${calendar.isWorkingDay(now)}")).isEqualTo(false);
		assertThat(evaluate("${calendar.nextWorkingMoment(now)}"))
				.isEqualTo(Date.from(ZonedDateTime.of(2024, 2, 15, 7, 30, 0, 0, VIETNAM).toInstant()));
	}

	private void setNow(ZonedDateTime now) {
		context.setVariable("now", factory.createValueExpression(Date.from(now.toInstant()), Date.class));
	}

	private Object evaluate(String expression) {
		return factory.createValueExpression(context, expression, Object.class).getValue(context);
	}
}
