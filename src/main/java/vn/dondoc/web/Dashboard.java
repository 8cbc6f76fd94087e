package vn.dondoc.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.UnitPart;
import vn.dondoc.directive.DirectiveStatus;
import vn.dondoc.security.Viewer;
import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.work.WorkCatalog;

/**
 * What the pages show, always narrowed to what the viewer may see: the office and the admin see every
 * unit, a unit member only the directives that name one of its units.
 */
@Service
class Dashboard {

	static final String LEAD = "LEAD";

	/** The matrix columns, in the order tracking offices report them. */
	static final List<DirectiveStatus> COLUMNS = List.of(DirectiveStatus.ON_TRACK, DirectiveStatus.DUE_SOON,
			DirectiveStatus.OVERDUE, DirectiveStatus.DONE_ON_TIME, DirectiveStatus.DONE_LATE, DirectiveStatus.NO_DEADLINE);

	static final int PAGE_SIZE = 20;

	/** Documents the filter suggests (the latest issued); any other is typed by its code. */
	static final int DOCUMENT_CHOICES = 50;

	static final int TIMELINE_WEEKS = 8;

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

	private final DirectiveCatalog catalog;

	private final UnitDirectory units;

	private final VietnamCalendar calendar;

	private final Clock clock;

	private final WorkCatalog work;

	Dashboard(DirectiveCatalog catalog, UnitDirectory units, VietnamCalendar calendar, Clock clock, WorkCatalog work) {
		this.catalog = catalog;
		this.units = units;
		this.calendar = calendar;
		this.clock = clock;
		this.work = work;
	}

	record MatrixRow(String unit, String name, List<Cell> cells, long total) {
	}

	record Cell(DirectiveStatus status, long count, String href) {
	}

	record Bar(double x, double y, double width, double height, String label, long count, boolean late, String href) {
	}

	record Upcoming(DirectiveView directive, UnitPart part, boolean late) {
	}

	record Timeline(List<Bar> bars, List<Upcoming> upcoming, long overdue, List<WorkCatalog.WorkView> work) {
	}

