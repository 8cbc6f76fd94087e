package vn.dondoc.directive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveRows.DirectiveRow;
import vn.dondoc.directive.DirectiveRows.DocumentRow;
import vn.dondoc.directive.DirectiveRows.UnitRow;
import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;

/**
 * Reads documents and directives back with their status per lead unit, for the API and the dashboard.
 */
@Service
public class DirectiveCatalog {

	private final DirectiveRows rows;

	private final UnitDirectory units;

	private final VietnamCalendar calendar;

	private final DirectiveSettings settings;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final ObjectProvider<TaskReminders> reminders;

	DirectiveCatalog(DirectiveRows rows, UnitDirectory units, VietnamCalendar calendar, DirectiveSettings settings,
			Clock clock, JdbcClient jdbc, ObjectProvider<TaskReminders> reminders) {
		this.rows = rows;
		this.units = units;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
		this.jdbc = jdbc;
		this.reminders = reminders;
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

	/** Filters of the directive list; {@code null} means any. */
	public record Filter(String document, String unit, DirectiveStatus status) {
	}

	public List<DocumentSummary> documents() {
		Map<String, List<DirectiveRow>> byDocument = rows.allDirectives()
			.stream()
			.collect(Collectors.groupingBy(DirectiveRow::documentCode));
		Map<Long, Long> leadParts = rows.allUnits()
			.stream()
			.filter(unit -> DirectiveRows.LEAD.equals(unit.role()))
			.collect(Collectors.groupingBy(UnitRow::directiveId, Collectors.counting()));
		List<DocumentSummary> summaries = new ArrayList<>();
		for (DocumentRow document : rows.documents()) {
			List<DirectiveRow> directives = byDocument.getOrDefault(document.code(), List.of());
			int parts = directives.stream().mapToInt(d -> leadParts.getOrDefault(d.id(), 0L).intValue()).sum();
			summaries.add(new DocumentSummary(document.code(), document.title(), document.issuedBy(), document.issuedOn(),
					DirectiveViews.display(document.issuedOn()), document.signer(), document.importedAt(),
					document.updatedAt(), directives.size(), parts));
		}
		return summaries;
	}

	public Page<DirectiveView> directives(Filter filter, int page, int size) {
		List<DirectiveView> all = views(rows.allDirectives(), false);
		Predicate<DirectiveView> matches = view -> true;
		if (filter.document() != null) {
			matches = matches.and(view -> view.documentCode().equals(filter.document()));
		}
		if (filter.unit() != null) {
			matches = matches.and(view -> view.units().stream().anyMatch(part -> part.code().equals(filter.unit())));
		}
		if (filter.status() != null) {
			String wanted = filter.status().name();
			matches = filter.unit() == null ? matches.and(view -> view.status().equals(wanted))
					: matches.and(view -> view.units().stream()
						.anyMatch(part -> part.code().equals(filter.unit()) && wanted.equals(part.status())));
		}
		List<DirectiveView> selected = all.stream().filter(matches).toList();
		int from = Math.min(page * size, selected.size());
		int to = Math.min(from + size, selected.size());
		return new Page<>(selected.subList(from, to), page, size, selected.size());
	}

	public Optional<DirectiveDetail> directive(long id) {
		return rows.directive(id).map(row -> {
			DirectiveView view = views(List.of(row), true).get(0);
			List<HistoryLine> history = jdbc.sql("""
					SELECT occurred_at, kind, actor, detail FROM history_entry WHERE subject = ? ORDER BY occurred_at, id""")
				.param(historySubject(id))
				.query((rs, n) -> new HistoryLine(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
			return new DirectiveDetail(view, history);
		});
	}

	/** The {@code history_entry.subject} under which a directive's history is written. */
	public static String historySubject(long directiveId) {
		return "directive:" + directiveId;
	}

	/** Status counts per lead unit, for the overview matrix. */
	public Map<String, Map<DirectiveStatus, Long>> statusByUnit() {
		Map<String, Map<DirectiveStatus, Long>> matrix = new LinkedHashMap<>();
		for (DirectiveView view : views(rows.allDirectives(), false)) {
			for (UnitPart part : view.units()) {
				if (DirectiveRows.LEAD.equals(part.role())) {
					matrix.computeIfAbsent(part.code(), code -> new LinkedHashMap<>())
						.merge(DirectiveStatus.valueOf(part.status()), 1L, Long::sum);
				}
			}
		}
		return matrix;
	}

	private List<DirectiveView> views(List<DirectiveRow> directives, boolean withReminders) {
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		Map<String, String> titles = rows.documents().stream().collect(Collectors.toMap(DocumentRow::code, DocumentRow::title));
		Map<Long, List<UnitRow>> unitRows = (directives.size() == 1 ? rows.unitsOf(directives.get(0).id()) : rows.allUnits())
			.stream()
			.collect(Collectors.groupingBy(UnitRow::directiveId));
		TaskReminders steps = withReminders ? reminders.getIfAvailable() : null;
		List<DirectiveView> views = new ArrayList<>();
		for (DirectiveRow row : directives) {
			List<UnitPart> parts = new ArrayList<>();
			List<DirectiveStatus> statuses = new ArrayList<>();
			for (UnitRow unit : unitRows.getOrDefault(row.id(), List.of())) {
				String name = units.find(unit.unitCode()).map(Unit::name).orElse(unit.unitCode());
				if (DirectiveRows.LEAD.equals(unit.role())) {
					DirectiveStatus status = statusOf(unit, today);
					statuses.add(status);
					List<TaskReminders.Step> planned = steps != null && unit.taskId() != null ? steps.stepsOf(unit.taskId()) : List.of();
					parts.add(new UnitPart(unit.unitCode(), name, unit.role(), unit.dueDate(), DirectiveViews.display(unit.dueDate()),
							unit.originalDueDate(), unit.taskId(), unit.completedAt(), status.name(), status.label(), planned));
				}
				else {
					parts.add(new UnitPart(unit.unitCode(), name, unit.role(), null, null, null, null, null, null, null, List.of()));
				}
			}
			parts.sort(Comparator.comparing((UnitPart part) -> !DirectiveRows.LEAD.equals(part.role())));
			DirectiveStatus status = DirectiveStatus.worst(statuses);
			views.add(new DirectiveView(row.id(), row.businessKey(), row.documentCode(), titles.get(row.documentCode()),
					row.section(), row.text(), row.deadlineText(), row.deadlineKind(), row.deadlineExplanation(), row.dueDate(),
					DirectiveViews.display(row.dueDate()), row.statedDueDate(), row.movedToWorkingDay(), row.awaitingEvent(),
					row.awaitingEvent() != null, row.processInstanceId(), status.name(), status.label(), parts));
		}
		return views;
	}

	private DirectiveStatus statusOf(UnitRow unit, LocalDate today) {
		LocalDate completedOn = unit.completedAt() == null ? null : calendar.toLocalDate(unit.completedAt());
		LocalDate dueSoonFrom = unit.dueDate() == null ? null
				: calendar.addWorkingDays(unit.dueDate(), -settings.dueSoonWorkingDays());
		return DirectiveStatus.of(unit.dueDate(), completedOn, today, dueSoonFrom);
	}

}
