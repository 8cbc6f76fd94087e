package vn.dondoc.reminder;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What firings need of their tasks ({@link TaskSnapshot}), read for several tasks at once: the tasks, their
 * candidate groups and the executions of their process instances with one plain select each, then the
 * variables a reminder uses, of all those instances, with one variable query of the engine, which
 * deserializes them as the task service does. The pump fires ten tasks to a transaction; read one by one,
 * with the engine's look-ups by id, their four statements a task were a third of a firing's CPU in a burst
 * profile (BENCHMARKS.md).
 * <p>
 * A variable is taken from the nearest scope that has it, as {@code TaskService.getVariables} does: the
 * task's own variables, then its execution's, then each parent execution's up to the process instance. A
 * task that no longer exists is left out of the answer.
 */
final class TaskRead {

	private final JdbcClient jdbc;

	private final CommandExecutor commands;

	/** The model's extension properties of a user task, by process definition and task key. */
	private final BiFunction<String, String, Map<String, String>> properties;

	TaskRead(JdbcClient jdbc, CommandExecutor commands, BiFunction<String, String, Map<String, String>> properties) {
		this.jdbc = jdbc;
		this.commands = commands;
		this.properties = properties;
	}

	private record Task(String id, String processInstanceId, String executionId, String processDefinitionId,
			String taskDefinitionKey, String name, Date createdAt, Date dueDate) {
	}

	private record Execution(String parentId, String rootProcessInstanceId) {
	}

	/** The snapshots of those of the tasks that exist, by task id, in the order asked. */
	Map<String, TaskSnapshot> read(Collection<String> taskIds) {
		if (taskIds.isEmpty()) {
			return Map.of();
		}
		Map<String, Task> tasks = new HashMap<>();
		jdbc.sql("SELECT ID_, PROC_INST_ID_, EXECUTION_ID_, PROC_DEF_ID_, TASK_DEF_KEY_, NAME_, CREATE_TIME_, DUE_DATE_ "
				+ "FROM ACT_RU_TASK WHERE ID_ IN (:ids)")
			.param("ids", taskIds)
			.query((rs, n) -> new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), date(rs.getTimestamp(7)), date(rs.getTimestamp(8))))
			.list()
			.forEach(task -> tasks.put(task.id(), task));
		if (tasks.isEmpty()) {
			return Map.of();
		}
		Map<String, List<String>> groups = new HashMap<>();
		jdbc.sql("SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ IN (:ids) AND TYPE_ = 'candidate' "
				+ "AND GROUP_ID_ IS NOT NULL")
			.param("ids", tasks.keySet())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(link -> groups.computeIfAbsent(link.getKey(), key -> new ArrayList<>()).add(link.getValue()));
		Set<String> instances = new LinkedHashSet<>();
		tasks.values().stream().filter(task -> task.executionId() != null).forEach(task -> instances.add(task.processInstanceId()));
		Map<String, Execution> executions = new HashMap<>();
		Map<String, Map<String, Map<String, Object>>> byScope = new HashMap<>();
		if (!instances.isEmpty()) {
			jdbc.sql("SELECT ID_, PARENT_ID_, ROOT_PROC_INST_ID_ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ IN (:instances)")
				.param("instances", instances)
				.query((rs, n) -> Map.entry(rs.getString(1), new Execution(rs.getString(2), rs.getString(3))))
				.list()
				.forEach(execution -> executions.put(execution.getKey(), execution.getValue()));
			for (VariableInstance variable : commands.execute(context -> variables(context, instances))) {
				// a task's own variables are its scope alone; the others by the execution that holds them
				String scope = variable.getTaskId() != null ? "task:" + variable.getTaskId() : variable.getExecutionId();
				byScope.computeIfAbsent(variable.getProcessInstanceId(), key -> new HashMap<>())
					.computeIfAbsent(scope, key -> new HashMap<>())
					.put(variable.getName(), variable.getValue());
			}
		}
		Map<String, TaskSnapshot> snapshots = new LinkedHashMap<>();
		for (String taskId : taskIds) {
			Task task = tasks.get(taskId);
			if (task == null) {
				continue;
			}
			Execution instance = executions.get(task.processInstanceId());
			Map<String, Object> variables = task.executionId() == null ? Map.of()
					: variables(task, executions, byScope.getOrDefault(task.processInstanceId(), Map.of()));
			snapshots.put(taskId, new TaskSnapshot(task.id(), task.processInstanceId(),
					instance == null ? null : instance.rootProcessInstanceId(), task.processDefinitionId(),
					task.taskDefinitionKey(), task.name(), task.createdAt().toInstant(), task.dueDate(),
					groups.getOrDefault(taskId, List.of()), variables,
					properties.apply(task.processDefinitionId(), task.taskDefinitionKey())));
		}
		return snapshots;
	}

	/**
	 * The variables a reminder uses, of these process instances, deserialized; whoever is signed in on this
	 * thread, as the engine's own reads of a task do (a firing reads for the units it writes to).
	 */
	private static List<VariableInstance> variables(CommandContext context, Set<String> instances) {
		context.disableAuthorizationCheck();
		try {
			VariableInstanceQueryImpl query = new VariableInstanceQueryImpl();
			query.processInstanceIdIn(instances.toArray(String[]::new)).variableNameIn(TaskSnapshot.VARIABLES.toArray(String[]::new));
			return query.executeList(context, null);
		}
		finally {
			context.enableAuthorizationCheck();
		}
	}

	/** The variables as the task sees them: from its own scope, then its execution's, up to the process instance. */
	private static Map<String, Object> variables(Task task, Map<String, Execution> executions,
			Map<String, Map<String, Object>> byScope) {
		List<Map<String, Object>> scopes = new ArrayList<>();
		scopes.add(byScope.getOrDefault("task:" + task.id(), Map.of()));
		Set<String> seen = new HashSet<>();
		for (String id = task.executionId(); id != null && seen.add(id); id = executions.containsKey(id) ? executions.get(id).parentId() : null) {
			scopes.add(byScope.getOrDefault(id, Map.of()));
		}
		Map<String, Object> values = new HashMap<>();
		for (String name : TaskSnapshot.VARIABLES) {
			for (Map<String, Object> scope : scopes) {
				if (scope.containsKey(name)) {
					Object value = scope.get(name);
					if (value != null) {
						values.put(name, value);
					}
					break;
				}
			}
		}
		return values;
	}

	private static Date date(Timestamp timestamp) {
		return timestamp == null ? null : new Date(timestamp.getTime());
	}

}