	record Listing(List<DirectiveView> items, int page, int pages, long total) {
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(calendar.zone()));
	}

	String unitName(String code) {
		return units.nameOf(code);
	}

	/** Units a filter may choose: every unit for the office, the viewer's own otherwise. */
	List<Unit> selectableUnits(Viewer viewer) {
		return units.all().stream().filter(unit -> viewer.seesAll() || viewer.units().contains(unit.code())).toList();
	}

	/** Every directive the viewer may see, filtered by document, unit, status and quarter. */
	List<DirectiveView> directives(Viewer viewer, DirectiveQuery query) {
		return page(viewer, query, 0, Integer.MAX_VALUE).items();
	}

	Listing listing(Viewer viewer, DirectiveQuery query) {
		DirectiveCatalog.Page<DirectiveView> found = page(viewer, query, query.page(), PAGE_SIZE);
		int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (query.page() >= pages) {
			found = page(viewer, query, pages - 1, PAGE_SIZE);
		}
		return new Listing(found.items(), found.page(), pages, found.total());
	}

	/** A page of what the viewer may see, filtered and counted by the database. */
	private DirectiveCatalog.Page<DirectiveView> page(Viewer viewer, DirectiveQuery query, int page, int size) {
		Optional<DirectiveQuery.Quarter> quarter = query.quarterDays();
		if (query.quarter() != null && quarter.isEmpty() || !query.showsDirectives()) {
			return new DirectiveCatalog.Page<>(List.of(), page, size, 0);
		}
		return catalog.directives(filter(viewer, query, quarter), page, size);
	}

	private static DirectiveCatalog.Filter filter(Viewer viewer, DirectiveQuery query, Optional<DirectiveQuery.Quarter> quarter) {
		return new DirectiveCatalog.Filter(query.document(), query.unit(), query.statusValue(), viewer.seesAll() ? null : viewer.units(),
				quarter.map(DirectiveQuery.Quarter::first).orElse(null), quarter.map(DirectiveQuery.Quarter::last).orElse(null),
				query.awaitingReview());
	}

	/** A page of modelled work, for the list. */
	record WorkListing(List<WorkCatalog.WorkView> items, int page, int pages, long total) {
	}

	/**
	 * The modelled work the viewer may see, filtered like the list (unit, status, quarter, process), by the
	 * database; empty when the query asks for directives only.
	 */
	Optional<WorkCatalog.Filter> workFilter(Viewer viewer, DirectiveQuery query, DirectiveStatus status) {
		Optional<DirectiveQuery.Quarter> quarter = query.quarterDays();
		if (!query.showsWork() || query.quarter() != null && quarter.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new WorkCatalog.Filter(query.modelledProcess(), query.unit(), status, viewer.seesAll() ? null : viewer.units(),
				quarter.map(DirectiveQuery.Quarter::first).orElse(null), quarter.map(DirectiveQuery.Quarter::last).orElse(null)));
	}

	WorkListing workListing(Viewer viewer, DirectiveQuery query, int page) {
		Optional<WorkCatalog.Filter> filter = workFilter(viewer, query, query.statusValue());
		if (filter.isEmpty()) {
			return new WorkListing(List.of(), 0, 1, 0);
		}
		WorkCatalog.Page found = work.page(filter.get(), Math.max(page, 0), PAGE_SIZE);
		int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (found.page() >= pages) {
			found = work.page(filter.get(), pages - 1, PAGE_SIZE);
		}
		return new WorkListing(found.items(), found.page(), pages, found.total());
	}

	/** All the modelled work of the list, for the workbook. */
	List<WorkCatalog.WorkView> workItems(Viewer viewer, DirectiveQuery query) {
		return workFilter(viewer, query, query.statusValue()).map(work::all).orElse(List.of());
	}

	/** The deployed processes a filter offers (besides conclusions). */
	List<WorkCatalog.ProcessName> processes() {
		return work.processes();
	}

	String processName(String key) {
		return work.processes().stream().filter(p -> p.key().equals(key)).map(WorkCatalog.ProcessName::name).findFirst().orElse(key);
	}

	/** What awaits the office's review, for the overview. */
	record ReviewQueue(long count, String href) {
	}

	/**
	 * The directives of the overview's filters with a report or an extension request awaiting the office's review;
	 * {@code null} for a unit member, whose work it is not.
	 */
	ReviewQueue reviewQueue(Viewer viewer, DirectiveQuery query) {
		if (!viewer.seesAll()) {
			return null;
		}
		DirectiveQuery awaiting = query.with(query.unit(), DirectiveCatalog.AWAITING_REVIEW);
		Optional<DirectiveQuery.Quarter> quarter = awaiting.quarterDays();
		long count = awaiting.quarter() != null && quarter.isEmpty() ? 0 : catalog.count(filter(viewer, awaiting, quarter));
		return new ReviewQueue(count, awaiting.url("/directives"));
	}

	/** Lead unit parts the viewer may see, filtered like the list; what the matrix and the workbook count. */
	List<Upcoming> parts(Viewer viewer, DirectiveQuery query) {
		List<Upcoming> parts = partFilter(viewer, query, true).filter(filter -> query.showsDirectives())
			.map(filter -> catalog.parts(filter, query.statusValue()).stream()
				.map(found -> new Upcoming(found.directive(), found.part(), DirectiveStatus.OVERDUE.name().equals(found.part().status())))
				.toList())
			.orElse(List.of());
		if (!query.awaitingReview()) {
			return parts;
		}
		// the office's queue is short: its directives, then their parts
		java.util.Set<Long> awaiting = directives(viewer, query).stream().map(DirectiveView::id).collect(java.util.stream.Collectors.toSet());
		return parts.stream().filter(part -> awaiting.contains(part.directive().id())).toList();
	}

	/**
	 * The viewer's own lead parts (every unit's for the office) of the query's document and unit, and of its
	 * quarter when asked; empty when the quarter is not one, which matches nothing.
	 */
	private Optional<DirectiveCatalog.PartFilter> partFilter(Viewer viewer, DirectiveQuery query, boolean withQuarter) {
		Optional<DirectiveQuery.Quarter> quarter = withQuarter ? query.quarterDays() : Optional.empty();
		if (withQuarter && query.quarter() != null && quarter.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new DirectiveCatalog.PartFilter(query.document(), query.unit(), viewer.seesAll() ? null : viewer.units(),
				quarter.map(DirectiveQuery.Quarter::first).orElse(null), quarter.map(DirectiveQuery.Quarter::last).orElse(null)));
	}

	List<MatrixRow> matrix(Viewer viewer, DirectiveQuery query) {
		Map<String, Map<DirectiveStatus, Long>> counts = new java.util.LinkedHashMap<>();
		for (Unit unit : selectableUnits(viewer)) {
			if (query.unit() == null || query.unit().equals(unit.code())) {
				counts.put(unit.code(), new EnumMap<>(DirectiveStatus.class));
			}
		}
		partFilter(viewer, query, true).filter(filter -> query.showsDirectives()).map(catalog::partCounts).orElse(Map.of())
			.forEach((unit, byStatus) -> counts.computeIfAbsent(unit, code -> new EnumMap<>(DirectiveStatus.class)).putAll(byStatus));
		// modelled work counts with the directives' parts of its unit, status by status
		workFilter(viewer, query, null).map(work::counts).orElse(Map.of())
			.forEach((unit, byStatus) -> byStatus.forEach((status, count) -> counts
				.computeIfAbsent(unit, code -> new EnumMap<>(DirectiveStatus.class)).merge(status, count, Long::sum)));
		List<MatrixRow> rows = new ArrayList<>();
		counts.forEach((unit, byStatus) -> {
			long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
			if (total == 0) {
				return;
			}
			List<Cell> cells = COLUMNS.stream()
				.map(status -> new Cell(status, byStatus.getOrDefault(status, 0L), query.with(unit, status.name()).url("/directives")))
				.toList();
			rows.add(new MatrixRow(unit, unitName(unit), cells, total));
		});
		return rows;
	}

	/** Column totals of the matrix. */
	List<Cell> totals(List<MatrixRow> rows, DirectiveQuery query) {
		return COLUMNS.stream()
			.map(status -> new Cell(status,
					rows.stream().flatMap(row -> row.cells().stream()).filter(c -> c.status() == status).mapToLong(Cell::count).sum(),
					query.with(null, status.name()).url("/directives")))
			.toList();
	}

	/** Open lead parts due over the next weeks, one bar a week, and the late ones as a first, red bar. */
	Timeline timeline(Viewer viewer, DirectiveQuery query) {
		LocalDate today = today();
		LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate end = firstMonday.plusWeeks(TIMELINE_WEEKS);
		DirectiveCatalog.PartFilter filter = partFilter(viewer, query, false).orElseThrow();
		long overdue = catalog.overdueParts(filter);
		long[] perWeek = new long[TIMELINE_WEEKS];
		if (!query.showsDirectives()) {
			overdue = 0;
		}
		else {
			catalog.openPartsDue(filter, today, end.minusDays(1))
				.forEach((due, count) -> perWeek[(int) (java.time.temporal.ChronoUnit.DAYS.between(firstMonday, due) / 7)] += count);
		}
		// modelled work due over the same weeks, and late, counts with the parts
		Optional<WorkCatalog.Filter> work = workFilter(viewer, new DirectiveQuery(query.document(), query.unit(), null, null, 0, query.process()), null);
		for (Map.Entry<LocalDate, Long> due : work.map(f -> this.work.openDue(f, today, end.minusDays(1))).orElse(Map.of()).entrySet()) {
			if (due.getKey() == null) {
				overdue += due.getValue();
			}
			else {
				perWeek[(int) (java.time.temporal.ChronoUnit.DAYS.between(firstMonday, due.getKey()) / 7)] += due.getValue();
			}
		}
		long max = Math.max(1, Math.max(overdue, java.util.Arrays.stream(perWeek).max().orElse(0)));
		double chartHeight = 120;
		double slot = 600.0 / (TIMELINE_WEEKS + 1);
		List<Bar> bars = new ArrayList<>();
		bars.add(bar(0, slot, overdue, max, chartHeight, "Quá hạn", true,
				query.with(query.unit(), DirectiveStatus.OVERDUE.name()).url("/directives")));
		for (int week = 0; week < TIMELINE_WEEKS; week++) {
			LocalDate monday = firstMonday.plusWeeks(week);
			bars.add(bar(week + 1, slot, perWeek[week], max, chartHeight, monday.format(DAY_MONTH), false, null));
		}
		List<Upcoming> shown = new ArrayList<>();
		if (query.showsDirectives()) {
			for (DirectiveCatalog.PartView late : catalog.openParts(filter, true, null, 10)) {
				shown.add(new Upcoming(late.directive(), late.part(), true));
			}
			for (DirectiveCatalog.PartView soon : catalog.openParts(filter, false, end, 15)) {
				shown.add(new Upcoming(soon.directive(), soon.part(), false));
			}
		}
		List<WorkCatalog.WorkView> workShown = new ArrayList<>();
		work.ifPresent(f -> {
			workShown.addAll(this.work.open(f, today, true, null, 10));
			workShown.addAll(this.work.open(f, today, false, end, 15));
		});
		return new Timeline(bars, shown, overdue, workShown);
	}

	private static Bar bar(int index, double slot, long count, long max, double chartHeight, String label, boolean late, String href) {
		double height = count == 0 ? 2 : Math.max(4, chartHeight * count / max);
		return new Bar(index * slot + slot * 0.15, 20 + chartHeight - height, slot * 0.7, height, label, count, late, href);
	}

	/** Quarters that have due dates, newest first, for the filter. */
	List<String> quarters(Viewer viewer) {
		TreeSet<String> quarters = new TreeSet<>(Comparator.reverseOrder());
		DirectiveCatalog.PartFilter mine = partFilter(viewer, new DirectiveQuery(null, null, null, null, 0), false).orElseThrow();
		// from quarter to quarter: the first due day in or after each, rather than every due day there is
		for (Optional<LocalDate> due = catalog.firstDueDay(mine, null); due.isPresent();
				due = catalog.firstDueDay(mine, DirectiveQuery.firstDayOfNextQuarter(due.get()))) {
			quarters.add(DirectiveQuery.quarterOf(due.get()));
		}
		Optional<WorkCatalog.Filter> work = workFilter(viewer, new DirectiveQuery(null, null, null, null, 0), null);
		for (Optional<LocalDate> due = work.flatMap(filter -> this.work.firstDueDay(filter, null)); due.isPresent();
				due = this.work.firstDueDay(work.get(), DirectiveQuery.firstDayOfNextQuarter(due.get()))) {
			quarters.add(DirectiveQuery.quarterOf(due.get()));
		}
		quarters.add(DirectiveQuery.quarterOf(today()));
		return new ArrayList<>(quarters);
	}

	static List<UnitPart> leadParts(DirectiveView view) {
		return view.units().stream().filter(part -> LEAD.equals(part.role())).toList();
	}

	static List<String> unitCodes(DirectiveView view) {
		return view.units().stream().map(UnitPart::code).toList();
	}

}
