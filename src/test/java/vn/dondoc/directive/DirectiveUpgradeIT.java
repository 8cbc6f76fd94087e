package vn.dondoc.directive;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import vn.dondoc.calendar.CalendarSettings;
import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that already holds directives (dondoc's migrations up to 25) is upgraded in place, on H2 and
 * PostgreSQL: migration 26 gives each completed part the day it was completed in Vietnam, and migration 27
 * sums up each directive's parts so that its status is found through an index. A part completed at 18:30 UTC
 * on its due day was completed the next morning in Vietnam, so it counts as done late.
 */
class DirectiveUpgradeIT {

	@Test
	void upgradesDirectivesOnH2() throws Exception {
		upgrade("jdbc:h2:mem:upgrade;DB_CLOSE_DELAY=-1", "sa", "");
	}

	@Test
	void upgradesDirectivesOnPostgres() throws Exception {
		upgrade(TestPostgres.newDatabase("upgrade"), "postgres", "postgres");
	}

	private static void upgrade(String url, String user, String password) throws Exception {
		// the Quartz tables (migration 1, Java) play no part here and are left out
		Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("25").load().migrate();
		try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
			sql.execute("INSERT INTO document (code, title, issued_on, content_hash, imported_at, updated_at)"
					+ " VALUES ('KL-1', 'Kết luận', DATE '2023-04-13', 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
			directive(sql, 1, "1");
			directive(sql, 2, "2");
			directive(sql, 3, "3");
			// 1: one part done on time, one done at 01:30 on 1/7 in Vietnam, one day after its due date
			part(sql, 1, "ban-to-chuc", "LEAD", "2023-06-30", "TIMESTAMP WITH TIME ZONE '2023-06-29 09:00:00+00:00'");
			part(sql, 1, "ban-dan-van", "LEAD", "2023-06-30", "TIMESTAMP WITH TIME ZONE '2023-06-30 18:30:00+00:00'");
			// 2: one part open, one open without a date, a coordinating unit
			part(sql, 2, "ban-to-chuc", "LEAD", "2023-09-30", "NULL");
			part(sql, 2, "ban-noi-chinh", "LEAD", null, "NULL");
			part(sql, 2, "ban-dan-van", "COORDINATING", "2023-09-30", "NULL");
			// 3: no lead unit
		}

		Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
			.javaMigrations(new CompletionDayMigration(CalendarSettings.defaults())).load().migrate();

		try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
			try (ResultSet days = sql.executeQuery(
					"SELECT unit_code, completed_on FROM directive_unit WHERE directive_id = 1 ORDER BY unit_code")) {
				assertThat(days.next()).isTrue();
				assertThat(days.getObject(2, LocalDate.class)).as("ban-dan-van").isEqualTo(LocalDate.of(2023, 7, 1));
				assertThat(days.next()).isTrue();
				assertThat(days.getObject(2, LocalDate.class)).as("ban-to-chuc").isEqualTo(LocalDate.of(2023, 6, 29));
			}
			assertThat(summary(sql, 1)).isEqualTo("2 parts, next due null, 0 undated open, 1 done late");
			assertThat(summary(sql, 2)).isEqualTo("2 parts, next due 2023-09-30, 1 undated open, 0 done late");
			assertThat(summary(sql, 3)).isEqualTo("0 parts, next due null, 0 undated open, 0 done late");
		}
	}

	private static void directive(Statement sql, int id, String section) throws Exception {
		sql.execute("INSERT INTO directive (id, business_key, document_code, section, position, text, deadline_kind,"
				+ " moved_to_working_day, created_at, updated_at) VALUES (" + id + ", 'KL-1/" + section + "', 'KL-1', '" + section
				+ "', " + id + ", 'Nhiệm vụ " + section + "', 'DATE', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
	}

	private static void part(Statement sql, int directive, String unit, String role, String due, String completedAt) throws Exception {
		sql.execute("INSERT INTO directive_unit (directive_id, unit_code, role, due_date, original_due_date, completed_at) VALUES ("
				+ directive + ", '" + unit + "', '" + role + "', " + (due == null ? "NULL" : "DATE '" + due + "'") + ", "
				+ (due == null ? "NULL" : "DATE '" + due + "'") + ", " + completedAt + ")");
	}

	private static String summary(Statement sql, int directive) throws Exception {
		try (ResultSet row = sql.executeQuery(
				"SELECT lead_parts, next_due_date, undated_open_parts, late_done_parts FROM directive WHERE id = " + directive)) {
			assertThat(row.next()).isTrue();
			return row.getInt(1) + " parts, next due " + row.getObject(2, LocalDate.class) + ", " + row.getInt(3) + " undated open, "
					+ row.getInt(4) + " done late";
		}
	}

}
