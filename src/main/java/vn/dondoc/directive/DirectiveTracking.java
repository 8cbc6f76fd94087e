package vn.dondoc.directive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.platform.TaskVariables;

/**
 * Keeps each lead unit's row in step with its Camunda task, in the task's own transaction: the task id
 * and due date when the task is created or its due date moves (a Tasklist edit, an extension), and the
 * completion time when the unit's part is recorded complete (see {@link DirectiveTrackingPlugin}).
 */
@Component
class DirectiveTracking implements ExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(DirectiveTracking.class);

	private final DirectiveRows rows;

	private final VietnamCalendar calendar;

	private final Clock clock;

	DirectiveTracking(DirectiveRows rows, VietnamCalendar calendar, Clock clock) {
		this.rows = rows;
		this.calendar = calendar;
		this.clock = clock;
	}

	@EventListener(condition = "#task.taskDefinitionKey == 'carryOut'")
	void onTask(DelegateTask task) {
		VariableScope variables = TaskVariables.of(task);
		Object directiveId = variables.getVariable(DirectiveProcess.VAR_DIRECTIVE_ID);
		Object unit = variables.getVariable(DirectiveProcess.VAR_UNIT);
		if (!(directiveId instanceof Number id) || unit == null) {
			return;
		}
		LocalDate due = task.getDueDate() == null ? null : calendar.toLocalDate(task.getDueDate().toInstant());
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> rows.taskOpened(id.longValue(), unit.toString(), task.getId(), due);
			case TaskListener.EVENTNAME_UPDATE -> rows.dueDateMoved(id.longValue(), unit.toString(), due);
			default -> {
			}
		}
	}

	/** End of a unit's part: not when the part was cancelled (process deleted, interrupting event). */
	@Override
	public void notify(DelegateExecution execution) {
		if (execution.isCanceled()) {
			return;
		}
		Object directiveId = execution.getVariable(DirectiveProcess.VAR_DIRECTIVE_ID);
		Object unit = execution.getVariable(DirectiveProcess.VAR_UNIT);
		if (directiveId instanceof Number id && unit != null) {
			Instant now = clock.instant();
			rows.partDone(id.longValue(), unit.toString(), now, calendar.toLocalDate(now));
			log.info("Directive {}: {} completed its part", execution.getBusinessKey(), unit);
		}
	}

}
