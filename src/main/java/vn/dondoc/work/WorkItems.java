package vn.dondoc.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** dondoc's rows of modelled work (migration 30), one per user task. */
@Repository
class WorkItems {

	private final JdbcClient jdbc;

	WorkItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record WorkRow(String taskId, String processKey, String processName, String processInstanceId, String businessKey,
			String taskName, String unitCode, LocalDate dueDate, Instant createdAt, Instant completedAt) {
	}

	/** A task opened or changed: its row follows it (a task without a due date is no tracked work). */
	void opened(WorkRow row) {
		int updated = jdbc.sql("""
				UPDATE work_item SET process_name = ?, business_key = ?, task_name = ?, unit_code = ?, due_date = ?
				WHERE task_id = ?""")
			.params(row.processName(), row.businessKey(), row.taskName(), row.unitCode(), row.dueDate(), row.taskId())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO work_item (task_id, process_key, process_name, process_instance_id, business_key, task_name, unit_code,
					  due_date, created_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(row.taskId(), row.processKey(), row.processName(), row.processInstanceId(), row.businessKey(),
						row.taskName(), row.unitCode(), row.dueDate(), utc(row.createdAt()))
				.update();
		}
	}

	Optional<LocalDate> dueDate(String taskId) {
		return jdbc.sql("SELECT due_date FROM work_item WHERE task_id = ?")
			.param(taskId)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.optional();
	}

	/** Done at {@code at}, the day {@code on} in Vietnam. */
	boolean completed(String taskId, Instant at, LocalDate on) {
		return jdbc.sql("UPDATE work_item SET completed_at = ?, completed_on = ? WHERE task_id = ? AND completed_at IS NULL")
			.params(utc(at), on, taskId)
			.update() > 0;
	}

	/** A task deleted with its process (cancelled, not done): no longer work anyone has to do. */
	void removed(String taskId) {
		jdbc.sql("DELETE FROM work_item WHERE task_id = ? AND completed_at IS NULL").param(taskId).update();
	}

	void history(String taskId, Instant at, String kind, String actor, String detail) {
		jdbc.sql("INSERT INTO history_entry (occurred_at, subject, kind, actor, detail) VALUES (?, ?, ?, ?, ?)")
			.params(utc(at), WorkCatalog.historySubject(taskId), kind, actor, detail)
			.update();
	}

	/** An open task of the engine that has no row, with its due date as the engine keeps it. */
	record Untracked(String taskId, String processKey, String processName, String processInstanceId, String businessKey,
			String taskName, String candidateGroup, Instant dueAt, Instant createdAt) {
	}

	/**
	 * The engine's open tasks with a due date, outside the directive process, that have no row yet (work open
	 * before this feature existed): read in one statement from the engine's tables. The engine writes its times
	 * in the JVM's zone, which is how {@link Timestamp#toInstant()} reads them back.
	 */
	List<Untracked> untracked(String directiveProcessKey) {
		return jdbc.sql("""
				SELECT t.ID_, p.KEY_, p.NAME_, t.PROC_INST_ID_, e.BUSINESS_KEY_, t.NAME_,
				  (SELECT MIN(l.GROUP_ID_) FROM ACT_RU_IDENTITYLINK l WHERE l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate') AS grp,
				  t.DUE_DATE_, t.CREATE_TIME_
				FROM ACT_RU_TASK t
				JOIN ACT_RE_PROCDEF p ON p.ID_ = t.PROC_DEF_ID_
				LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
				WHERE t.DUE_DATE_ IS NOT NULL AND p.KEY_ <> :directive
				  AND NOT EXISTS (SELECT 1 FROM work_item w WHERE w.task_id = t.ID_)""")
			.param("directive", directiveProcessKey)
			.query((rs, n) -> new Untracked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9)))
			.list();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
