package vn.dondoc.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DocumentSummary;
import vn.dondoc.directive.DirectiveCatalog.PartFilter;
import vn.dondoc.directive.DirectiveCatalog.PartView;
import vn.dondoc.directive.DirectiveStatus;
import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.Extension;
import vn.dondoc.workflow.ExtensionDecision;
import vn.dondoc.workflow.UnitPartStatus;

/**
 * The progress report ("Báo cáo tình hình thực hiện …") of one document, or of the work due in a period across
 * documents: its figures, counted by the dashboard's own queries ({@link DirectiveCatalog#partCounts},
 * {@link DirectiveCatalog#parts}), so that the report and the overview's matrix never disagree, and the report
 * as a Word file.
 */
@Service
public class ProgressReports {

	private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	/** The messages that urge a unit (the assignment notice is not a reminder). */
	private static final List<String> REMINDER_KINDS = List.of("REMINDER", "DUE_SOON", "DUE_TODAY", "OVERDUE", "ESCALATION");

	private final DirectiveCatalog catalog;

	private final DirectiveLifecycle lifecycle;

	private final UnitDirectory units;

	private final VietnamCalendar calendar;

	private final IdentityService identity;

	private final JdbcClient jdbc;

	private final ProgressReportSettings settings;

	private final Clock clock;

