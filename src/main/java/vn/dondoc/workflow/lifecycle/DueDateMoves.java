package vn.dondoc.workflow.lifecycle;

import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DueDatesMoved;

import static vn.dondoc.directive.DirectiveProcess.EVENT_CARRY_OUT_OVERDUE;
import static vn.dondoc.directive.DirectiveProcess.EVENT_NEW_DUE_DATE_REACHED;
import static vn.dondoc.directive.DirectiveProcess.TASK_CARRY_OUT;
import static vn.dondoc.directive.DirectiveProcess.VAR_DUE_DATE;
import static vn.dondoc.directive.DirectiveProcess.VAR_DUE_DATE_LABEL;
import static vn.dondoc.directive.DirectiveProcess.VAR_ONGOING;
import static vn.dondoc.directive.DirectiveProcess.VAR_UNIT;

/**
 * Unit parts moved to new due dates on re-import: each open part that has a final due date moves, in the
 * import's transaction — the unit's own due date, its open carryOut task (so reminders follow) and its
 * overdue timer. Ongoing parts keep their reporting periods.
 * <p>
 * The work is set-based for the whole document, in one Camunda command: one query for the unit scopes of all
 * its process instances, one for their carryOut tasks, one for their timers, then one write per part. Reading the
 * tasks of each unit one by one cost a query per task and unit (units × tasks per directive) and held
 * every one of those reads until the import's transaction ended: a re-import of a large conclusion ran
 * out of memory.
 */
@Component
class DueDateMoves {

	private static final Logger log = LoggerFactory.getLogger(DueDateMoves.class);

	/** Process instances per query. */
	private static final int CHUNK = 500;

	private final ProcessEngine engine;

	DueDateMoves(ProcessEngine engine) {
		this.engine = engine;
	}

	@EventListener
	void onDueDatesMoved(DueDatesMoved moved) {
		Map<PartKey, DueDatesMoved.Part> parts = new HashMap<>();
		moved.parts().forEach(part -> parts.put(new PartKey(part.processInstanceId(), part.unit()), part));
		if (parts.isEmpty()) {
			return;
		}
		List<String> instances = List.copyOf(new LinkedHashSet<>(moved.parts().stream().map(DueDatesMoved.Part::processInstanceId).toList()));
		// one command for the whole document: the service calls below join it and share its entity cache.
		// Each command of its own would be held, with every execution and variable it loaded, by Camunda's
		// Spring transaction context until the import commits: 3 commands per part, 100+ executions each,
		// and the seed's 547 dated parts did not fit in a 512 MB heap.
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
			.execute(commandContext -> {
				move(parts, instances);
				return null;
			});
	}

	private void move(Map<PartKey, DueDatesMoved.Part> parts, List<String> instances) {
		int scopes = 0;
		int tasks = 0;
		int timers = 0;
		for (int from = 0; from < instances.size(); from += CHUNK) {
			String[] chunk = instances.subList(from, Math.min(instances.size(), from + CHUNK)).toArray(String[]::new);
			Map<String, PartKey> partOfExecution = new HashMap<>();
			Set<String> ongoing = new HashSet<>();
			scopes += moveUnitScopes(chunk, parts, partOfExecution, ongoing);
			tasks += moveTasks(chunk, parts, partOfExecution, ongoing);
			timers += recalculateTimers(chunk, parts, partOfExecution);
		}
		log.info("Moved {} unit parts of {} directives to their new due dates: {} carryOut tasks, {} overdue timers", scopes,
				instances.size(), tasks, timers);
	}

