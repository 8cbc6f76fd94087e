package vn.dondoc.notification;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Properties;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.TypeConverter;
import org.camunda.bpm.impl.juel.TypeConverterImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Dates that a model writes into a text with an expression ({@code Báo cáo trước ${dueDate}} as a task's name,
 * the subject or text of a "Gửi thông báo" step) read {@code 16/12/2026}, in Vietnam's time zone, as everywhere
 * else in dondoc's mail, instead of Java's {@code Wed Dec 16 17:00:00 ICT 2026}. Only turning a date into text
 * changes: an expression that is one date alone ({@code ${dueDate}} as a due date) still gives the date itself.
 */
@Component
class ModelTextDates extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(ModelTextDates.class);

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getExpressionManager() instanceof JuelExpressionManager expressions) {
			expressions.setExpressionFactory(new Factory());
		}
		else {
			log.warn("Dates in model texts keep Java's format: the expression manager is {}",
					configuration.getExpressionManager() == null ? null : configuration.getExpressionManager().getClass());
		}
	}

	/** Camunda's own factory (same profile and {@code el.properties}), with the converter below. */
	static final class Factory extends ExpressionFactoryImpl {

		@Override
		protected TypeConverter createTypeConverter(Properties properties) {
			return new Converter();
		}

	}

	/** Camunda's conversions, but a date becomes text as {@link VietnameseDates#date} writes it. */
	static final class Converter extends TypeConverterImpl {

		private static final long serialVersionUID = 1L;

		@Override
		protected String coerceToString(Object value) {
			String date = text(value);
			return date != null ? date : super.coerceToString(value);
		}

		/** {@code 16/12/2026} for a date of any of Java's kinds, else {@code null}. */
		static String text(Object value) {
			if (value instanceof Date date) {
				return VietnameseDates.date(VietnameseDates.today(date.toInstant()));
			}
			if (value instanceof LocalDate date) {
				return VietnameseDates.date(date);
			}
			if (value instanceof LocalDateTime date) {
				return VietnameseDates.date(date.toLocalDate());
			}
			if (value instanceof ZonedDateTime date) {
				return VietnameseDates.date(VietnameseDates.today(date.toInstant()));
			}
			if (value instanceof OffsetDateTime date) {
				return VietnameseDates.date(VietnameseDates.today(date.toInstant()));
			}
			return null;
		}

	}

}
