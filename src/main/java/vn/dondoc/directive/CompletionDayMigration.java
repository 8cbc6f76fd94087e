package vn.dondoc.directive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;

import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import vn.dondoc.calendar.CalendarSettings;
import vn.dondoc.platform.JavaMigrationStep;

/**
 * Flyway migration 26: {@code directive_unit.completed_on}, the day (in Vietnam) a lead unit's part was
 * completed, next to the instant. Whether a part was done late compares that day with its due date; with
 * the day stored, the database can filter and count by status without converting time zones (which H2 and
 * PostgreSQL do differently). Parts completed before this migration get their day from
 * {@code completed_at} in the calendar's zone.
 */
@Component
class CompletionDayMigration extends JavaMigrationStep {

	private final CalendarSettings calendar;

	CompletionDayMigration(CalendarSettings calendar) {
		super("26", "directive unit completion day");
		this.calendar = calendar;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE directive_unit ADD COLUMN completed_on DATE");
		}
		try (Statement query = connection.createStatement();
				ResultSet done = query.executeQuery(
						"SELECT directive_id, unit_code, role, completed_at FROM directive_unit WHERE completed_at IS NOT NULL");
				PreparedStatement update = connection.prepareStatement(
						"UPDATE directive_unit SET completed_on = ? WHERE directive_id = ? AND unit_code = ? AND role = ?")) {
			while (done.next()) {
				OffsetDateTime at = done.getObject(4, OffsetDateTime.class);
				update.setObject(1, at.atZoneSameInstant(calendar.zone()).toLocalDate());
				update.setLong(2, done.getLong(1));
				update.setString(3, done.getString(2));
				update.setString(4, done.getString(3));
				update.addBatch();
			}
			update.executeBatch();
		}
	}

}