	/** The unit's own due date, in the scope of its sub-process instance; ongoing parts are left alone. */
	private int moveUnitScopes(String[] instances, Map<PartKey, DueDatesMoved.Part> parts, Map<String, PartKey> partOfExecution,
			Set<String> ongoing) {
		RuntimeService runtime = engine.getRuntimeService();
		Map<String, Map<String, Object>> scopeVariables = new HashMap<>();
		Map<String, String> instanceOfScope = new HashMap<>();
		// ongoing is the directive's (parts started since issue 18 hold no copy of it)
		Set<String> ongoingDirectives = new HashSet<>();
		for (VariableInstance variable : runtime.createVariableInstanceQuery()
			.processInstanceIdIn(instances)
			.variableNameIn(VAR_UNIT, VAR_DUE_DATE, VAR_ONGOING, VAR_DUE_DATE_LABEL)
			.list()) {
			if (!variable.getExecutionId().equals(variable.getProcessInstanceId())) {
				scopeVariables.computeIfAbsent(variable.getExecutionId(), id -> new HashMap<>())
					.put(variable.getName(), variable.getValue());
				instanceOfScope.put(variable.getExecutionId(), variable.getProcessInstanceId());
			}
			else if (VAR_ONGOING.equals(variable.getName()) && Boolean.TRUE.equals(variable.getValue())) {
				ongoingDirectives.add(variable.getProcessInstanceId());
			}
		}
		int moved = 0;
		for (Map.Entry<String, Map<String, Object>> scope : scopeVariables.entrySet()) {
			Map<String, Object> locals = scope.getValue();
			if (!(locals.get(VAR_UNIT) instanceof String unit) || !locals.containsKey(VAR_DUE_DATE)) {
				continue;
			}
			PartKey key = new PartKey(instanceOfScope.get(scope.getKey()), unit);
			DueDatesMoved.Part part = parts.get(key);
			partOfExecution.put(scope.getKey(), key);
			if (Boolean.TRUE.equals(locals.get(VAR_ONGOING)) || ongoingDirectives.contains(key.processInstanceId())) {
				// ongoing work is ongoing for every unit of the directive: its tasks follow reporting periods
				ongoing.add(key.processInstanceId());
				continue;
			}
			if (part == null) {
				continue;
			}
			Map<String, Object> update = new HashMap<>();
			update.put(VAR_DUE_DATE, part.dueDate());
			if (locals.containsKey(VAR_DUE_DATE_LABEL)) {
				// a part started before issue 18's sixth slice keeps the label it showed; the forms now get it from the date
				update.put(VAR_DUE_DATE_LABEL, Dates.label(part.dueDate()));
			}
			runtime.setVariablesLocal(scope.getKey(), update);
			moved++;
		}
		return moved;
	}

	/** The open carryOut tasks, saved through the TaskService so that the reminder engine sees an update. */
	private int moveTasks(String[] instances, Map<PartKey, DueDatesMoved.Part> parts, Map<String, PartKey> partOfExecution,
			Set<String> ongoing) {
		TaskService taskService = engine.getTaskService();
		Map<String, PartKey> partOfTask = new HashMap<>();
		parts.forEach((key, part) -> {
			if (part.taskId() != null) {
				partOfTask.put(part.taskId(), key);
			}
		});
		int moved = 0;
		for (Task task : taskService.createTaskQuery().processInstanceIdIn(instances).taskDefinitionKey(TASK_CARRY_OUT).list()) {
			PartKey key = partOfTask.get(task.getId());
			if (key == null) {
				// dondoc's record of the task is behind (a task reopened meanwhile): ask the task's own scope
				key = new PartKey(task.getProcessInstanceId(), unitOf(task.getExecutionId()));
			}
			partOfExecution.put(task.getExecutionId(), key);
			DueDatesMoved.Part part = parts.get(key);
			if (part == null || ongoing.contains(task.getProcessInstanceId()) || Objects.equals(task.getDueDate(), part.dueDate())) {
				continue;
			}
			task.setDueDate(part.dueDate());
			taskService.saveTask(task);
			moved++;
		}
		return moved;
	}

	/** The overdue timers, recalculated from the model's expression now that the unit's due date changed. */
	private int recalculateTimers(String[] instances, Map<PartKey, DueDatesMoved.Part> parts, Map<String, PartKey> partOfExecution) {
		ManagementService management = engine.getManagementService();
		// the overdue timers of every version of the model (the job query cannot filter by activity and by a
		// list of process instances at once: Camunda 7.24 writes SQL that does not parse)
		Set<String> overdueTimers = new HashSet<>();
		management.createJobDefinitionQuery()
			.activityIdIn(EVENT_CARRY_OUT_OVERDUE, EVENT_NEW_DUE_DATE_REACHED)
			.list()
			.forEach(definition -> overdueTimers.add(definition.getId()));
		int recalculated = 0;
		for (Job timer : management.createJobQuery().processInstanceIds(Set.of(instances)).timers().list()) {
			if (!overdueTimers.contains(timer.getJobDefinitionId())) {
				continue;
			}
			PartKey key = partOfExecution.get(timer.getExecutionId());
			if (key == null) {
				key = new PartKey(timer.getProcessInstanceId(), unitOf(timer.getExecutionId()));
			}
			if (parts.containsKey(key)) {
				management.recalculateJobDuedate(timer.getId(), false);
				recalculated++;
			}
		}
		return recalculated;
	}

	private String unitOf(String executionId) {
		Object unit = engine.getRuntimeService().getVariable(executionId, VAR_UNIT);
		return unit == null ? null : unit.toString();
	}

	private record PartKey(String processInstanceId, String unit) {
	}

}
