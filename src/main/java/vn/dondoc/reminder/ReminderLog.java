package vn.dondoc.reminder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reminder_log} table: which steps of a task were sent or skipped. */
@Repository
class ReminderLog {

	static final String SENT = "SENT";

	static final String SKIPPED = "SKIPPED";

	private final JdbcClient jdbc;

	ReminderLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Entry(String taskId, String step, int occurrence, String dueKey, String message, Instant plannedAt,
			Instant handledAt, String state, String recipients) {
	}

	/** The keys ({@code step#occurrence@dueKey}, as {@code Occurrence.key}) of the steps handled in this scope. */
	Set<String> handledKeys(String scope) {
		return handledKeys(List.of(scope)).getOrDefault(scope, new HashSet<>());
	}

	/** The handled steps of each of the scopes (as {@link #handledKeys(String)}), read at once; a scope with none is left out. */
	Map<String, Set<String>> handledKeys(Collection<String> scopes) {
		Map<String, Set<String>> handled = new HashMap<>();
		if (scopes.isEmpty()) {
			return handled;
		}
		jdbc.sql("SELECT scope, step, occurrence, due_key FROM reminder_log WHERE scope IN (:scopes)")
			.param("scopes", scopes)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2) + "#" + rs.getInt(3) + "@" + rs.getString(4)))
			.list()
			.forEach(key -> handled.computeIfAbsent(key.getKey(), scope -> new HashSet<>()).add(key.getValue()));
		return handled;
	}

	List<Entry> entries(String scope) {
		return jdbc.sql("SELECT * FROM reminder_log WHERE scope = ? ORDER BY planned_at, id")
			.param(scope)
			.query(ReminderLog::entry)
			.list();
	}

	/** The steps handled while this task (of a closed scope) was open. */
	List<Entry> entriesOfTask(String taskId) {
		return jdbc.sql("SELECT * FROM reminder_log WHERE task_id = ? ORDER BY planned_at, id")
			.param(taskId)
			.query(ReminderLog::entry)
			.list();
	}

	private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Entry(rs.getString("task_id"), rs.getString("step"), rs.getInt("occurrence"), rs.getString("due_key"),
				rs.getString("message"), rs.getTimestamp("planned_at").toInstant(), rs.getTimestamp("handled_at").toInstant(),
				rs.getString("state"), rs.getString("recipients"));
	}

	/** Records a handled step; false when it was handled already (by another node, or before a crash). */
	boolean record(String scope, String taskId, ReminderPlan.Occurrence occurrence, Instant handledAt, String state,
			String recipients) {
		int inserted = jdbc.sql("""
				INSERT INTO reminder_log (scope, task_id, step, occurrence, due_key, message, planned_at, handled_at, state, recipients)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM (VALUES (1)) AS one (x)
				WHERE NOT EXISTS (SELECT 1 FROM reminder_log WHERE scope = ? AND step = ? AND occurrence = ? AND due_key = ?)""")
			.params(scope, taskId, occurrence.step(), occurrence.occurrence(), occurrence.dueKey(), occurrence.message().name(),
					occurrence.plannedAt().atOffset(ZoneOffset.UTC), handledAt.atOffset(ZoneOffset.UTC), state,
					recipients == null ? null : (recipients.length() > 2000 ? recipients.substring(0, 1999) + "…" : recipients),
					scope, occurrence.step(), occurrence.occurrence(), occurrence.dueKey())
			.update();
		return inserted == 1;
	}

}
