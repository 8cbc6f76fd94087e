package vn.dondoc.workflow.lifecycle;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveDueDateChanged;

import static vn.dondoc.directive.DirectiveProcess.VAR_DUE_DATE;
import static vn.dondoc.directive.DirectiveProcess.VAR_DUE_DATE_LABEL;
import static vn.dondoc.directive.DirectiveProcess.VAR_ONGOING;
import static vn.dondoc.directive.DirectiveProcess.VAR_UNIT;

/**
 * A directive's due date changed on re-import: every open unit part that has a final due date moves to
 * it, in the import's transaction — the unit's own due date, its open carryOut task (so reminders follow)
 * and its overdue timer. Ongoing parts keep their reporting periods.
 */
@Component
class DueDateMoves {

	private static final Logger log = LoggerFactory.getLogger(DueDateMoves.class);

	private final ProcessEngine engine;

	DueDateMoves(ProcessEngine engine) {
		this.engine = engine;
	}

	@EventListener
	void onDueDateChanged(DirectiveDueDateChanged changed) {
		String instance = changed.processInstanceId();
		Set<String> unitScopes = new LinkedHashSet<>();
		for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery()
			.processInstanceIdIn(instance)
			.variableName(VAR_DUE_DATE)
			.list()) {
			if (!instance.equals(variable.getExecutionId())) {
				unitScopes.add(variable.getExecutionId());
			}
		}
		for (String scope : unitScopes) {
			if (Boolean.TRUE.equals(engine.getRuntimeService().getVariableLocal(scope, VAR_ONGOING))) {
				continue;
			}
			Date due = changed.dueDate();
			engine.getRuntimeService().setVariableLocal(scope, VAR_DUE_DATE, due);
			engine.getRuntimeService().setVariableLocal(scope, VAR_DUE_DATE_LABEL, Dates.label(due));
			String unit = (String) engine.getRuntimeService().getVariable(scope, VAR_UNIT);
			OpenWork work = new OpenWork(engine, instance, unit);
			for (Task task : work.carryOutTasks()) {
				task.setDueDate(due);
				engine.getTaskService().saveTask(task);
			}
			work.overdueTimers().forEach(job -> engine.getManagementService().recalculateJobDuedate(job.getId(), false));
			work.newDueDateTimers().forEach(job -> engine.getManagementService().recalculateJobDuedate(job.getId(), false));
			log.info("Directive {}: the part of {} moved to its new due date {}", changed.directiveId(), unit, Dates.label(due));
		}
	}

}
