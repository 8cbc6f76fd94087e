package vn.dondoc.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.platform.JavaMigrationStep;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * Flyway migration 37 (issue 18): the copies of a directive's row that directive processes started before it
 * hold as variables of their process instance: the document's title, the directive's text, its coordinating
 * units (a serialized list, with its byte array), its deadline in words and the kind of deadline. Nothing reads
 * them any more: the Tasklist forms get them from dondoc's rows ({@link DirectiveFormVariables}), and so do
 * the mails. The directive's id, document code and section stay (task names and dondoc's link to its row), as
 * does every variable of a unit's part. On a new database Flyway runs before Camunda has created its tables:
 * nothing to do.
 */
@Component
public class DirectiveCopiesMigration extends JavaMigrationStep {

	private static final Logger log = LoggerFactory.getLogger(DirectiveCopiesMigration.class);

	/** The copies that go. */
	static final List<String> COPIES = List.of(VAR_DOCUMENT_TITLE, VAR_TEXT, VAR_COORDINATING_UNITS, VAR_DEADLINE_TEXT,
			VAR_DEADLINE_KIND);

	/** Byte arrays deleted per statement. */
	static final int BATCH = 500;

	public DirectiveCopiesMigration() {
		super("37", "copies of the directive on its process instance");
	}

	@Override
	public void migrate(Context context) throws Exception {
		int removed = removeCopies(context.getConnection());
		log.info("Migration 37: {} copied variable(s) of running directive processes removed", removed);
	}

	/** Deletes the copies held by directive process instances, with their byte arrays; returns how many variables. */
	public static int removeCopies(Connection connection) throws Exception {
		return removeVariables(connection, COPIES, true);
	}

	/**
	 * Deletes the runtime variables of these names of running directive processes, with their byte arrays: only
	 * those of the process instance itself when {@code instanceOnly}, else of any of its scopes. Returns how many.
	 */
	static int removeVariables(Connection connection, List<String> names, boolean instanceOnly) throws Exception {
		if (!hasCamundaTables(connection)) {
			return 0;
		}
		String marks = String.join(", ", names.stream().map(name -> "?").toList());
		String variables = "FROM ACT_RU_VARIABLE v WHERE v.TASK_ID_ IS NULL"
				+ (instanceOnly ? " AND v.EXECUTION_ID_ = v.PROC_INST_ID_" : "") + " AND v.NAME_ IN (" + marks
				+ ") AND v.PROC_DEF_ID_ IN (SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = ?)";
		// a variable points at its byte array: the variables go first, then what they pointed at
		List<String> bytes = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("SELECT v.BYTEARRAY_ID_ " + variables + " AND v.BYTEARRAY_ID_ IS NOT NULL")) {
			bind(select, names);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					bytes.add(rows.getString(1));
				}
			}
		}
		int removed;
		try (PreparedStatement delete = connection.prepareStatement("DELETE " + variables)) {
			bind(delete, names);
			removed = delete.executeUpdate();
		}
		for (int from = 0; from < bytes.size(); from += BATCH) {
			List<String> batch = bytes.subList(from, Math.min(bytes.size(), from + BATCH));
			try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ACT_GE_BYTEARRAY WHERE ID_ IN ("
					+ String.join(", ", batch.stream().map(id -> "?").toList()) + ")")) {
				for (int i = 0; i < batch.size(); i++) {
					delete.setString(i + 1, batch.get(i));
				}
				delete.executeUpdate();
			}
		}
		return removed;
	}

	private static void bind(PreparedStatement statement, List<String> names) throws Exception {
		int i = 1;
		for (String name : names) {
			statement.setString(i++, name);
		}
		statement.setString(i, DirectiveProcess.KEY);
	}

}
