package vn.dondoc.directive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dondoc.directive.DirectiveRows.DirectiveRow;
import vn.dondoc.directive.DirectiveRows.DocumentRow;
import vn.dondoc.directive.DirectiveRows.UnitRow;

/**
 * Reads documents and directives back with their status per lead unit, for the API and the dashboard.
 */
@Service
public class DirectiveCatalog {

	private final DirectiveRows rows;

	private final StatusRules status;

	private final JdbcClient jdbc;

	private final DirectiveViewBuilder views;

	DirectiveCatalog(DirectiveRows rows, StatusRules status, JdbcClient jdbc, DirectiveViewBuilder views) {
		this.rows = rows;
		this.status = status;
		this.jdbc = jdbc;
		this.views = views;
	}

	/** A document and how many directives and unit parts it has. */
	public record DocumentSummary(String code, String title, String issuedBy, LocalDate issuedOn, String issuedOnDisplay,
			String signer, Instant importedAt, Instant updatedAt, int directives, int unitParts) {
	}

	/** One lead or coordinating unit of a directive, with the state of its part. */
	public record UnitPart(String code, String name, String role, LocalDate dueDate, String dueDateDisplay,
			LocalDate originalDueDate, String taskId, Instant completedAt, String status, String statusLabel,
			List<TaskReminders.Step> reminders) {
	}

	/** A directive with the status of each of its units. */
	public record DirectiveView(long id, String businessKey, String documentCode, String documentTitle, String section,
			String text, String deadlineText, String deadlineKind, String deadlineExplanation, LocalDate dueDate,
			String dueDateDisplay, LocalDate statedDueDate, boolean movedToWorkingDay, String awaitingEvent,
			boolean needsAttention, String processInstanceId, String status, String statusLabel, List<UnitPart> units) {
	}

	/** A history line of a directive. */
	public record HistoryLine(Instant at, String kind, String actor, String detail) {
	}

	/** A directive's page: the directive and what happened to it. */
	public record DirectiveDetail(DirectiveView directive, List<HistoryLine> history) {
	}

	/** A page of results. */
	public record Page<T>(List<T> items, int page, int size, long total) {
	}

	/**
	 * Filters of the directive list; {@code null} means any.
	 *
	 * @param document the document's code
	 * @param unit a unit the directive names (lead or coordinating)
	 * @param status the directive's status (the most urgent of its parts), or with {@code unit} that unit's part's
	 * @param within only directives that name one of these units (a unit member's view); {@code null}: all
	 * @param dueFrom with {@code dueTo}: a lead part (of {@code unit}, if given) is due within these days
	 * @param dueTo the last day of that range
	 * @param awaitingReview only directives with something awaiting the office's review: a report submitted or an
	 * extension requested (an open {@code reviewReport} or {@code reviewExtension} task)
	 */
	public record Filter(String document, String unit, DirectiveStatus status, Set<String> within, LocalDate dueFrom,
			LocalDate dueTo, boolean awaitingReview) {

		public Filter(String document, String unit, DirectiveStatus status) {
			this(document, unit, status, null, null, null, false);
		}

		public Filter(String document, String unit, DirectiveStatus status, Set<String> within, LocalDate dueFrom,
				LocalDate dueTo) {
			this(document, unit, status, within, dueFrom, dueTo, false);
		}

	}

	public List<DocumentSummary> documents() {
		Map<String, long[]> counts = rows.documentCounts();
		List<DocumentSummary> summaries = new ArrayList<>();
		for (DocumentRow document : rows.documents()) {
			long[] count = counts.getOrDefault(document.code(), new long[2]);
			summaries.add(new DocumentSummary(document.code(), document.title(), document.issuedBy(), document.issuedOn(),
					DirectiveViews.display(document.issuedOn()), document.signer(), document.importedAt(),
					document.updatedAt(), (int) count[0], (int) count[1]));
		}
		return summaries;
	}

	/** A document's code and title. */
	public record DocumentTitle(String code, String title) {
	}

	/** The {@code limit} documents issued last, newest first: what a filter offers to pick from. */
	public List<DocumentTitle> latestDocuments(int limit) {
		return rows.latestDocuments(limit).stream().map(row -> new DocumentTitle(row.code(), row.title())).toList();
	}

	/** A page of the directives that pass the filter, in document order, with how many pass it. */
	public Page<DirectiveView> directives(Filter filter, int page, int size) {
		Query query = query(filter);
		long total = rows.countDirectives(query.where(), query.params());
		long offset = (long) page * size;
		List<DirectiveRow> selected = offset >= total ? List.of() : rows.directives(query.where(), query.params(), offset, size);
		return new Page<>(views.of(selected, false), page, size, total);
	}

