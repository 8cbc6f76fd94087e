package vn.dondoc.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.platform.JavaMigrationStep;

import static vn.dondoc.directive.DirectiveProcess.VAR_DUE_DATE;
import static vn.dondoc.directive.DirectiveProcess.VAR_UNIT;

/**
 * Flyway migration 40 (issue 18, seventh slice): copies of what each unit part holds itself, and what the history
 * kept of the steps that only enclose a part. Processes and parts started since hold none of it (the importer,
 * {@code UnitPartStarted}, {@link DirectiveHistoryFilter}):
 * <ul>
 * <li>the process instance's due date, with its history: each part has read it into its own scope as it started
 * (the instance keeps the original due date);</li>
 * <li>the multi-instance's copy of the unit and its loop counter, on the execution above each running part's
 * scope (the scope holds the unit itself), with the copy's history, of finished parts too;</li>
 * <li>the history of the multi-instance body and of each unit's sub-process, once the copies are told apart by it:
 * a part's finished scope is now found by the unit it held ({@link DirectiveLifecycle#parts}).</li>
 * </ul>
 * The unit, the dates, the reports and everything else of a part stay, with their history. On a new database
 * Flyway runs before Camunda has created its tables: nothing to do.
 */
@Component
public class PartCopiesMigration extends JavaMigrationStep {

	private static final Logger log = LoggerFactory.getLogger(PartCopiesMigration.class);

	public PartCopiesMigration() {
		super("40", "copies of what unit parts hold, and the enclosing steps, in directive processes");
	}

	@Override
	public void migrate(Context context) throws Exception {
		int[] removed = removePartCopies(context.getConnection());
		log.info("Migration 40: {} variable(s) of running directive processes, {} variable history row(s) and {} step history row(s) removed",
				removed[0], removed[1], removed[2]);
	}

	/** Deletes them; returns how many runtime variables, variable history rows and activity history rows. */
	public static int[] removePartCopies(Connection connection) throws Exception {
		if (!hasCamundaTables(connection)) {
			return new int[] { 0, 0, 0 };
		}
		int variables = DirectiveCopiesMigration.removeVariables(connection, List.of(VAR_DUE_DATE), true);
		// the execution above a part's scope: the parent of an execution that holds the unit as its own
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ACT_RU_VARIABLE WHERE TASK_ID_ IS NULL "
				+ "AND NAME_ IN (?, ?) AND EXECUTION_ID_ <> PROC_INST_ID_ "
				+ "AND PROC_DEF_ID_ IN (SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = ?) "
				+ "AND EXECUTION_ID_ IN (SELECT c.PARENT_ID_ FROM ACT_RU_EXECUTION c JOIN ACT_RU_VARIABLE u "
				+ "ON u.EXECUTION_ID_ = c.ID_ AND u.NAME_ = ? AND u.TASK_ID_ IS NULL)")) {
			delete.setString(1, VAR_UNIT);
			delete.setString(2, MultiInstanceActivityBehavior.LOOP_COUNTER);
			delete.setString(3, DirectiveProcess.KEY);
			delete.setString(4, VAR_UNIT);
			variables += delete.executeUpdate();
		}
		int history;
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ACT_HI_VARINST WHERE PROC_DEF_KEY_ = ? "
				+ "AND EXECUTION_ID_ = PROC_INST_ID_ AND TASK_ID_ IS NULL AND NAME_ = ?")) {
			delete.setString(1, DirectiveProcess.KEY);
			delete.setString(2, VAR_DUE_DATE);
			history = delete.executeUpdate();
		}
		// a part's own unit is a local of its sub-process's execution; the copy was held by the one above it
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ACT_HI_VARINST WHERE PROC_DEF_KEY_ = ? "
				+ "AND EXECUTION_ID_ <> PROC_INST_ID_ AND TASK_ID_ IS NULL AND (NAME_ = ? OR NAME_ = ? AND NOT EXISTS "
				+ "(SELECT 1 FROM ACT_HI_ACTINST a WHERE a.EXECUTION_ID_ = ACT_HI_VARINST.EXECUTION_ID_ AND a.ACT_TYPE_ = ?))")) {
			delete.setString(1, DirectiveProcess.KEY);
			delete.setString(2, MultiInstanceActivityBehavior.LOOP_COUNTER);
			delete.setString(3, VAR_UNIT);
			delete.setString(4, ActivityTypes.SUB_PROCESS);
			history += delete.executeUpdate();
		}
		int steps;
		try (PreparedStatement delete = connection.prepareStatement(
				"DELETE FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? AND ACT_TYPE_ IN (?, ?)")) {
			delete.setString(1, DirectiveProcess.KEY);
			delete.setString(2, ActivityTypes.SUB_PROCESS);
			delete.setString(3, ActivityTypes.MULTI_INSTANCE_BODY);
			steps = delete.executeUpdate();
		}
		return new int[] { variables, history, steps };
	}

}
