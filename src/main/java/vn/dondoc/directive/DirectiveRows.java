package vn.dondoc.directive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.dondoc.platform.StartBatch;

/** dondoc's own rows for documents, directives and the units of each directive. */
@Repository
class DirectiveRows {

	static final String LEAD = "LEAD";

	static final String COORDINATING = "COORDINATING";

	/** Ids per statement when rows are read for a list of ids. */
	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final JdbcOperations batchJdbc;

	DirectiveRows(JdbcClient jdbc, JdbcOperations batchJdbc) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
	}

	/** A document; {@code rebaseDays} is how far the demo shifted its dates, {@code null} when taken as written. */
	record DocumentRow(String code, String title, String issuedBy, LocalDate issuedOn, String signer, String source,
			String contentHash, Instant importedAt, Instant updatedAt, Integer rebaseDays) {
	}

	record DirectiveRow(long id, String businessKey, String documentCode, String section, int position, String text,
			String deadlineText, String deadlineKind, LocalDate dueDate, LocalDate statedDueDate, boolean movedToWorkingDay,
			String deadlineExplanation, String awaitingEvent, String processInstanceId) {
	}

	record UnitRow(long directiveId, String unitCode, String role, LocalDate dueDate, LocalDate originalDueDate,
			String taskId, Instant completedAt) {
	}

	Optional<DocumentRow> document(String code) {
		return jdbc.sql("SELECT * FROM document WHERE code = ?").param(code).query(DirectiveRows::documentRow).optional();
	}

	List<DocumentRow> documents() {
		return jdbc.sql("SELECT * FROM document ORDER BY issued_on DESC, code").query(DirectiveRows::documentRow).list();
	}

	/** The {@code limit} documents issued last. */
	List<DocumentRow> latestDocuments(int limit) {
		return jdbc.sql("SELECT * FROM document ORDER BY issued_on DESC, code LIMIT ?").param(limit).query(DirectiveRows::documentRow).list();
	}

	void insertDocument(DocumentRow row) {
		jdbc.sql("""
				INSERT INTO document (code, title, issued_by, issued_on, signer, source, content_hash, imported_at, updated_at,
				  rebase_days)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(row.code(), row.title(), row.issuedBy(), row.issuedOn(), row.signer(), row.source(), row.contentHash(),
					utc(row.importedAt()), utc(row.updatedAt()), row.rebaseDays())
			.update();
	}

	void updateDocument(DocumentRow row) {
		jdbc.sql("""
				UPDATE document SET title = ?, issued_by = ?, issued_on = ?, signer = ?, source = ?, content_hash = ?, updated_at = ?,
				  rebase_days = ?
				WHERE code = ?""")
			.params(row.title(), row.issuedBy(), row.issuedOn(), row.signer(), row.source(), row.contentHash(),
					utc(row.updatedAt()), row.rebaseDays(), row.code())
			.update();
	}

	/** A demo document imported before its shift was recorded: the shift its import used. */
	void recordRebase(String code, int days) {
		jdbc.sql("UPDATE document SET rebase_days = ? WHERE code = ? AND rebase_days IS NULL").params(days, code).update();
	}

	Optional<DirectiveRow> directive(long id) {
		return jdbc.sql("SELECT * FROM directive WHERE id = ?").param(id).query(DirectiveRows::directiveRow).optional();
	}

	Optional<DirectiveRow> directive(String documentCode, String section) {
		return jdbc.sql("SELECT * FROM directive WHERE document_code = ? AND section = ?")
			.params(documentCode, section)
			.query(DirectiveRows::directiveRow)
			.optional();
	}

	List<DirectiveRow> directivesOf(String documentCode) {
		return jdbc.sql("SELECT * FROM directive WHERE document_code = ? ORDER BY position")
			.param(documentCode)
			.query(DirectiveRows::directiveRow)
			.list();
	}

	/** These directives, in no particular order. */
	List<DirectiveRow> directives(Collection<Long> ids) {
		List<DirectiveRow> found = new ArrayList<>();
		for (List<Long> chunk : chunks(List.copyOf(ids))) {
			found.addAll(jdbc.sql("SELECT * FROM directive WHERE id IN (:ids)").param("ids", chunk).query(DirectiveRows::directiveRow).list());
		}
		return found;
	}

	Optional<Long> directiveId(String businessKey) {
		return jdbc.sql("SELECT id FROM directive WHERE business_key = ?").param(businessKey).query(Long.class).optional();
	}

	/**
	 * A page of the directives that meet a condition on {@code d} (the directive), in document order.
	 *
	 * @param where {@code ""} or {@code " WHERE …"} with named parameters
	 */
	List<DirectiveRow> directives(String where, Map<String, Object> params, long offset, int limit) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("offset", offset);
		all.put("limit", limit);
		return jdbc.sql("SELECT d.* FROM directive d" + where + " ORDER BY d.document_code, d.position, d.id LIMIT :limit OFFSET :offset")
			.params(all)
			.query(DirectiveRows::directiveRow)
			.list();
	}

	long countDirectives(String where, Map<String, Object> params) {
		return jdbc.sql("SELECT COUNT(*) FROM directive d" + where).params(params).query(Long.class).single();
	}

	/** Per document code: how many directives, and how many lead unit parts they have. */
	Map<String, long[]> documentCounts() {
		Map<String, long[]> counts = new HashMap<>();
		jdbc.sql("""
				SELECT d.document_code, COUNT(DISTINCT d.id), COUNT(u.directive_id) FROM directive d
				LEFT JOIN directive_unit u ON u.directive_id = d.id AND u.role = 'LEAD' GROUP BY d.document_code""")
			.query((rs, n) -> counts.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();
		return counts;
	}

	/** The titles of these documents, by code. */
	Map<String, String> titles(Collection<String> codes) {
		Map<String, String> titles = new HashMap<>();
		for (List<String> chunk : chunks(List.copyOf(codes))) {
			jdbc.sql("SELECT code, title FROM document WHERE code IN (:codes)")
				.param("codes", chunk)
				.query((rs, n) -> titles.put(rs.getString(1), rs.getString(2)))
				.list();
		}
		return titles;
	}

	long insertDirective(DirectiveRow row, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO directive (business_key, document_code, section, position, text, deadline_text, deadline_kind,
				  due_date, stated_due_date, moved_to_working_day, deadline_explanation, awaiting_event, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(row.businessKey(), row.documentCode(), row.section(), row.position(), row.text(), row.deadlineText(),
					row.deadlineKind(), row.dueDate(), row.statedDueDate(), row.movedToWorkingDay(), row.deadlineExplanation(),
					row.awaitingEvent(), utc(now), utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class) != null ? keys.getKeyAs(Number.class).longValue()
				: ((Number) keys.getKeys().get("id")).longValue();
	}

	void updateDirective(DirectiveRow row, Instant now) {
		jdbc.sql("""
				UPDATE directive SET position = ?, text = ?, deadline_text = ?, deadline_kind = ?, due_date = ?, stated_due_date = ?,
				  moved_to_working_day = ?, deadline_explanation = ?, awaiting_event = ?, updated_at = ?
				WHERE id = ?""")
			.params(row.position(), row.text(), row.deadlineText(), row.deadlineKind(), row.dueDate(), row.statedDueDate(),
					row.movedToWorkingDay(), row.deadlineExplanation(), row.awaitingEvent(), utc(now), row.id())
			.update();
	}

	void attachProcess(long directiveId, String processInstanceId) {
		jdbc.sql("UPDATE directive SET process_instance_id = ? WHERE id = ?").params(processInstanceId, directiveId).update();
	}

	/** The unit rows of a new directive: its lead units, due on {@code dueDate}, and its coordinating units. */
	void insertUnits(long directiveId, List<String> leads, List<String> coordinating, LocalDate dueDate) {
		// one statement for all of them: a directive of the seed has up to 40 units (issue 18)
		StringJoiner rows = new StringJoiner(", ");
		List<Object> params = new ArrayList<>();
		for (String unit : leads) {
			rows.add("(?, ?, ?, ?, ?)");
			params.addAll(Arrays.asList(directiveId, unit, LEAD, dueDate, dueDate));
		}
		for (String unit : coordinating) {
			rows.add("(?, ?, ?, ?, ?)");
			params.addAll(Arrays.asList(directiveId, unit, COORDINATING, null, null));
		}
		if (!params.isEmpty()) {
			jdbc.sql("INSERT INTO directive_unit (directive_id, unit_code, role, due_date, original_due_date) VALUES " + rows)
				.params(params)
				.update();
		}
		summarize(directiveId);
	}

	List<UnitRow> unitsOf(long directiveId) {
		return jdbc.sql("SELECT * FROM directive_unit WHERE directive_id = ? ORDER BY role DESC, unit_code")
			.param(directiveId)
			.query(DirectiveRows::unitRow)
			.list();
	}

	/** The unit rows of these directives, grouped by directive, each group in the order of {@link #unitsOf(long)}. */
	Map<Long, List<UnitRow>> unitsOf(Collection<Long> directiveIds) {
		Map<Long, List<UnitRow>> units = new LinkedHashMap<>();
		for (List<Long> chunk : chunks(List.copyOf(directiveIds))) {
			jdbc.sql("SELECT * FROM directive_unit WHERE directive_id IN (:ids) ORDER BY directive_id, role DESC, unit_code")
				.param("ids", chunk)
				.query(DirectiveRows::unitRow)
				.list()
				.forEach(unit -> units.computeIfAbsent(unit.directiveId(), id -> new ArrayList<>()).add(unit));
		}
		return units;
	}

	/** Open parts of a directive move to new due dates (a re-import), by lead unit code. */
	void moveOpenDueDates(long directiveId, Map<String, LocalDate> dueDates) {
		dueDates.forEach((unit, dueDate) -> jdbc.sql("""
				UPDATE directive_unit SET due_date = ?
				WHERE directive_id = ? AND unit_code = ? AND role = 'LEAD' AND completed_at IS NULL""")
			.params(dueDate, directiveId, unit)
			.update());
		summarize(directiveId);
	}

	/**
	 * The date of the event a directive waits on is known: it becomes the directive's due date, and the first due
	 * date of its open lead parts that had none ({@link #moveOpenDueDates} moves their due dates).
	 */
	void enterEventDate(long directiveId, LocalDate day, Instant now) {
		jdbc.sql("UPDATE directive SET due_date = ?, updated_at = ? WHERE id = ?").params(day, utc(now), directiveId).update();
		jdbc.sql("""
				UPDATE directive_unit SET original_due_date = ?
				WHERE directive_id = ? AND role = 'LEAD' AND completed_at IS NULL AND original_due_date IS NULL""")
			.params(day, directiveId)
			.update();
	}

	/** A part's task as it changes the part: its date, and the part open again. */
	private static final String PART_REOPENED = """
			UPDATE directive_unit SET task_id = ?, due_date = ?, completed_at = NULL, completed_on = NULL
			WHERE directive_id = ? AND unit_code = ? AND role = 'LEAD'
			  AND (due_date IS DISTINCT FROM ? OR completed_at IS NOT NULL OR completed_on IS NOT NULL)""";

	/** A part's task that changes nothing else of the part. */
	private static final String PART_TASK = "UPDATE directive_unit SET task_id = ? WHERE directive_id = ? AND unit_code = ? AND role = 'LEAD'";

	/**
	 * A part's new task. The directive is summed up again only if the part's date or state changed: not for the
	 * task of a part just imported with the date its row has (each of a directive's parts summed up all of them;
	 * issue 18). While an import starts the directive's process, the parts' statements go as one batch after it,
	 * and the directive is summed up once ({@link StartBatch}).
	 */
	void taskOpened(long directiveId, String unitCode, String taskId, LocalDate dueDate) {
		IntConsumer then = changed -> {
			if (changed != 0) {
				StartBatch.once("summarize " + directiveId, () -> summarize(directiveId));
			}
			else if (!StartBatch.defer(PART_TASK, null, taskId, directiveId, unitCode)) {
				jdbc.sql(PART_TASK).params(taskId, directiveId, unitCode).update();
			}
		};
		if (!StartBatch.defer(PART_REOPENED, then, taskId, dueDate, directiveId, unitCode, dueDate)) {
			then.accept(jdbc.sql(PART_REOPENED).params(taskId, dueDate, directiveId, unitCode, dueDate).update());
		}
	}

	/**
	 * Runs the start of a directive's process, writing its parts' task rows (and the other rows its tasks' listeners
	 * defer) in batches once it has returned.
	 */
	<T> T batched(Supplier<T> start) {
		return StartBatch.run(batchJdbc, start);
	}

	void dueDateMoved(long directiveId, String unitCode, LocalDate dueDate) {
		StartBatch.flush();
		// every task update lands here (a reminder's comment too): only a due date that changed changes the directive
		int moved = jdbc.sql("""
				UPDATE directive_unit SET due_date = ?
				WHERE directive_id = ? AND unit_code = ? AND role = 'LEAD' AND due_date IS DISTINCT FROM ?""")
			.params(dueDate, directiveId, unitCode, dueDate)
			.update();
		if (moved > 0) {
			summarize(directiveId);
		}
	}

	/** A lead unit's part is done at {@code at}, which is the day {@code on} in Vietnam. */
	void partDone(long directiveId, String unitCode, Instant at, LocalDate on) {
		StartBatch.flush();
		jdbc.sql("UPDATE directive_unit SET completed_at = ?, completed_on = ? WHERE directive_id = ? AND unit_code = ? AND role = 'LEAD'")
			.params(utc(at), on, directiveId, unitCode)
			.update();
		summarize(directiveId);
	}

	/**
	 * Keeps what a directive's status depends on (migration 27) in step with its parts, in the transaction that
	 * changed them. The directive's row is locked first, so that two parts changing at once are summed up one
	 * after the other, each seeing the other's change.
	 */
	private void summarize(long directiveId) {
		jdbc.sql("SELECT id FROM directive WHERE id = ? FOR UPDATE").param(directiveId).query(Long.class).optional();
		jdbc.sql("""
				UPDATE directive SET
				  lead_parts = (SELECT COUNT(*) FROM directive_unit u WHERE u.directive_id = :id AND u.role = 'LEAD'),
				  next_due_date = (SELECT MIN(u.due_date) FROM directive_unit u
				                   WHERE u.directive_id = :id AND u.role = 'LEAD' AND u.completed_at IS NULL),
				  undated_open_parts = (SELECT COUNT(*) FROM directive_unit u
				                        WHERE u.directive_id = :id AND u.role = 'LEAD' AND u.completed_at IS NULL AND u.due_date IS NULL),
				  late_done_parts = (SELECT COUNT(*) FROM directive_unit u
				                     WHERE u.directive_id = :id AND u.role = 'LEAD' AND u.completed_at IS NOT NULL
				                       AND u.due_date IS NOT NULL AND u.completed_on > u.due_date)
				WHERE id = :id""")
			.param("id", directiveId)
			.update();
	}

	private static <T> List<List<T>> chunks(List<T> values) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < values.size(); from += CHUNK) {
			chunks.add(values.subList(from, Math.min(from + CHUNK, values.size())));
		}
		return chunks;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

	private static DocumentRow documentRow(ResultSet rs, int n) throws SQLException {
		return new DocumentRow(rs.getString("code"), rs.getString("title"), rs.getString("issued_by"), date(rs, "issued_on"),
				rs.getString("signer"), rs.getString("source"), rs.getString("content_hash"), instant(rs, "imported_at"),
				instant(rs, "updated_at"), (Integer) rs.getObject("rebase_days"));
	}

	private static DirectiveRow directiveRow(ResultSet rs, int n) throws SQLException {
		return new DirectiveRow(rs.getLong("id"), rs.getString("business_key"), rs.getString("document_code"),
				rs.getString("section"), rs.getInt("position"), rs.getString("text"), rs.getString("deadline_text"),
				rs.getString("deadline_kind"), date(rs, "due_date"), date(rs, "stated_due_date"),
				rs.getBoolean("moved_to_working_day"), rs.getString("deadline_explanation"), rs.getString("awaiting_event"),
				rs.getString("process_instance_id"));
	}

	private static UnitRow unitRow(ResultSet rs, int n) throws SQLException {
		return new UnitRow(rs.getLong("directive_id"), rs.getString("unit_code"), rs.getString("role"), date(rs, "due_date"),
				date(rs, "original_due_date"), rs.getString("task_id"), instant(rs, "completed_at"));
	}

}
