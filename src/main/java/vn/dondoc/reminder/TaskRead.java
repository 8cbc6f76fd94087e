package vn.dondoc.reminder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What a firing needs of its task ({@link TaskSnapshot}), read with four plain look-ups by id: the task,
 * its identity links, the executions of its process instance and that instance's variables. The task
 * service's own way (a task query, then the variables scope by scope) builds each statement from
 * Camunda's dynamic SQL, which took about a third of a node's CPU during a reminder burst
 * (BENCHMARKS.md).
 * <p>
 * A variable is taken from the nearest scope that has it, as {@code TaskService.getVariables} does: the
 * task's own variables, then its execution's, then each parent execution's up to the process instance.
 * Returns {@code null} when the task no longer exists.
 */
final class TaskRead implements Command<TaskSnapshot> {

	private final String taskId;

	/** The model's extension properties of a user task, by process definition and task key. */
	private final BiFunction<String, String, Map<String, String>> properties;

	TaskRead(String taskId, BiFunction<String, String, Map<String, String>> properties) {
		this.taskId = taskId;
		this.properties = properties;
	}

	@Override
	public TaskSnapshot execute(CommandContext context) {
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null) {
			return null;
		}
		List<String> groups = new ArrayList<>();
		for (IdentityLinkEntity link : context.getIdentityLinkManager().findIdentityLinksByTaskId(taskId)) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		List<ExecutionEntity> executions = task.getExecutionId() == null ? List.of()
				: context.getExecutionManager().findExecutionsByProcessInstanceId(task.getProcessInstanceId());
		Map<String, Object> variables = task.getExecutionId() == null ? Map.of() : variables(context, task, executions);
		String root = executions.stream()
			.filter(execution -> execution.getId().equals(task.getProcessInstanceId()))
			.map(ExecutionEntity::getRootProcessInstanceId)
			.findFirst()
			.orElse(null);
		return new TaskSnapshot(task.getId(), task.getProcessInstanceId(), root, task.getProcessDefinitionId(),
				task.getTaskDefinitionKey(), task.getName(), task.getCreateTime().toInstant(), task.getDueDate(), groups,
				variables, properties.apply(task.getProcessDefinitionId(), task.getTaskDefinitionKey()));
	}

	private static Map<String, Object> variables(CommandContext context, TaskEntity task, List<ExecutionEntity> executions) {
		Map<String, String> parents = new HashMap<>();
		String instance = task.getProcessInstanceId();
		for (ExecutionEntity execution : executions) {
			parents.put(execution.getId(), execution.getParentId());
		}
		// the scopes, nearest first: the task (key null), its execution, that execution's parents
		List<String> scopes = new ArrayList<>();
		scopes.add(null);
		Set<String> seen = new HashSet<>();
		for (String id = task.getExecutionId(); id != null && seen.add(id); id = parents.get(id)) {
			scopes.add(id);
		}
		Map<String, Map<String, VariableInstanceEntity>> byScope = new HashMap<>();
		List<VariableInstanceEntity> all = context.getVariableInstanceManager().findVariableInstancesByProcessInstanceId(instance);
		for (VariableInstanceEntity variable : all) {
			// another task's own variables are no scope of this task
			boolean own = task.getId().equals(variable.getTaskId());
			if (!TaskSnapshot.VARIABLES.contains(variable.getName()) || (variable.getTaskId() != null && !own)) {
				continue;
			}
			byScope.computeIfAbsent(own ? null : variable.getExecutionId(), key -> new HashMap<>()).put(variable.getName(), variable);
		}
		Map<String, Object> values = new HashMap<>();
		for (String name : TaskSnapshot.VARIABLES) {
			for (String scope : scopes) {
				VariableInstanceEntity variable = byScope.getOrDefault(scope, Map.of()).get(name);
				if (variable != null) {
					Object value = variable.getTypedValue(true).getValue();
					if (value != null) {
						values.put(name, value);
					}
					break;
				}
			}
		}
		return values;
	}

}
