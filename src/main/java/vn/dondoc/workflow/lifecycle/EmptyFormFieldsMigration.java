package vn.dondoc.workflow.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.platform.JavaMigrationStep;

import static vn.dondoc.directive.DirectiveProcess.VAR_FOLLOW_UP_NOTE;
import static vn.dondoc.directive.DirectiveProcess.VAR_UNIT;

/**
 * Flyway migration 33 (issue 18): the empty form fields that unit parts started before it created as locals
 * of their scope ({@link UnitPart#SUBMITTED}), twelve or thirteen rows a part that hold nothing. A part
 * takes what is submitted from the process instance now ({@link UnitPart#takeSubmitted}), so only the empty
 * ones go: a field with a value (a report, the office's comment shown on the next form) stays where it is.
 * The follow-up note stays too: the follow-up task of a model deployed before this version has no listener
 * that takes it. On a new database Flyway runs before Camunda has created its tables: nothing to do.
 */
@Component
public class EmptyFormFieldsMigration extends JavaMigrationStep {

	private static final Logger log = LoggerFactory.getLogger(EmptyFormFieldsMigration.class);

	public EmptyFormFieldsMigration() {
		super("33", "empty form fields of unit parts");
	}

	@Override
	public void migrate(Context context) throws Exception {
		int removed = removeEmptyFormFields(context.getConnection());
		log.info("Migration 33: {} empty form field(s) of running unit parts removed", removed);
	}

	/**
	 * Deletes the empty submitted fields held as locals of a unit's scope (an execution of the directive process,
	 * not its process instance, holding the unit as a local); returns how many.
	 */
	public static int removeEmptyFormFields(Connection connection) throws Exception {
		if (!hasCamundaTables(connection)) {
			return 0;
		}
		List<String> names = UnitPart.SUBMITTED.stream().filter(name -> !VAR_FOLLOW_UP_NOTE.equals(name)).toList();
		String marks = String.join(", ", names.stream().map(name -> "?").toList());
		String sql = "DELETE FROM ACT_RU_VARIABLE v WHERE v.TYPE_ = 'null' AND v.TASK_ID_ IS NULL AND v.NAME_ IN (" + marks + ") "
				+ "AND v.EXECUTION_ID_ <> v.PROC_INST_ID_ "
				+ "AND EXISTS (SELECT 1 FROM ACT_RU_VARIABLE u WHERE u.EXECUTION_ID_ = v.EXECUTION_ID_ AND u.NAME_ = ? AND u.TASK_ID_ IS NULL) "
				+ "AND v.PROC_DEF_ID_ IN (SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = ?)";
		try (PreparedStatement delete = connection.prepareStatement(sql)) {
			int i = 1;
			for (String name : names) {
				delete.setString(i++, name);
			}
			delete.setString(i++, VAR_UNIT);
			delete.setString(i, DirectiveProcess.KEY);
			return delete.executeUpdate();
		}
	}

}
