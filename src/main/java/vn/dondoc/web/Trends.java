package vn.dondoc.web;

import java.text.Collator;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.SelectSql;
import vn.dondoc.security.Viewer;
import vn.dondoc.work.WorkCatalog;

/**
 * The dashboard's trends, counted by the database in one grouped query each: how many of each unit's parts due in
 * a quarter were done on or before their due date, and how many open parts were past their due date at the end of
 * each week. Lead parts of directives and modelled work (work_item rows) count together, as in the matrix; a unit
 * member counts only its own units' parts.
 */
@Service
class Trends {

	/** Quarters shown: the current one and the five before it. */
	static final int QUARTERS = 6;

	/** Points of the overdue series: the end of each of the last 25 weeks (Sunday), then today. */
	static final int WEEKS = 26;

	private final JdbcClient jdbc;

	private final DirectiveCatalog directives;

	private final WorkCatalog work;

	private final Dashboard dashboard;

	Trends(JdbcClient jdbc, DirectiveCatalog directives, WorkCatalog work, Dashboard dashboard) {
		this.jdbc = jdbc;
		this.directives = directives;
		this.work = work;
		this.dashboard = dashboard;
	}

	/** A calendar quarter. */
	record Quarter(int year, int number) implements Comparable<Quarter> {

		static Quarter of(LocalDate day) {
			return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
		}

		LocalDate first() {
			return LocalDate.of(year, (number - 1) * 3 + 1, 1);
		}

		LocalDate last() {
			return first().plusMonths(3).minusDays(1);
		}

		Quarter previous() {
			return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
		}

		/** "Quý I/2027". */
		String label() {
			return "Quý " + List.of("I", "II", "III", "IV").get(number - 1) + "/" + year;
		}

		@Override
		public int compareTo(Quarter other) {
			return Comparator.comparingInt(Quarter::year).thenComparingInt(Quarter::number).compare(this, other);
		}

	}

	/** Of {@code counted} parts, {@code onTime} were done on or before their due date. */
	record Share(long onTime, long counted) {

		static final Share NONE = new Share(0, 0);

		Share plus(Share other) {
			return new Share(onTime + other.onTime, counted + other.counted);
		}

		/** The share in whole percent, rounded down (so that 99.5 % never reads as 100 %). */
		int percent() {
			return counted == 0 ? 0 : (int) (onTime * 100 / counted);
		}

		/** "7/9". */
		String fraction() {
			return onTime + "/" + counted;
		}

	}

	/** A unit's shares, quarter by quarter (in the order of {@link OnTime#quarters}), and over all of them. */
	record UnitShares(String unit, String name, List<Share> quarters, Share total) {
	}

	/**
	 * On-time completion by unit and quarter; the units with something counted, the lowest total share first. The
	 * current quarter counts only what is decided: parts done, and open parts whose due date has passed.
	 */
	record OnTime(List<Quarter> quarters, List<UnitShares> units) {

		boolean isEmpty() {
			return units.isEmpty();
		}

		/** The first {@code limit} units (the worst), for the overview. */
		OnTime worst(int limit) {
			return units.size() <= limit ? this : new OnTime(quarters, units.subList(0, limit));
		}

	}

	/** Open parts past their due date at the end of a day. */
	record Point(LocalDate day, long overdue) {
	}

	/** The overdue parts week by week, oldest first, the last point today. */
	record Backlog(List<Point> points) {

		boolean isEmpty() {
			return points.stream().allMatch(point -> point.overdue() == 0);
		}

	}

	/**
	 * Both trends as the pages show them: the on-time chart of at most {@code limit} units (the worst) and how many
	 * more there are, the overdue series; each drawn only when it has something to show.
	 */
	record View(OnTime onTime, int moreUnits, String onTimeSvg, Backlog backlog, String backlogSvg) {
	}

	View view(Viewer viewer, DirectiveQuery query, int limit) {
		OnTime all = onTime(viewer, query);
		OnTime shown = all.worst(limit);
		Backlog backlog = backlog(viewer, query);
		return new View(shown, all.units().size() - shown.units().size(), shown.isEmpty() ? null : TrendCharts.onTime(shown), backlog,
				backlog.isEmpty() ? null : TrendCharts.backlog(backlog));
	}

