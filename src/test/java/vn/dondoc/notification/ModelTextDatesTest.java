package vn.dondoc.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A date written into a model's text reads as a Vietnamese office writes it; a date alone stays a date. */
class ModelTextDatesTest {

	private final ExpressionFactoryImpl factory = new ModelTextDates.Factory();

	private final SimpleContext context = new SimpleContext();

	@Test
	void aDateInATextReadsDayMonthYearInVietnam() {
		// 17:00 in Hanoi is 10:00 UTC: the day is Vietnam's, whatever the server's zone
		Date due = Date.from(LocalDateTime.of(2026, 12, 16, 17, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
		context.setVariable("dueDate", factory.createValueExpression(due, Date.class));
		context.setVariable("day", factory.createValueExpression(LocalDate.of(2027, 1, 5), LocalDate.class));

		assertThat(factory.createValueExpression(context, "Báo cáo trước ${dueDate}, họp ${day}", String.class).getValue(context))
			.isEqualTo("Báo cáo trước 16/12/2026, họp 05/01/2027");
	}

	@Test
	void aDateAloneStaysADateAndOtherValuesConvertAsBefore() {
		Date due = new Date();
		context.setVariable("dueDate", factory.createValueExpression(due, Date.class));
		context.setVariable("count", factory.createValueExpression(3, Integer.class));

		assertThat(factory.createValueExpression(context, "${dueDate}", Object.class).getValue(context)).isSameAs(due);
		assertThat(factory.createValueExpression(context, "còn ${count} ngày", String.class).getValue(context)).isEqualTo("còn 3 ngày");
		assertThat(factory.createValueExpression(context, "${count == '3'}", Boolean.class).getValue(context)).isEqualTo(true);
	}

}
