package vn.dondoc.directive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dondoc.directive.DirectiveRows.DirectiveRow;
import vn.dondoc.directive.DirectiveRows.UnitRow;

/**
 * The date of the event a directive waits on ("nhập ngày khi biết ngày diễn ra sự kiện"). Until then its lead
 * units' parts run without a due date: their carryOut tasks have none, so no reminders, and the overdue
 * timer waits on 31/12/9999. Entering the date makes it the due date of every open lead part, in one
 * transaction: dondoc's rows, the process, and through {@link DueDatesMoved} each part's task (so the
 * reminder engine schedules its ladder) and overdue timer. A date before today is refused. The directive
 * keeps its event text, so the office can correct the date later the same way.
 */
@Service
public class EventDates {

	/** {@code history_entry.kind} of an event date entered; the detail is the day as dd/MM/yyyy. */
	public static final String HISTORY_KIND = "EVENT_DATE";

	private static final Logger log = LoggerFactory.getLogger(EventDates.class);

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final DirectiveRows rows;

	private final RuntimeService runtime;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	EventDates(DirectiveRows rows, RuntimeService runtime, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.rows = rows;
		this.runtime = runtime;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The event of directive {@code directiveId} takes place on {@code day}: every open lead part is due then.
	 *
	 * @return the codes of the lead units whose parts got the date
	 * @throws EventDateRefused when the day has passed, the directive awaits no event or its tracking has ended
	 */
	@Transactional
	public List<String> enter(long directiveId, LocalDate day, String userId) {
		DirectiveRow directive = rows.directive(directiveId)
			.orElseThrow(() -> new IllegalArgumentException("Không có nhiệm vụ số " + directiveId));
		if (directive.awaitingEvent() == null) {
			throw new EventDateRefused("Nhiệm vụ " + directive.businessKey() + " không chờ sự kiện nào; thời hạn của nó theo văn bản", false);
		}
		LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
		if (day.isBefore(today)) {
			throw new EventDateRefused("Ngày diễn ra sự kiện " + DAY.format(day) + " đã qua (hôm nay là " + DAY.format(today)
					+ "); hãy nhập ngày sự kiện sắp diễn ra", true);
		}
		String instance = directive.processInstanceId();
		if (instance == null || runtime.createProcessInstanceQuery().processInstanceId(instance).active().count() == 0) {
			throw new EventDateRefused("Nhiệm vụ " + directive.businessKey() + " đã kết thúc theo dõi; không cần nhập ngày sự kiện", false);
		}
		List<UnitRow> open = rows.unitsOf(directiveId).stream()
			.filter(unit -> DirectiveRows.LEAD.equals(unit.role()) && unit.completedAt() == null)
			.toList();
		rows.enterEventDate(directiveId, day, clock.instant());
		Map<String, LocalDate> dueDates = new LinkedHashMap<>();
		List<DueDatesMoved.Part> moved = new ArrayList<>();
		for (UnitRow unit : open) {
			dueDates.put(unit.unitCode(), day);
			moved.add(new DueDatesMoved.Part(directiveId, instance, unit.unitCode(), unit.taskId(), endOfDay(day)));
		}
		rows.moveOpenDueDates(directiveId, dueDates);
		if (!moved.isEmpty()) {
			events.publishEvent(new DueDatesMoved(moved));
		}
		jdbc.sql("INSERT INTO history_entry (occurred_at, subject, kind, actor, detail) VALUES (?, ?, ?, ?, ?)")
			.params(clock.instant().atOffset(ZoneOffset.UTC), DirectiveCatalog.historySubject(directiveId), HISTORY_KIND, userId,
					DAY.format(day))
			.update();
		log.info("Directive {}: event date {} entered by {} ({} open parts)", directive.businessKey(), day, userId, open.size());
		return List.copyOf(dueDates.keySet());
	}

	/** The end of the due day in Vietnam, as the process keeps due dates. */
	private static Date endOfDay(LocalDate day) {
		return Date.from(day.atTime(23, 59, 59).atZone(VIETNAM).toInstant());
	}

}
