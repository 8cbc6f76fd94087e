package vn.dondoc.work;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.work.WorkItems.WorkRow;

/**
 * At start-up, the engine's open tasks with a due date that have no row yet (opened before this feature
 * existed) become tracked work; one statement finds them, so a start with nothing to take in costs one query.
 */
@Component
public class WorkBackfill {

	private static final Logger log = LoggerFactory.getLogger(WorkBackfill.class);

	private final WorkItems items;

	private final VietnamCalendar calendar;

	private final Clock clock;

	WorkBackfill(WorkItems items, VietnamCalendar calendar, Clock clock) {
		this.items = items;
		this.calendar = calendar;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStartUp() {
		run();
	}

	/** Takes in every open modelled task with a due date that has no row; how many there were. */
	public int run() {
		List<WorkItems.Untracked> untracked = items.untracked(DirectiveProcess.KEY);
		for (WorkItems.Untracked task : untracked) {
			items.opened(new WorkRow(task.taskId(), task.processKey(), task.processName() == null ? task.processKey() : task.processName(),
					task.processInstanceId(), task.businessKey(), task.taskName(), task.candidateGroup(),
					calendar.toLocalDate(task.dueAt()), task.createdAt() == null ? clock.instant() : task.createdAt(), null));
		}
		if (!untracked.isEmpty()) {
			log.info("Tracking {} open modelled task(s) opened before tracking began", untracked.size());
		}
		return untracked.size();
	}

}
