package vn.dondoc.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.dondoc.security.Viewer;

/**
 * The trends as the overview shows them, counted at most once every {@link #FRESH_MINUTES} minutes for each
 * scope (what the viewer sees, the filters, the day). The overview is the page everyone opens first; its
 * two trend queries cost more than its matrix at 100,000 directives, while weekly and quarterly figures
 * hardly move within minutes. The page {@code /xu-huong} always counts afresh, and the overview says when
 * its figures were counted.
 */
@Component
class OverviewTrends {

	static final int FRESH_MINUTES = 5;

	private static final int MAX_SCOPES = 500;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	/** Figures as counted, and when (HH:mm, Vietnam time). */
	record Counted(Trends.View view, String at) {
	}

	private record Scope(boolean all, Set<String> units, DirectiveQuery query, int limit, LocalDate day) {
	}

	private record Entry(Counted counted, long countedAt) {
	}

	private final Trends trends;

	private final Clock clock;

	private final Map<Scope, Entry> counted = new ConcurrentHashMap<>();

	OverviewTrends(Trends trends, Clock clock) {
		this.trends = trends;
		this.clock = clock;
	}

	Counted view(Viewer viewer, DirectiveQuery query, int limit) {
		long now = System.nanoTime();
		LocalDateTime inVietnam = LocalDateTime.now(clock.withZone(WebDates.VIETNAM));
		Scope scope = new Scope(viewer.seesAll(), Set.copyOf(viewer.units()), query, limit, inVietnam.toLocalDate());
		Entry entry = counted.get(scope);
		if (entry == null || now - entry.countedAt() > FRESH_MINUTES * 60_000_000_000L) {
			if (counted.size() >= MAX_SCOPES) {
				counted.clear();
			}
			entry = new Entry(new Counted(trends.view(viewer, query, limit), inVietnam.format(TIME)), now);
			counted.put(scope, entry);
		}
		return entry.counted();
	}

}