	/** On-time completion over the current quarter and the {@value #QUARTERS} - 1 before it. */
	OnTime onTime(Viewer viewer, DirectiveQuery query) {
		LocalDate today = dashboard.today();
		List<Quarter> quarters = new ArrayList<>();
		for (Quarter quarter = Quarter.of(today); quarters.size() < QUARTERS; quarter = quarter.previous()) {
			quarters.add(0, quarter);
		}
		Map<String, Map<Quarter, Share>> found = new HashMap<>();
		parts(viewer, query).ifPresent(parts -> {
			Map<String, Object> params = new HashMap<>(parts.params());
			// the quarter's index by comparisons (cheaper than EXTRACT, the same on H2 and PostgreSQL); none outside
			StringBuilder quarter = new StringBuilder("CASE WHEN p.due_date < :trendQuarter0 THEN NULL");
			for (int i = 0; i < quarters.size(); i++) {
				params.put("trendQuarter" + i, quarters.get(i).first());
				quarter.append(" WHEN p.due_date < :trendQuarter").append(i + 1).append(" THEN ").append(i);
			}
			params.put("trendQuarter" + quarters.size(), quarters.get(quarters.size() - 1).last().plusDays(1));
			params.put("trendToday", today);
			// no condition on the due date alone: the window is a large part of all parts, which the database reads
			// faster through the table than through the due-date index (H2 would fetch each row by its key)
			jdbc.sql("SELECT x.unit_code, x.q, COUNT(*), SUM(x.on_time) FROM (SELECT p.unit_code, " + quarter + " END AS q,"
					+ " CASE WHEN p.completed_on IS NOT NULL AND p.completed_on <= p.due_date THEN 1 ELSE 0 END AS on_time"
					+ " FROM (" + parts.sql() + ") p WHERE p.unit_code IS NOT NULL"
					+ " AND (p.completed_on IS NOT NULL OR p.due_date < :trendToday)) x WHERE x.q IS NOT NULL GROUP BY x.unit_code, x.q")
				.params(params)
				.query((rs, n) -> found.computeIfAbsent(rs.getString(1), unit -> new HashMap<>())
					.put(quarters.get(rs.getInt(2)), new Share(rs.getLong(4), rs.getLong(3))))
				.list();
		});
		Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
		List<UnitShares> units = new ArrayList<>();
		found.forEach((unit, byQuarter) -> {
			List<Share> shares = quarters.stream().map(quarter -> byQuarter.getOrDefault(quarter, Share.NONE)).toList();
			Share total = shares.stream().reduce(Share.NONE, Share::plus);
			units.add(new UnitShares(unit, dashboard.unitName(unit), shares, total));
		});
		// the worst first; equal shares by more parts late, then by name
		units.sort(Comparator.comparingDouble((UnitShares u) -> (double) u.total().onTime() / u.total().counted())
			.thenComparing(u -> -(u.total().counted() - u.total().onTime()))
			.thenComparing(UnitShares::name, vietnamese));
		return new OnTime(quarters, units);
	}

	/** The days of the overdue series: the Sundays of the last weeks, then today. */
	List<LocalDate> backlogDays() {
		LocalDate today = dashboard.today();
		List<LocalDate> days = new ArrayList<>(List.of(today));
		for (LocalDate sunday = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)); days.size() < WEEKS;
				sunday = sunday.minusWeeks(1)) {
			days.add(0, sunday);
		}
		return days;
	}

	/**
	 * Open parts past their due date at the end of each day of {@link #backlogDays}: due before that day and not done
	 * by it. One grouped query counts the days on which parts fell due and on which late parts were done; the running
	 * sums give the series. Parts done on time never count, nor parts done before the first day.
	 */
	Backlog backlog(Viewer viewer, DirectiveQuery query) {
		List<LocalDate> days = backlogDays();
		TreeMap<LocalDate, Long> fellDue = new TreeMap<>();
		TreeMap<LocalDate, Long> doneLate = new TreeMap<>();
		long[] before = new long[1];
		parts(viewer, query).ifPresent(parts -> {
			Map<String, Object> params = new HashMap<>(parts.params());
			params.put("trendFirst", days.get(0));
			params.put("trendLast", days.get(days.size() - 1));
			String late = "(p.completed_on IS NULL OR (p.completed_on > p.due_date AND p.completed_on >= :trendFirst))";
			// due before the first day: no day (counted for all); due on the last day or later, or never: the last day,
			// which no sum counts (so that no condition on the due date alone sends the database through its index)
			jdbc.sql("SELECT x.k, x.d, COUNT(*) FROM (SELECT 0 AS k, CASE WHEN p.due_date < :trendFirst THEN NULL"
					+ " WHEN p.due_date < :trendLast THEN p.due_date ELSE :trendLast END AS d FROM (" + parts.sql() + ") p WHERE " + late
					+ " UNION ALL SELECT 1 AS k, p.completed_on AS d FROM (" + parts.sql() + ") p"
					+ " WHERE p.due_date < p.completed_on AND p.completed_on BETWEEN :trendFirst AND :trendLast"
					+ ") x GROUP BY x.k, x.d")
				.params(params)
				.query((rs, n) -> {
					LocalDate day = rs.getObject(2, LocalDate.class);
					long count = rs.getLong(3);
					if (day == null) {
						before[0] += count;
					}
					else {
						(rs.getInt(1) == 0 ? fellDue : doneLate).merge(day, count, Long::sum);
					}
					return day;
				})
				.list();
		});
		List<Point> points = new ArrayList<>();
		for (LocalDate day : days) {
			// due before the day, less those done (late) by its end
			long due = before[0] + fellDue.headMap(day, false).values().stream().mapToLong(Long::longValue).sum();
			long done = doneLate.headMap(day, true).values().stream().mapToLong(Long::longValue).sum();
			points.add(new Point(day, due - done));
		}
		return new Backlog(points);
	}

	/**
	 * The parts the viewer may see, filtered by the query's document, unit and process: lead parts of directives and
	 * modelled work as one select; none when the query asks for neither.
	 */
	private Optional<SelectSql> parts(Viewer viewer, DirectiveQuery query) {
		Set<String> within = viewer.seesAll() ? null : viewer.units();
		List<SelectSql> selects = new ArrayList<>();
		if (query.showsDirectives()) {
			selects.add(directives.partsSql(new DirectiveCatalog.PartFilter(query.document(), query.unit(), within, null, null)));
		}
		if (query.showsWork()) {
			selects.add(work.itemsSql(new WorkCatalog.Filter(query.modelledProcess(), query.unit(), null, within, null, null)));
		}
		if (selects.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		selects.forEach(select -> params.putAll(select.params()));
		return Optional.of(new SelectSql(String.join(" UNION ALL ", selects.stream().map(SelectSql::sql).toList()), params));
	}

}
