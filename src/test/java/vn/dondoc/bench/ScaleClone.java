package vn.dondoc.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multiplies the imported sample ({@link ScaleSample}) with set-based SQL on PostgreSQL, so that every table a
 * directive touches grows as if each sample directive had been imported {@code copies} more times: dondoc's
 * rows (document, directive, directive_unit, history_entry, reminder_log, notification), Camunda's runtime and
 * history rows of each process instance (executions, tasks, variables and their byte arrays, jobs, event
 * subscriptions, identity links, task authorizations; process, activity, task and variable history,
 * comments) and Quartz's reminder jobs and triggers. Copy {@code c} of a row gets:
 * <ul>
 * <li>every Camunda id of the instance with its last twelve hex digits (the node part of the time-based
 * UUID, the same in every id of the sample: checked) replaced by {@code c} in hex, so references between the
 * copied rows stay consistent and never meet an id the engine generates;</li>
 * <li>directive ids shifted by {@code c × (largest sample id)}; document numbers shifted by
 * {@code c × (sample documents)}, and the business keys, titles and variables that carry them with them;</li>
 * <li>everything else (texts, units, due dates, states, serialized variables) as in the sample.</li>
 * </ul>
 * The node must be stopped while this runs. The keys, unique constraints, foreign keys and indexes of these
 * tables are dropped during the copy and built again after it, which checks every key and every copied
 * reference. Then {@code VACUUM ANALYZE}, as autovacuum would have left a database that grew over years.
 */
final class ScaleClone {

	/** A column holding Camunda ids of the instance (alone or inside a longer value): their node part replaced. */
	private static final String ID = "replace(s.%s, k.node, k.sfx)";

	/** A column left to its default (an identity). */
	private static final String GENERATED = "";

	private ScaleClone() {
	}

	/**
	 * What the copy made.
	 *
	 * @param sampleDirectives directives in the sample
	 * @param copies copies made of each sample row
	 * @param directives directives afterwards
	 * @param copySeconds inserting the copies
	 * @param rebuildSeconds building keys and indexes again, checking every foreign key
	 * @param vacuumSeconds {@code VACUUM ANALYZE} of the database afterwards
	 * @param databaseBytes the database's size afterwards
	 * @param rows rows of each copied table afterwards
	 */
	record Result(int sampleDirectives, int copies, long directives, double copySeconds, double rebuildSeconds,
			double vacuumSeconds, long databaseBytes, Map<String, Long> rows) {
	}

