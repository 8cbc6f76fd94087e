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
 * The status rules in SQL, which the database uses to filter and count, give what Java gives, on H2 and on
 * PostgreSQL: a part's ({@link DirectiveStatus#sql} against {@link DirectiveStatus#of}) for parts open and done,
 * with and without due dates, around today and the last day that is "due soon"; and a directive's
 * ({@link DirectiveStatus#sqlOfDirective} on the summary that migration 27 computes, against
 * {@link DirectiveStatus#worst}) for directives with no, one or two lead parts of every kind.
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
		try (Connection db = DriverManager.getConnection("jdbc:h2:mem:directives;DB_CLOSE_DELAY=-1", "sa", "")) {
			checkDirectives(db);
		}
	}

	@Test
	void agreesWithJavaOnPostgres() throws Exception {
		try (Connection db = DriverManager.getConnection(TestPostgres.newDatabase("status_sql"), "postgres", "postgres")) {
			check(db);
		}
		try (Connection db = DriverManager.getConnection(TestPostgres.newDatabase("status_sql"), "postgres", "postgres")) {
			checkDirectives(db);
		}
	}

	/** One lead part of each kind: its due date and the day it was done. */
	record Part(LocalDate due, LocalDate done) {

		DirectiveStatus status() {
			return DirectiveStatus.of(due, done, TODAY, due == null ? null : dueSoonFrom(due));
		}

	}

	static final List<Part> PARTS = List.of(new Part(TODAY.minusDays(1), null), new Part(TODAY, null), new Part(DUE_SOON_UNTIL, null),
			new Part(DUE_SOON_UNTIL.plusDays(1), null), new Part(null, null), new Part(TODAY.minusDays(2), TODAY),
			new Part(TODAY.minusDays(2), TODAY.minusDays(2)), new Part(null, TODAY));

	private static void checkDirectives(Connection db) throws Exception {
		try (Statement ddl = db.createStatement()) {
			ddl.execute("CREATE TABLE directive (id INT PRIMARY KEY)");
			ddl.execute("CREATE TABLE directive_unit (directive_id INT, unit_code VARCHAR(20), role VARCHAR(20), due_date DATE,"
					+ " completed_at TIMESTAMP WITH TIME ZONE, completed_on DATE)");
		}
		List<List<Part>> directives = new ArrayList<>(List.of(List.of()));
		for (int a = 0; a < PARTS.size(); a++) {
			directives.add(List.of(PARTS.get(a)));
			for (int b = a; b < PARTS.size(); b++) {
				directives.add(List.of(PARTS.get(a), PARTS.get(b)));
			}
		}
		try (PreparedStatement directive = db.prepareStatement("INSERT INTO directive VALUES (?)");
				PreparedStatement part = db.prepareStatement("INSERT INTO directive_unit VALUES (?, ?, 'LEAD', ?, ?, ?)");
				PreparedStatement coordinating = db.prepareStatement("INSERT INTO directive_unit VALUES (?, 'phoi-hop', 'COORDINATING', NULL, NULL, NULL)")) {
			for (int id = 0; id < directives.size(); id++) {
				directive.setInt(1, id);
				directive.executeUpdate();
				coordinating.setInt(1, id);
				coordinating.executeUpdate();
				int unit = 0;
				for (Part p : directives.get(id)) {
					part.setInt(1, id);
					part.setString(2, "don-vi-" + unit++);
					part.setObject(3, p.due());
					part.setObject(4, p.done() == null ? null : p.done().atTime(16, 0).atOffset(ZoneOffset.ofHours(7)));
					part.setObject(5, p.done());
					part.executeUpdate();
				}
			}
		}
		String migration = new String(DirectiveStatusSqlIT.class.getResourceAsStream("/db/migration/V27__directive_status_summary.sql")
			.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		try (Statement statement = db.createStatement()) {
			for (String sql : migration.replaceAll("(?m)^--.*$", "").split(";")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
		for (DirectiveStatus status : DirectiveStatus.values()) {
			List<Integer> expected = new ArrayList<>();
			for (int id = 0; id < directives.size(); id++) {
				if (DirectiveStatus.worst(directives.get(id).stream().map(Part::status).toList()) == status) {
					expected.add(id);
				}
			}
			List<Integer> actual = new ArrayList<>();
			String condition = DirectiveStatus.sqlOfDirective(status, "d");
			try (PreparedStatement query = db.prepareStatement("SELECT d.id FROM directive d WHERE " + condition.replace(":today", "?")
					.replace(":dueSoonUntil", "?") + " ORDER BY d.id")) {
				int index = 1;
				for (int at = condition.indexOf(':'); at >= 0; at = condition.indexOf(':', at + 1)) {
					query.setObject(index++, condition.startsWith(":today", at) ? TODAY : DUE_SOON_UNTIL);
				}
				try (ResultSet rs = query.executeQuery()) {
					while (rs.next()) {
						actual.add(rs.getInt(1));
					}
				}
			}
			assertThat(actual).as("directives %s", status).isEqualTo(expected).isNotEmpty();
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
