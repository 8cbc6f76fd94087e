package vn.dondoc.work;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.work.WorkItems.WorkRow;

/**
 * Keeps the rows of modelled work in step with the engine's user tasks: from the events every task publishes
 * (create, update, complete, delete), inside the engine's transaction, for every process but the directive
 * process (its tables track it). {@link WorkBackfill} takes in tasks opened before this feature existed.
 */
@Component
class WorkTracking {

	static final String OPENED = "WORK_OPENED";

	static final String DUE_MOVED = "WORK_DUE_MOVED";

	static final String DONE = "WORK_DONE";

	private final WorkItems items;

	private final UnitDirectory units;

	private final VietnamCalendar calendar;

	private final Clock clock;

	WorkTracking(WorkItems items, UnitDirectory units, VietnamCalendar calendar, Clock clock) {
		this.items = items;
		this.units = units;
		this.calendar = calendar;
		this.clock = clock;
	}

	@EventListener
	void on(DelegateTask task) {
		if (task.getProcessDefinitionId() == null) {
			return;
		}
		Process process = process(task.getBpmnModelElementInstance());
		String key = process == null ? null : process.getId();
		if (key == null || DirectiveProcess.KEY.equals(key)) {
			return;
		}
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE -> changed(task, key, process.getName());
			case TaskListener.EVENTNAME_COMPLETE -> completed(task);
			case TaskListener.EVENTNAME_DELETE -> items.removed(task.getId());
			default -> {
			}
		}
	}

	private void changed(DelegateTask task, String key, String processName) {
		LocalDate due = task.getDueDate() == null ? null : calendar.toLocalDate(task.getDueDate().toInstant());
		if (due == null) {
			// only work with a due date is tracked: one whose date was taken away is no longer
			items.removed(task.getId());
			return;
		}
		// a row always has a due date: none means no row yet
		LocalDate before = items.dueDate(task.getId()).orElse(null);
		boolean known = before != null;
		String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
		items.opened(new WorkRow(task.getId(), key, processName == null ? key : processName, task.getProcessInstanceId(), businessKey, task.getName(),
				unitOf(task), due, task.getCreateTime() == null ? clock.instant() : task.getCreateTime().toInstant(), null));
		Instant now = clock.instant();
		if (!known) {
			items.history(task.getId(), now, OPENED, actor(), "Hạn " + WorkCatalog.day(due));
		}
		else if (!Objects.equals(before, due)) {
			items.history(task.getId(), now, DUE_MOVED, actor(),
					(before == null ? "" : "Từ " + WorkCatalog.day(before) + " sang ") + WorkCatalog.day(due));
		}
	}

	private void completed(DelegateTask task) {
		Instant now = clock.instant();
		if (items.completed(task.getId(), now, calendar.toLocalDate(now))) {
			items.history(task.getId(), now, DONE, actor(), null);
		}
	}

	/** The unit of a task: its first candidate group that is a unit, else its first candidate group. */
	private String unitOf(DelegateTask task) {
		List<String> groups = new ArrayList<>();
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return groups.stream().filter(units::exists).findFirst().orElse(groups.isEmpty() ? null : groups.get(0));
	}

	private static String actor() {
		Authentication current = org.camunda.bpm.engine.impl.context.Context.getCommandContext() == null ? null
				: org.camunda.bpm.engine.impl.context.Context.getCommandContext().getAuthentication();
		return current == null ? null : current.getUserId();
	}

	private static Process process(ModelElementInstance element) {
		for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
			if (e instanceof Process process) {
				return process;
			}
		}
		return null;
	}

}