	static Result multiply(Connection db, int targetDirectives) throws SQLException {
		long start = System.nanoTime();
		boolean autoCommit = db.getAutoCommit();
		db.setAutoCommit(false);
		try (Statement sql = db.createStatement()) {
			int sample = (int) single(sql, "SELECT COUNT(*) FROM directive");
			long stride = single(sql, "SELECT MAX(id) FROM directive");
			long documents = single(sql, "SELECT COUNT(*) FROM document");
			long unnumbered = single(sql, "SELECT COUNT(*) FROM document WHERE code !~ '^[0-9]+-'");
			if (unnumbered > 0 || single(sql, "SELECT MAX(split_part(code, '-', 1)::int) - MIN(split_part(code, '-', 1)::int) + 1 FROM document") != documents) {
				throw new IllegalStateException("the sample's document codes must be consecutive numbers (<n>-…)");
			}
			int copies = (int) Math.ceil((double) targetDirectives / sample) - 1;
			String node = nodePart(sql);
			sql.execute("SET LOCAL maintenance_work_mem = '256MB'");
			sql.execute("CREATE FUNCTION pg_temp.code(v text, c int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT (split_part(v, '-', 1)::int + c * "
					+ documents + ")::text || substr(v, length(split_part(v, '-', 1)) + 1) $$");
			sql.execute("CREATE TEMP TABLE k ON COMMIT DROP AS SELECT g AS c, '" + node + "'::text AS node, '-' || lpad(to_hex(g), 12, '0') AS sfx"
					+ " FROM generate_series(1, " + copies + ") g");
			sql.execute("CREATE TEMP TABLE pi ON COMMIT DROP AS SELECT process_instance_id AS pid, id, document_code AS code FROM directive WHERE process_instance_id IS NOT NULL");
			sql.execute("ALTER TABLE pi ADD PRIMARY KEY (pid)");
			String shift = " + k.c * " + stride;
			String newCode = "pg_temp.code(%s, k.c)";
			List<Copy> tables = tables(shift, newCode);
			List<String> rebuild = dropKeysAndIndexes(sql, tables.stream().map(Copy::table).toList());
			for (Copy copy : tables) {
				copy(sql, copy);
			}
			long copied = System.nanoTime();
			for (String statement : rebuild) {
				long t = System.nanoTime();
				sql.execute(statement);
				if (System.nanoTime() - t > 1_000_000_000L) {
					System.out.printf("%.1f s: %s%n", (System.nanoTime() - t) / 1e9, statement);
				}
			}
			long rebuilt = System.nanoTime();
			Map<String, Long> rows = new LinkedHashMap<>();
			for (Copy copy : tables) {
				rows.put(copy.table, single(sql, "SELECT COUNT(*) FROM " + copy.table));
			}
			for (String table : List.of("directive", "history_entry", "reminder_log", "notification")) {
				sql.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT MAX(id) FROM " + table + "))");
			}
			db.commit();
			long total = single(sql, "SELECT COUNT(*) FROM directive");
			db.setAutoCommit(true);
			sql.execute("VACUUM ANALYZE");
			long vacuumed = System.nanoTime();
			return new Result(sample, copies, total, (copied - start) / 1e9, (rebuilt - copied) / 1e9, (vacuumed - rebuilt) / 1e9,
					single(sql, "SELECT pg_database_size(current_database())"), rows);
		}
		catch (SQLException | RuntimeException e) {
			db.rollback();
			throw e;
		}
		finally {
			db.setAutoCommit(autoCommit);
		}
	}

	/** One table: which rows belong to the sample's directives, and how a copy's columns are computed. */
	record Copy(String table, String join, String where, Map<String, String> columns) {
	}

	private static List<Copy> tables(String shift, String newCode) {
		List<Copy> copies = new ArrayList<>();
		// dondoc
		copies.add(new Copy("document", "", "", Map.of("code", newCode.formatted("s.code"),
				"title", "replace(s.title, s.code, " + newCode.formatted("s.code") + ")")));
		copies.add(new Copy("directive", "", "", Map.of("id", "s.id" + shift,
				"business_key", newCode.formatted("s.document_code") + " || substr(s.business_key, length(s.document_code) + 1)",
				"document_code", newCode.formatted("s.document_code"), "process_instance_id", ID.formatted("process_instance_id"))));
		copies.add(new Copy("directive_unit", "", "", Map.of("directive_id", "s.directive_id" + shift, "task_id", ID.formatted("task_id"))));
		copies.add(new Copy("history_entry", "", "", Map.of("id", GENERATED,
				"subject", "'directive:' || (split_part(s.subject, ':', 2)::bigint" + shift + ")")));
		copies.add(new Copy("reminder_log", "", "", Map.of("id", GENERATED, "scope", ID.formatted("scope"), "task_id", ID.formatted("task_id"))));
		copies.add(new Copy("notification", "LEFT JOIN directive d ON d.id::text = s.directive_id", "", Map.of("id", GENERATED,
				"idempotency_key", ID.formatted("idempotency_key"),
				"directive_id", "(s.directive_id::bigint" + shift + ")::text",
				"task_id", ID.formatted("task_id"),
				"subject", "replace(s.subject, d.document_code, " + newCode.formatted("d.document_code") + ")",
				"payload", "replace(replace(replace(s.payload, k.node, k.sfx), d.document_code, " + newCode.formatted("d.document_code")
						+ "), '\"directiveId\":\"' || s.directive_id || '\"', '\"directiveId\":\"' || (s.directive_id::bigint" + shift + ") || '\"')",
				"message_id", "'<' || md5(replace(s.idempotency_key, k.node, k.sfx)) || substr(s.message_id, position('.' in s.message_id))")));
		// the reminder wake-up of each open task
		copies.add(new Copy("reminder_wake", "", "", Map.of("task_id", ID.formatted("task_id"))));
		// Camunda runtime
		copies.add(new Copy("act_ru_execution", "LEFT JOIN pi ON pi.pid = s.proc_inst_id_", "", ids(Map.of("business_key_",
				"CASE WHEN s.business_key_ IS NULL OR pi.code IS NULL THEN s.business_key_ ELSE " + newCode.formatted("pi.code")
						+ " || substr(s.business_key_, length(pi.code) + 1) END"),
				"id_", "root_proc_inst_id_", "proc_inst_id_", "parent_id_", "super_exec_", "act_inst_id_")));
		copies.add(new Copy("act_ru_task", "", "", ids(Map.of(), "id_", "execution_id_", "proc_inst_id_", "parent_task_id_")));
		copies.add(new Copy("act_ru_variable", "LEFT JOIN pi ON pi.pid = s.proc_inst_id_", "", ids(variableValues(shift, newCode),
				"id_", "execution_id_", "proc_inst_id_", "task_id_", "bytearray_id_", "var_scope_")));
		copies.add(new Copy("act_ge_bytearray", "", "s.deployment_id_ IS NULL", ids(Map.of(), "id_", "root_proc_inst_id_")));
		copies.add(new Copy("act_ru_job", "", "s.process_instance_id_ IS NOT NULL", ids(Map.of("lock_owner_", "NULL", "lock_exp_time_", "NULL"),
				"id_", "execution_id_", "root_proc_inst_id_", "process_instance_id_", "exception_stack_id_", "last_failure_log_id_")));
		copies.add(new Copy("act_ru_event_subscr", "", "s.proc_inst_id_ IS NOT NULL", ids(Map.of(), "id_", "execution_id_", "proc_inst_id_")));
		copies.add(new Copy("act_ru_identitylink", "", "s.task_id_ IS NOT NULL", ids(Map.of(), "id_", "task_id_")));
		copies.add(new Copy("act_ru_authorization", "", "s.resource_type_ = 7 AND s.resource_id_ <> '*'",
				ids(Map.of(), "id_", "resource_id_", "root_proc_inst_id_")));
		// Camunda history
		copies.add(new Copy("act_hi_procinst", "LEFT JOIN pi ON pi.pid = s.proc_inst_id_", "", ids(Map.of("business_key_",
				"CASE WHEN s.business_key_ IS NULL OR pi.code IS NULL THEN s.business_key_ ELSE " + newCode.formatted("pi.code")
						+ " || substr(s.business_key_, length(pi.code) + 1) END"),
				"id_", "proc_inst_id_", "root_proc_inst_id_", "super_process_instance_id_")));
		copies.add(new Copy("act_hi_actinst", "", "s.proc_inst_id_ IS NOT NULL", ids(Map.of(),
				"id_", "parent_act_inst_id_", "root_proc_inst_id_", "proc_inst_id_", "execution_id_", "task_id_", "call_proc_inst_id_")));
		copies.add(new Copy("act_hi_taskinst", "", "s.proc_inst_id_ IS NOT NULL", ids(Map.of(),
				"id_", "root_proc_inst_id_", "proc_inst_id_", "execution_id_", "act_inst_id_", "parent_task_id_")));
		copies.add(new Copy("act_hi_varinst", "LEFT JOIN pi ON pi.pid = s.proc_inst_id_", "s.proc_inst_id_ IS NOT NULL",
				ids(variableValues(shift, newCode), "id_", "root_proc_inst_id_", "proc_inst_id_", "execution_id_", "act_inst_id_",
						"task_id_", "bytearray_id_")));
		copies.add(new Copy("act_hi_comment", "", "s.proc_inst_id_ IS NOT NULL OR s.task_id_ IS NOT NULL",
				ids(Map.of(), "id_", "task_id_", "root_proc_inst_id_", "proc_inst_id_")));
		return copies;
	}

	/** The process variables that carry the directive's id and its document's number. */
	private static Map<String, String> variableValues(String shift, String newCode) {
		return Map.of("long_", "CASE WHEN s.name_ = 'directiveId' THEN s.long_" + shift + " ELSE s.long_ END",
				"text_", "CASE s.name_ WHEN 'directiveId' THEN (s.long_" + shift + ")::text WHEN 'documentCode' THEN "
						+ newCode.formatted("s.text_") + " WHEN 'documentTitle' THEN replace(s.text_, pi.code, " + newCode.formatted("pi.code")
						+ ") ELSE s.text_ END");
	}

	private static Map<String, String> ids(Map<String, String> others, String... idColumns) {
		Map<String, String> columns = new LinkedHashMap<>(others);
		for (String column : idColumns) {
			columns.put(column, ID.formatted(column));
		}
		return columns;
	}

	/** Inserts the copies of one table's sample rows. */
	private static void copy(Statement sql, Copy copy) throws SQLException {
		List<String> columns = new ArrayList<>();
		List<String> values = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '"
				+ copy.table + "' ORDER BY ordinal_position")) {
			while (rs.next()) {
				String column = rs.getString(1);
				if (GENERATED.equals(copy.columns.get(column))) {
					continue;
				}
				columns.add(column);
				values.add(copy.columns.getOrDefault(column, "s." + column));
			}
		}
		sql.execute("INSERT INTO " + copy.table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values) + " FROM "
				+ copy.table + " s " + copy.join + " CROSS JOIN k" + (copy.where.isEmpty() ? "" : " WHERE " + copy.where));
	}

	/**
	 * Drops the keys, unique constraints, foreign keys (also those of other tables pointing at these) and
	 * indexes of the tables, and returns the statements that build them again: a bulk build after the copy
	 * is several times faster than keeping millions of random UUID keys in order row by row. Adding the
	 * foreign keys back checks every copied reference.
	 */
	private static List<String> dropKeysAndIndexes(Statement sql, List<String> tables) throws SQLException {
		String in = tables.stream().map(table -> "'" + table + "'").collect(java.util.stream.Collectors.joining(", "));
		List<String> drop = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<String> indexes = new ArrayList<>();
		List<String> foreignKeys = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery("SELECT contype, conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
				+ " WHERE (contype = 'f' AND (conrelid::regclass::text IN (" + in + ") OR confrelid::regclass::text IN (" + in + ")))"
				+ " OR (contype IN ('p', 'u') AND conrelid::regclass::text IN (" + in + ")) ORDER BY contype = 'f' DESC")) {
			while (rs.next()) {
				String table = rs.getString(2);
				String name = rs.getString(3);
				drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
				("f".equals(rs.getString(1)) ? foreignKeys : keys).add("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rs.getString(4));
			}
		}
		try (ResultSet rs = sql.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
				+ " WHERE i.indrelid::regclass::text IN (" + in + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)")) {
			while (rs.next()) {
				drop.add("DROP INDEX " + rs.getString(1));
				indexes.add(rs.getString(2));
			}
		}
		for (String statement : drop) {
			sql.execute(statement);
		}
		List<String> rebuild = new ArrayList<>(keys);
		rebuild.addAll(indexes);
		rebuild.addAll(foreignKeys);
		return rebuild;
	}

	/** The node part of the sample's Camunda ids: one node made them all. */
	private static String nodePart(Statement sql) throws SQLException {
		List<String> nodes = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery("SELECT DISTINCT right(id_, 13) FROM act_ru_execution UNION SELECT DISTINCT right(id_, 13) FROM act_hi_varinst")) {
			while (rs.next()) {
				nodes.add(rs.getString(1));
			}
		}
		if (nodes.size() != 1 || !nodes.get(0).matches("-[0-9a-f]{12}")) {
			throw new IllegalStateException("expected the sample's Camunda ids to come from one node (time-based UUIDs), found " + nodes);
		}
		return nodes.get(0);
	}

	private static long single(Statement sql, String query) throws SQLException {
		try (ResultSet rs = sql.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