	/** The {@code status} value that asks for what awaits the office's review (not a {@link DirectiveStatus}). */
	public static final String AWAITING_REVIEW = "AWAITING_REVIEW";

	/** Whether a {@code status} value asks for what awaits review: {@code awaiting_review}, {@code awaiting-review}, any case. */
	public static boolean isAwaitingReview(String status) {
		return status != null && (status.strip().replace('-', '_').equalsIgnoreCase(AWAITING_REVIEW)
				|| status.strip().equalsIgnoreCase("chờ xem xét"));
	}

	/** How many directives pass the filter, counted by the database. */
	public long count(Filter filter) {
		Query query = query(filter);
		return rows.countDirectives(query.where(), query.params());
	}

	/** The id of the directive with this business key ({@code <document code>/<section>}). */
	public Optional<Long> idOf(String businessKey) {
		return rows.directiveId(businessKey);
	}

	public Optional<DirectiveDetail> directive(long id) {
		return rows.directive(id).map(row -> {
			DirectiveView view = views.of(List.of(row), true).get(0);
			List<HistoryLine> history = jdbc.sql("""
					SELECT occurred_at, kind, actor, detail FROM history_entry WHERE subject = ? ORDER BY occurred_at, id""")
				.param(historySubject(id))
				.query((rs, n) -> new HistoryLine(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
			return new DirectiveDetail(view, history);
		});
	}

	/** The units a directive names, lead or coordinating; empty when there is no such directive. */
	public List<String> unitCodes(long directiveId) {
		return rows.unitsOf(directiveId).stream().map(UnitRow::unitCode).distinct().toList();
	}

	/** The {@code history_entry.subject} under which a directive's history is written. */
	public static String historySubject(long directiveId) {
		return "directive:" + directiveId;
	}

	/** Status counts per lead unit, for the overview matrix. */
	public Map<String, Map<DirectiveStatus, Long>> statusByUnit() {
		StatusRules.Today today = status.today();
		Map<String, Map<DirectiveStatus, Long>> matrix = new LinkedHashMap<>();
		jdbc.sql("SELECT unit_code, status, COUNT(*) FROM (SELECT u.unit_code, " + DirectiveStatus.sql("u") + " AS status"
				+ " FROM directive_unit u WHERE u.role = 'LEAD') parts GROUP BY unit_code, status ORDER BY unit_code")
			.param("today", today.day())
			.param("dueSoonUntil", today.dueSoonUntil())
			.query((rs, n) -> matrix.computeIfAbsent(rs.getString(1), code -> new LinkedHashMap<>())
				.put(DirectiveStatus.values()[rs.getInt(2)], rs.getLong(3)))
			.list();
		return matrix;
	}

	/**
	 * Which lead unit parts; {@code null} means any.
	 *
	 * @param document parts of this document's directives
	 * @param unit parts of this unit
	 * @param within parts of one of these units (a unit member's own); {@code null}: of every unit
	 * @param dueFrom with {@code dueTo}: parts due within these days
	 * @param dueTo the last day of that range
	 */
	public record PartFilter(String document, String unit, Set<String> within, LocalDate dueFrom, LocalDate dueTo) {
	}

	/** A lead unit's part and its directive. */
	public record PartView(DirectiveView directive, UnitPart part) {
	}

	/** Lead parts counted by unit and status. */
	public Map<String, Map<DirectiveStatus, Long>> partCounts(PartFilter filter) {
		Query query = partQuery(filter, true);
		Map<String, Map<DirectiveStatus, Long>> counts = new LinkedHashMap<>();
		jdbc.sql("SELECT unit_code, status, COUNT(*) FROM (SELECT u.unit_code, " + DirectiveStatus.sql("u") + " AS status"
				+ " FROM directive_unit u" + query.where() + ") parts GROUP BY unit_code, status")
			.params(query.params())
			.query((rs, n) -> counts.computeIfAbsent(rs.getString(1), code -> new LinkedHashMap<>())
				.put(DirectiveStatus.values()[rs.getInt(2)], rs.getLong(3)))
			.list();
		return counts;
	}

	/** Open lead parts that are late (due before today). */
	public long overdueParts(PartFilter filter) {
		Query query = partQuery(filter, false);
		return jdbc.sql("SELECT COUNT(*) FROM directive_unit u" + query.where() + " AND u.completed_at IS NULL AND u.due_date < :today")
			.params(query.params())
			.param("today", status.day())
			.query(Long.class)
			.single();
	}

	/** Open lead parts due on each day from {@code from} to {@code to}; days without any are left out. */
	public Map<LocalDate, Long> openPartsDue(PartFilter filter, LocalDate from, LocalDate to) {
		Query query = partQuery(filter, false);
		Map<LocalDate, Long> days = new LinkedHashMap<>();
		jdbc.sql("SELECT u.due_date, COUNT(*) FROM directive_unit u" + query.where()
				+ " AND u.completed_at IS NULL AND u.due_date BETWEEN :from AND :to GROUP BY u.due_date ORDER BY u.due_date")
			.params(query.params())
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
		return days;
	}

	/**
	 * Open lead parts with a due date, with their directives: the late ones latest first, or those not late
	 * and due before {@code before}, soonest first; at most {@code limit}.
	 */
	public List<PartView> openParts(PartFilter filter, boolean late, LocalDate before, int limit) {
		Query query = partQuery(filter, false);
		Map<String, Object> params = new HashMap<>(query.params());
		params.put("today", status.day());
		params.put("before", before);
		params.put("limit", limit);
		return partViews(jdbc.sql("SELECT u.directive_id, u.unit_code FROM directive_unit u JOIN directive d ON d.id = u.directive_id"
				+ query.where() + " AND u.completed_at IS NULL"
				+ (late ? " AND u.due_date < :today ORDER BY u.due_date DESC" : " AND u.due_date >= :today AND u.due_date < :before ORDER BY u.due_date")
				+ ", d.document_code, d.position, u.unit_code LIMIT :limit")
			.params(params)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list());
	}

	/**
	 * The first day on or after {@code from} (any day when {@code null}) on which some lead part is due: one
	 * probe of the index on due dates, so that the days that have parts can be walked without reading them all.
	 */
	public Optional<LocalDate> firstDueDay(PartFilter filter, LocalDate from) {
		Query query = partQuery(filter, false);
		List<LocalDate> first = jdbc.sql("SELECT MIN(u.due_date) FROM directive_unit u" + query.where()
				+ (from == null ? " AND u.due_date IS NOT NULL" : " AND u.due_date >= :from"))
			.params(query.params())
			.param("from", from)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list();
		return first.isEmpty() ? Optional.empty() : Optional.ofNullable(first.get(0));
	}

	/** The lead parts that pass the filter and have the status (any when {@code null}), with their directives, in document order. */
	public List<PartView> parts(PartFilter filter, DirectiveStatus status) {
		Query query = partQuery(filter, status != null);
		Map<String, Object> params = new HashMap<>(query.params());
		String condition = "";
		if (status != null) {
			condition = " AND " + DirectiveStatus.sql("u") + " = :status";
			params.put("status", status.ordinal());
		}
		return partViews(jdbc.sql("SELECT u.directive_id, u.unit_code FROM directive_unit u JOIN directive d ON d.id = u.directive_id"
				+ query.where() + condition + " ORDER BY d.document_code, d.position, u.unit_code")
			.params(params)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list());
	}

	/** An SQL select and its named parameters, for another class to nest and aggregate. */
	public record SelectSql(String sql, Map<String, Object> params) {
	}

	/**
	 * The lead parts that pass the filter as {@code SELECT unit_code, due_date, completed_on}, for reports that count
	 * them over time in the database (see {@code web/Trends}); its parameters are named {@code :document}, {@code :unit},
	 * {@code :within}, {@code :dueFrom}, {@code :dueTo}.
	 */
	public SelectSql partsSql(PartFilter filter) {
		Query query = partQuery(filter, false);
		return new SelectSql("SELECT u.unit_code, u.due_date, u.completed_on FROM directive_unit u" + query.where(), query.params());
	}

	/** Lead parts as a condition on {@code directive_unit u}, always with a {@code WHERE}. */
	private Query partQuery(PartFilter filter, boolean withStatus) {
		List<String> conditions = new ArrayList<>(List.of("u.role = 'LEAD'"));
		Map<String, Object> params = new HashMap<>();
		if (filter.document() != null) {
			conditions.add("u.directive_id IN (SELECT p.id FROM directive p WHERE p.document_code = :document)");
			params.put("document", filter.document());
		}
		if (filter.unit() != null) {
			conditions.add("u.unit_code = :unit");
			params.put("unit", filter.unit());
		}
		if (filter.within() != null) {
			conditions.add(filter.within().isEmpty() ? "1 = 0" : "u.unit_code IN (:within)");
			params.put("within", List.copyOf(filter.within()));
		}
		if (filter.dueFrom() != null && filter.dueTo() != null) {
			conditions.add("u.due_date BETWEEN :dueFrom AND :dueTo");
			params.put("dueFrom", filter.dueFrom());
			params.put("dueTo", filter.dueTo());
		}
		if (withStatus) {
			StatusRules.Today today = status.today();
			params.put("today", today.day());
			params.put("dueSoonUntil", today.dueSoonUntil());
		}
		return new Query(" WHERE " + String.join(" AND ", conditions), params);
	}

	/** Views of the directives of these parts (directive id, unit code), read in one go, in the parts' order. */
	private List<PartView> partViews(List<Map.Entry<Long, String>> parts) {
		Map<Long, DirectiveView> byId = new HashMap<>();
		for (DirectiveView view : views.of(rows.directives(parts.stream().map(Map.Entry::getKey).collect(Collectors.toSet())), false)) {
			byId.put(view.id(), view);
		}
		List<PartView> found = new ArrayList<>();
		for (Map.Entry<Long, String> part : parts) {
			DirectiveView view = byId.get(part.getKey());
			view.units().stream()
				.filter(unit -> DirectiveRows.LEAD.equals(unit.role()) && unit.code().equals(part.getValue()))
				.findFirst()
				.ifPresent(unit -> found.add(new PartView(view, unit)));
		}
		return found;
	}

	/** A filter as a condition on {@code directive d}, with its named parameters. */
	private record Query(String where, Map<String, Object> params) {
	}

	private Query query(Filter filter) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (filter.document() != null) {
			conditions.add("d.document_code = :document");
			params.put("document", filter.document());
		}
		if (filter.unit() != null) {
			conditions.add("EXISTS (SELECT 1 FROM directive_unit n WHERE n.directive_id = d.id AND n.unit_code = :unit)");
			params.put("unit", filter.unit());
		}
		if (filter.within() != null) {
			if (filter.within().isEmpty()) {
				conditions.add("1 = 0");
			}
			else {
				conditions.add("EXISTS (SELECT 1 FROM directive_unit w WHERE w.directive_id = d.id AND w.unit_code IN (:within))");
				params.put("within", List.copyOf(filter.within()));
			}
		}
		if (filter.status() != null) {
			// a unit's part has the status, or the directive has it (the most urgent of its lead parts)
			conditions.add(filter.unit() != null
					? "EXISTS (SELECT 1 FROM directive_unit u WHERE u.directive_id = d.id AND u.unit_code = :unit AND u.role = 'LEAD' AND "
							+ DirectiveStatus.sql("u") + " = :status)"
					: DirectiveStatus.sqlOfDirective(filter.status(), "d"));
			params.put("status", filter.status().ordinal());
			StatusRules.Today today = status.today();
			params.put("today", today.day());
			params.put("dueSoonUntil", today.dueSoonUntil());
		}
		if (filter.awaitingReview()) {
			// the engine's open review tasks of the directive's process, in one semi-join (index on PROC_INST_ID_)
			conditions.add("EXISTS (SELECT 1 FROM ACT_RU_TASK r WHERE r.PROC_INST_ID_ = d.process_instance_id"
					+ " AND r.TASK_DEF_KEY_ IN (:reviewTasks))");
			params.put("reviewTasks", List.of(DirectiveProcess.TASK_REVIEW_REPORT, DirectiveProcess.TASK_REVIEW_EXTENSION));
		}
		if (filter.dueFrom() != null && filter.dueTo() != null) {
			conditions.add("EXISTS (SELECT 1 FROM directive_unit q WHERE q.directive_id = d.id AND q.role = 'LEAD'"
					+ (filter.unit() != null ? " AND q.unit_code = :unit" : "") + " AND q.due_date BETWEEN :dueFrom AND :dueTo)");
			params.put("dueFrom", filter.dueFrom());
			params.put("dueTo", filter.dueTo());
		}
		return new Query(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
	}

	/**
	 * {@link DirectiveStatus#sql} over another feature's table shaped like {@code directive_unit} (columns
	 * {@code due_date}, {@code completed_at}, {@code completed_on}), with today's parameters: so that work of other
	 * processes gets its status by the very rules of directives.
	 */
	public record StatusSql(String expression, Map<String, Object> params) {
	}

	/** The status expression over {@code alias} and its parameters ({@code :today}, {@code :dueSoonUntil}). */
	public StatusSql statusSql(String alias) {
		StatusRules.Today today = status.today();
		return new StatusSql(DirectiveStatus.sql(alias), Map.of("today", today.day(), "dueSoonUntil", today.dueSoonUntil()));
	}

	/** The status of a part due on {@code dueDate} (or without) and completed at {@code completedAt} ({@code null} while open). */
	public DirectiveStatus statusOf(LocalDate dueDate, Instant completedAt) {
		return status.of(dueDate, completedAt, status.day());
	}

}
