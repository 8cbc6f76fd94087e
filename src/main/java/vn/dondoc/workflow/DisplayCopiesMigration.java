package vn.dondoc.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.platform.JavaMigrationStep;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * Flyway migration 39 (issue 18, sixth slice): what running directive processes hold only to be shown, now read
 * where it is kept. The document's code and the section on the process instance (task names read the directive's
 * row); the unit's name and the due date's label in each unit's part (the forms get them from the unit directory
 * and the part's due date, {@link DirectiveFormVariables}; task names from the unit directory). Their history goes
 * too, of finished processes as well: nothing reads it. The directive's id, the unit, its dates and everything
 * else of a part stay. On a new database Flyway runs before Camunda has created its tables: nothing to do.
 */
@Component
public class DisplayCopiesMigration extends JavaMigrationStep {

	private static final Logger log = LoggerFactory.getLogger(DisplayCopiesMigration.class);

	/** Shown only, on the process instance. */
	static final List<String> ON_INSTANCE = List.of(VAR_DOCUMENT_CODE, VAR_SECTION);

	/** Shown only, in each unit's part. */
	static final List<String> IN_PARTS = List.of(VAR_UNIT_NAME, VAR_DUE_DATE_LABEL);

	public DisplayCopiesMigration() {
		super("39", "copies kept for display in directive processes");
	}

	@Override
	public void migrate(Context context) throws Exception {
		int[] removed = removeDisplayCopies(context.getConnection());
		log.info("Migration 39: {} variable(s) of running directive processes and {} history row(s) removed", removed[0], removed[1]);
	}

	/** Deletes them; returns how many runtime variables and how many history rows. */
	public static int[] removeDisplayCopies(Connection connection) throws Exception {
		if (!hasCamundaTables(connection)) {
			return new int[] { 0, 0 };
		}
		int variables = DirectiveCopiesMigration.removeVariables(connection, ON_INSTANCE, true)
				+ DirectiveCopiesMigration.removeVariables(connection, IN_PARTS, false);
		int history;
		// the history of the instance's two was never kept (DirectiveHistoryFilter); the parts' names and labels were
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM ACT_HI_VARINST WHERE NAME_ IN (?, ?) AND PROC_DEF_KEY_ = ? AND BYTEARRAY_ID_ IS NULL")) {
			delete.setString(1, VAR_UNIT_NAME);
			delete.setString(2, VAR_DUE_DATE_LABEL);
			delete.setString(3, DirectiveProcess.KEY);
			history = delete.executeUpdate();
		}
		return new int[] { variables, history };
	}

}
