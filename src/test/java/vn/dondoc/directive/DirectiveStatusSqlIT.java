package vn.dondoc.directive;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status rules in SQL ({@link DirectiveStatus#sql}), which the database uses to filter and count, give
 * what {@link DirectiveStatus#of} gives in Java, on H2 and on PostgreSQL, for parts open and done, with and
 * without due dates, around today and the last day that is "due soon".
 */
class DirectiveStatusSqlIT {

	static final LocalDate TODAY = LocalDate.of(2023, 6, 26);

	static final LocalDate DUE_SOON_UNTIL = LocalDate.of(2023, 6, 30);

	/** The first day counted as due soon for a due date: five days before it, as a stand-in for the calendar. */
	static LocalDate dueSoonFrom(LocalDate due) {
		return due.minusDays(4);
	}

	@Test
	void agreesWithJavaOnH2() throws Exception {
		try (Connection db = DriverManager.getConnection("jdbc:h2:mem:status;DB_CLOSE_DELAY=-1", "sa", "")) {
			check(db);
		}
	}

	@Test
	void agreesWithJavaOnPostgres() throws Exception {
		try (Connection db = DriverManager.getConnection(TestPostgres.newDatabase("status_sql"), "postgres", "postgres")) {
			check(db);
		}
	}

	private static void check(Connection db) throws Exception {
		try (Statement ddl = db.createStatement()) {
			ddl.execute("CREATE TABLE directive_unit (id INT PRIMARY KEY, due_date DATE, completed_at TIMESTAMP WITH TIME ZONE, completed_on DATE)");
		}
		List<LocalDate> dues = new ArrayList<>(Arrays.asList((LocalDate) null));
		for (LocalDate day = TODAY.minusDays(3); !day.isAfter(DUE_SOON_UNTIL.plusDays(3)); day = day.plusDays(1)) {
			dues.add(day);
		}
		List<LocalDate> completions = new ArrayList<>(Arrays.asList((LocalDate) null));
		completions.addAll(dues.subList(1, dues.size()));
		List<DirectiveStatus> expected = new ArrayList<>();
		try (PreparedStatement insert = db.prepareStatement("INSERT INTO directive_unit VALUES (?, ?, ?, ?)")) {
			int id = 0;
			for (LocalDate due : dues) {
				for (LocalDate done : completions) {
					insert.setInt(1, id++);
					insert.setObject(2, due);
					// the evening of that day in Vietnam: the instant is the previous or the same day elsewhere, the day is stored
					insert.setObject(3, done == null ? null : done.atTime(23, 30).atOffset(ZoneOffset.ofHours(7)));
					insert.setObject(4, done);
					insert.addBatch();
					expected.add(DirectiveStatus.of(due, done, TODAY, due == null ? null : dueSoonFrom(due)));
				}
			}
			insert.executeBatch();
		}
		List<DirectiveStatus> actual = new ArrayList<>();
		try (PreparedStatement query = db.prepareStatement("SELECT " + DirectiveStatus.sql("u").replace(":today", "?")
				.replace(":dueSoonUntil", "?") + " FROM directive_unit u ORDER BY u.id")) {
			query.setObject(1, TODAY);
			query.setObject(2, DUE_SOON_UNTIL);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					actual.add(DirectiveStatus.values()[rs.getInt(1)]);
				}
			}
		}
		assertThat(actual).containsExactlyElementsOf(expected);
		assertThat(actual).contains(DirectiveStatus.values());
	}

}
