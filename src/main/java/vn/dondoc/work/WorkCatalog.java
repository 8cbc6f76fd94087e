package vn.dondoc.work;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.directive.DirectiveStatus;
import vn.dondoc.directive.TaskReminders;
import vn.dondoc.unit.UnitDirectory;

/**
 * Reads modelled work back with its status, for the dashboard and the API: counted, filtered and paged by the
 * database (no engine query per row); statuses by the rules of directives.
 */
@Service
public class WorkCatalog {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final JdbcClient jdbc;

	private final DirectiveCatalog directives;

	private final UnitDirectory units;

	private final ObjectProvider<TaskReminders> reminders;

	WorkCatalog(JdbcClient jdbc, DirectiveCatalog directives, UnitDirectory units, ObjectProvider<TaskReminders> reminders) {
		this.jdbc = jdbc;
		this.directives = directives;
		this.units = units;
		this.reminders = reminders;
	}

	/**
	 * Which work; {@code null} means any.
	 *
	 * @param process the process definition key
	 * @param unit the unit in charge
	 * @param status the status
	 * @param within only work of one of these units (a unit member's view); {@code null}: of every unit
	 * @param dueFrom with {@code dueTo}: due within these days
	 * @param dueTo the last day of that range
	 */
	public record Filter(String process, String unit, DirectiveStatus status, Set<String> within, LocalDate dueFrom, LocalDate dueTo) {
	}

	/** One task of a modelled process, where it stands. */
	public record WorkView(String taskId, String processKey, String processName, String processInstanceId, String businessKey,
			String taskName, String unit, String unitName, LocalDate dueDate, String dueDateDisplay, Instant createdAt,
			Instant completedAt, String status, String statusLabel) {
	}

	/** A history line of a task. */
	public record HistoryLine(Instant at, String what, String actor, String detail) {
	}

	/** A task's page: where it stands, its reminders (sent, then planned), what happened. */
	public record WorkDetail(WorkView work, List<TaskReminders.Step> reminders, List<HistoryLine> history) {
	}

	/** A deployed process (its latest version), by key and name. */
	public record ProcessName(String key, String name) {
	}

	/** A page of results. */
	public record Page(List<WorkView> items, int page, int size, long total) {
	}

	/** The {@code history_entry.subject} of a task's history (the reminder engine writes there too). */
	public static String historySubject(String taskId) {
		return "task:" + taskId;
	}

	/** Work counted by unit and status. */
	public Map<String, Map<DirectiveStatus, Long>> counts(Filter filter) {
		Query query = query(filter);
		Map<String, Map<DirectiveStatus, Long>> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT unit_code, status, COUNT(*) FROM (SELECT w.unit_code, " + query.status() + " AS status FROM work_item w"
				+ query.where() + ") work GROUP BY unit_code, status")
			.params(query.params())
			.query((rs, n) -> counts.computeIfAbsent(rs.getString(1), code -> new LinkedHashMap<>())
				.put(DirectiveStatus.values()[rs.getInt(2)], rs.getLong(3)))
			.list();
		return counts;
	}