	ProgressReports(DirectiveCatalog catalog, DirectiveLifecycle lifecycle, UnitDirectory units, VietnamCalendar calendar,
			IdentityService identity, JdbcClient jdbc, ProgressReportSettings settings, Clock clock) {
		this.catalog = catalog;
		this.lifecycle = lifecycle;
		this.units = units;
		this.calendar = calendar;
		this.identity = identity;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * What a report covers: one document's lead parts, or (with {@code from} and {@code to}) the lead parts due in
	 * those days, of that document or of every one.
	 */
	public record Scope(String document, LocalDate from, LocalDate to) {

		public static Scope ofDocument(String document) {
			return new Scope(document, null, null);
		}

		boolean period() {
			return from != null && to != null;
		}

	}

	/** The counts of the summary; {@code inProgress} is on track and due soon. */
	public record Summary(long assigned, long doneOnTime, long doneLate, long inProgress, long dueSoon, long overdue,
			long awaitingEvent, long ongoing) {
	}

	/** One row of the table per unit: {@code inProgress} holds every open part that is not late (also those without a date). */
	public record UnitRow(String unit, String name, long parts, long doneOnTime, long doneLate, long inProgress, long overdue) {
	}

	/** A late open part, with how late it is and how often the unit was reminded. */
	public record OverduePart(String documentCode, String section, String text, String unit, String unitName, LocalDate dueDate,
			long daysLate, long reminders) {
	}

	/** An extension the office granted. */
	public record GrantedExtension(String documentCode, String section, String unit, String unitName, LocalDate from, LocalDate to,
			String reason, String approvedBy) {
	}

	/** Everything the report says, as of {@code asOf}. */
	public record Figures(Scope scope, LocalDate asOf, List<DocumentSummary> documents, Summary summary, List<UnitRow> units,
			List<OverduePart> overdue, List<GrantedExtension> extensions) {
	}

	/** The report's figures, as of today in Vietnam. */
	public Figures figures(Scope scope) {
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		PartFilter filter = new PartFilter(scope.document(), null, null, scope.from(), scope.to());
		Map<String, Map<DirectiveStatus, Long>> counts = catalog.partCounts(filter);

		List<UnitRow> rows = new ArrayList<>();
		Map<DirectiveStatus, Long> all = new EnumMap<>(DirectiveStatus.class);
		List<String> order = new ArrayList<>(units.all().stream().map(Unit::code).toList());
		counts.keySet().stream().filter(code -> !order.contains(code)).sorted().forEach(order::add);
		for (String code : order) {
			Map<DirectiveStatus, Long> byStatus = counts.get(code);
			if (byStatus == null) {
				continue;
			}
			byStatus.forEach((status, count) -> all.merge(status, count, Long::sum));
			long parts = byStatus.values().stream().mapToLong(Long::longValue).sum();
			rows.add(new UnitRow(code, units.nameOf(code), parts, count(byStatus, DirectiveStatus.DONE_ON_TIME),
					count(byStatus, DirectiveStatus.DONE_LATE), count(byStatus, DirectiveStatus.ON_TRACK)
							+ count(byStatus, DirectiveStatus.DUE_SOON) + count(byStatus, DirectiveStatus.NO_DEADLINE),
					count(byStatus, DirectiveStatus.OVERDUE)));
		}
		long undated = count(all, DirectiveStatus.NO_DEADLINE);
		long awaitingEvent = undated == 0 ? 0
				: catalog.parts(filter, DirectiveStatus.NO_DEADLINE).stream().filter(p -> p.directive().awaitingEvent() != null).count();
		Summary summary = new Summary(all.values().stream().mapToLong(Long::longValue).sum(), count(all, DirectiveStatus.DONE_ON_TIME),
				count(all, DirectiveStatus.DONE_LATE), count(all, DirectiveStatus.ON_TRACK) + count(all, DirectiveStatus.DUE_SOON),
				count(all, DirectiveStatus.DUE_SOON), count(all, DirectiveStatus.OVERDUE), awaitingEvent, undated - awaitingEvent);

		List<PartView> late = catalog.parts(filter, DirectiveStatus.OVERDUE);
		Map<String, Long> reminders = reminders(late);
		List<OverduePart> overdue = late.stream()
			.map(p -> new OverduePart(p.directive().documentCode(), p.directive().section(), p.directive().text(), p.part().code(),
					p.part().name(), p.part().dueDate(), ChronoUnit.DAYS.between(p.part().dueDate(), today),
					reminders.getOrDefault(p.directive().id() + "/" + p.part().code(), 0L)))
			.sorted(Comparator.comparing(OverduePart::dueDate).thenComparing(OverduePart::documentCode))
			.toList();

		List<PartView> parts = catalog.parts(filter, null);
		Set<String> codes = parts.stream().map(p -> p.directive().documentCode()).collect(Collectors.toSet());
		if (scope.document() != null) {
			codes.add(scope.document());
		}
		List<DocumentSummary> documents = catalog.documents().stream().filter(d -> codes.contains(d.code())).toList();
		return new Figures(scope, today, documents, summary, rows, overdue, extensions(parts));
	}

	/** The Word file of the report, as of today. */
	public byte[] docx(Scope scope) {
		return ProgressDocument.write(figures(scope), settings);
	}

	ProgressReportSettings settings() {
		return settings;
	}

	/** "Báo cáo tình hình thực hiện KL-45 - 02-12-2026.docx", without the characters a file name cannot hold. */
	public static String fileName(Scope scope, LocalDate day) {
		StringBuilder name = new StringBuilder("Báo cáo tình hình thực hiện");
		if (scope.document() != null) {
			name.append(' ').append(scope.document());
		}
		if (scope.period()) {
			name.append(" từ ").append(scope.from().format(FILE_DAY)).append(" đến ").append(scope.to().format(FILE_DAY));
		}
		name.append(" - ").append(day.format(FILE_DAY)).append(".docx");
		return name.toString().replaceAll("[\\\\/:*?\"<>|\\r\\n]", "-");
	}

	/** Documents that still have a lead part not completed: those the quarterly report is sent for. */
	public List<DocumentSummary> documentsWithOpenWork() {
		List<DocumentSummary> open = new ArrayList<>();
		for (DocumentSummary document : catalog.documents()) {
			boolean any = catalog.partCounts(new PartFilter(document.code(), null, null, null, null)).values().stream()
				.flatMap(byStatus -> byStatus.entrySet().stream())
				.anyMatch(entry -> !entry.getKey().isDone() && entry.getValue() > 0);
			if (any) {
				open.add(document);
			}
		}
		return open;
	}

	/** Reminders and escalations queued for each late part (directive id / unit), from the outbox. */
	private Map<String, Long> reminders(List<PartView> parts) {
		if (parts.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> counts = new HashMap<>();
		List<String> ids = parts.stream().map(p -> String.valueOf(p.directive().id())).distinct().toList();
		for (int i = 0; i < ids.size(); i += 500) {
			jdbc.sql("SELECT directive_id, lead_unit_code, COUNT(*) FROM notification WHERE directive_id IN (:ids)"
					+ " AND kind IN (:kinds) AND state <> 'DEAD' GROUP BY directive_id, lead_unit_code")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
				.param("kinds", REMINDER_KINDS)
				.query((rs, n) -> counts.merge(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3), Long::sum))
				.list();
		}
		return counts;
	}

	/** The extensions the office approved on these parts, oldest request first. */
	private List<GrantedExtension> extensions(List<PartView> parts) {
		Map<String, List<PartView>> byProcess = new LinkedHashMap<>();
		for (PartView part : parts) {
			if (part.directive().processInstanceId() != null) {
				byProcess.computeIfAbsent(part.directive().processInstanceId(), id -> new ArrayList<>()).add(part);
			}
		}
		List<GrantedExtension> granted = new ArrayList<>();
		Map<String, String> people = new HashMap<>();
		byProcess.forEach((processInstanceId, wanted) -> {
			Map<String, UnitPartStatus> states = lifecycle.parts(processInstanceId).stream()
				.collect(Collectors.toMap(UnitPartStatus::unit, state -> state, (a, b) -> a));
			for (PartView part : wanted) {
				UnitPartStatus state = states.get(part.part().code());
				if (state == null) {
					continue;
				}
				for (Extension extension : state.extensions()) {
					if (extension.decision() == ExtensionDecision.APPROVED) {
						String approver = extension.decidedBy() == null ? ""
								: people.computeIfAbsent(extension.decidedBy(), this::personName);
						granted.add(new GrantedExtension(part.directive().documentCode(), part.directive().section(), part.part().code(),
								part.part().name(), extension.previousDueDate(), extension.requestedDueDate(), extension.reason(), approver));
					}
				}
			}
		});
		return granted;
	}

	private String personName(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return units.nameOf(userId);
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).strip();
		return name.isEmpty() ? userId : name;
	}

	private static long count(Map<DirectiveStatus, Long> byStatus, DirectiveStatus status) {
		return Optional.ofNullable(byStatus.get(status)).orElse(0L);
	}

}