	/** A page of the work that passes the filter, most urgent first (open by due date, then done), with how many pass. */
	public Page page(Filter filter, int page, int size) {
		Query query = query(filter);
		long total = jdbc.sql("SELECT COUNT(*) FROM work_item w" + query.where()).params(query.params()).query(Long.class).single();
		long offset = (long) page * size;
		if (offset >= total) {
			return new Page(List.of(), page, size, total);
		}
		Map<String, Object> params = new HashMap<>(query.params());
		params.put("offset", offset);
		params.put("limit", size);
		List<WorkView> items = jdbc.sql("SELECT w.*, " + query.status() + " AS status FROM work_item w" + query.where()
				+ " ORDER BY CASE WHEN w.completed_at IS NULL THEN 0 ELSE 1 END, w.due_date, w.process_name, w.task_id"
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(this::view)
			.list();
		return new Page(items, page, size, total);
	}

	/** Every piece of work that passes the filter, most urgent first. */
	public List<WorkView> all(Filter filter) {
		return page(filter, 0, Integer.MAX_VALUE).items();
	}

	/** One task's work with its reminders and history; empty when the task is no tracked work. */
	public Optional<WorkDetail> work(String taskId) {
		Query query = query(new Filter(null, null, null, null, null, null));
		Map<String, Object> params = new HashMap<>(query.params());
		params.put("taskId", taskId);
		return jdbc.sql("SELECT w.*, " + query.status() + " AS status FROM work_item w WHERE w.task_id = :taskId")
			.params(params)
			.query(this::view)
			.optional()
			.map(view -> {
				TaskReminders steps = reminders.getIfAvailable();
				List<HistoryLine> history = jdbc.sql("""
						SELECT occurred_at, kind, actor, detail FROM history_entry WHERE subject = ? ORDER BY occurred_at, id""")
					.param(historySubject(taskId))
					.query((rs, n) -> new HistoryLine(rs.getTimestamp(1).toInstant(), what(rs.getString(2)), rs.getString(3), rs.getString(4)))
					.list();
				return new WorkDetail(view, steps == null ? List.of() : steps.stepsOf(taskId), history);
			});
	}

	/** The unit of a task's work, when it is tracked work: what decides who may see it. */
	public Optional<String> unitOf(String taskId) {
		return jdbc.sql("SELECT unit_code FROM work_item WHERE task_id = ?").param(taskId).query(String.class).optional();
	}

	/** The deployed processes other than the directive process, by name: what a filter offers. */
	public List<ProcessName> processes() {
		Map<String, String> names = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT p.KEY_, p.NAME_ FROM ACT_RE_PROCDEF p
				WHERE p.KEY_ <> ? AND p.VERSION_ = (SELECT MAX(q.VERSION_) FROM ACT_RE_PROCDEF q WHERE q.KEY_ = p.KEY_)
				ORDER BY p.NAME_, p.KEY_""")
			.param(DirectiveProcess.KEY)
			.query((rs, n) -> names.putIfAbsent(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2)))
			.list();
		List<ProcessName> processes = new ArrayList<>();
		names.forEach((key, name) -> processes.add(new ProcessName(key, name)));
		return processes;
	}

	/** Days on which some work is due, the first on or after {@code from} (any when {@code null}). */
	public Optional<LocalDate> firstDueDay(Filter filter, LocalDate from) {
		Query query = query(filter);
		List<LocalDate> first = jdbc.sql("SELECT MIN(w.due_date) FROM work_item w" + query.where()
				+ (from == null ? " AND w.due_date IS NOT NULL" : " AND w.due_date >= :from"))
			.params(query.params())
			.param("from", from)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list();
		return first.isEmpty() ? Optional.empty() : Optional.ofNullable(first.get(0));
	}

	/** Open work due on each day from {@code from} to {@code to}, and that due before {@code from} (late) under {@code null}. */
	public Map<LocalDate, Long> openDue(Filter filter, LocalDate from, LocalDate to) {
		Query query = query(filter);
		Map<LocalDate, Long> days = new HashMap<>();
		long late = jdbc.sql("SELECT COUNT(*) FROM work_item w" + query.where() + " AND w.completed_at IS NULL AND w.due_date < :from")
			.params(query.params())
			.param("from", from)
			.query(Long.class)
			.single();
		if (late > 0) {
			days.put(null, late);
		}
		jdbc.sql("SELECT w.due_date, COUNT(*) FROM work_item w" + query.where()
				+ " AND w.completed_at IS NULL AND w.due_date BETWEEN :from AND :to GROUP BY w.due_date")
			.params(query.params())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
		return days;
	}

	/** Open work with a due date: the late ones (before {@code today}) latest first, or those due from today before {@code before}, soonest first. */
	public List<WorkView> open(Filter filter, LocalDate today, boolean late, LocalDate before, int limit) {
		Query query = query(filter);
		Map<String, Object> params = new HashMap<>(query.params());
		params.put("day", today);
		params.put("before", before);
		params.put("limit", limit);
		return jdbc.sql("SELECT w.*, " + query.status() + " AS status FROM work_item w" + query.where() + " AND w.completed_at IS NULL"
				+ (late ? " AND w.due_date < :day ORDER BY w.due_date DESC" : " AND w.due_date >= :day AND w.due_date < :before ORDER BY w.due_date")
				+ ", w.task_id LIMIT :limit")
			.params(params)
			.query(this::view)
			.list();
	}

	static String day(LocalDate date) {
		return date == null ? null : DAY.format(date);
	}

	private static String what(String kind) {
		if (kind == null) {
			return "";
		}
		return switch (kind) {
			case WorkTracking.OPENED -> "Giao việc";
			case WorkTracking.DUE_MOVED -> "Đổi thời hạn";
			case WorkTracking.DONE -> "Hoàn thành";
			default -> kind.startsWith("REMINDER_") ? "Nhắc việc" : kind;
		};
	}

	private WorkView view(ResultSet rs, int n) throws SQLException {
		String unit = rs.getString("unit_code");
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		DirectiveStatus status = DirectiveStatus.values()[rs.getInt("status")];
		java.sql.Timestamp created = rs.getTimestamp("created_at");
		java.sql.Timestamp completed = rs.getTimestamp("completed_at");
		return new WorkView(rs.getString("task_id"), rs.getString("process_key"), rs.getString("process_name"),
				rs.getString("process_instance_id"), rs.getString("business_key"), rs.getString("task_name"), unit,
				unit == null ? "" : units.nameOf(unit), due, day(due),
				created == null ? null : created.toInstant(), completed == null ? null : completed.toInstant(), status.name(),
				status.label());
	}

	/**
	 * The work that passes the filter as {@code SELECT unit_code, due_date, completed_on}, shaped like
	 * {@link DirectiveCatalog#partsSql}, so that a report counts both together (the filter's status is ignored).
	 */
	public DirectiveCatalog.SelectSql itemsSql(Filter filter) {
		Query query = query(new Filter(filter.process(), filter.unit(), null, filter.within(), filter.dueFrom(), filter.dueTo()));
		return new DirectiveCatalog.SelectSql("SELECT w.unit_code, w.due_date, w.completed_on FROM work_item w" + query.where(), query.params());
	}

	/** A filter as a condition on {@code work_item w}, always with a {@code WHERE}, and the status expression. */
	private record Query(String where, Map<String, Object> params, String status) {
	}

	private Query query(Filter filter) {
		DirectiveCatalog.StatusSql status = directives.statusSql("w");
		List<String> conditions = new ArrayList<>(List.of("1 = 1"));
		Map<String, Object> params = new HashMap<>(status.params());
		if (filter.process() != null) {
			conditions.add("w.process_key = :process");
			params.put("process", filter.process());
		}
		if (filter.unit() != null) {
			conditions.add("w.unit_code = :unit");
			params.put("unit", filter.unit());
		}
		if (filter.within() != null) {
			conditions.add(filter.within().isEmpty() ? "1 = 0" : "w.unit_code IN (:within)");
			params.put("within", List.copyOf(filter.within()));
		}
		if (filter.dueFrom() != null && filter.dueTo() != null) {
			conditions.add("w.due_date BETWEEN :dueFrom AND :dueTo");
			params.put("dueFrom", filter.dueFrom());
			params.put("dueTo", filter.dueTo());
		}
		if (filter.status() != null) {
			conditions.add(status.expression() + " = :status");
			params.put("status", filter.status().ordinal());
		}
		return new Query(" WHERE " + String.join(" AND ", conditions), params, status.expression());
	}

}
