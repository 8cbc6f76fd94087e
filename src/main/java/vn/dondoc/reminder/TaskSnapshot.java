package vn.dondoc.reminder;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * What the engine needs to know about a user task, taken from a task event or read by {@link TaskRead}.
 *
 * @param taskId the task
 * @param processInstanceId its process instance, or {@code null} for a standalone task
 * @param rootProcessInstanceId the root of its process instance's hierarchy (for its Tasklist comments), or
 * {@code null} when not read
 * @param processDefinitionId its process definition (for the model's extension properties)
 * @param taskDefinitionKey the user task's id in the model
 * @param name the task's name
 * @param createdAt when it was created
 * @param dueDate its due date, or {@code null}
 * @param candidateGroups its candidate groups (units among them)
 * @param variables the process variables the messages use (directive, document, unit, extensions)
 * @param properties the Camunda extension properties of the user task in the model
 */
record TaskSnapshot(String taskId, String processInstanceId, String rootProcessInstanceId, String processDefinitionId,
		String taskDefinitionKey, String name, Instant createdAt, Date dueDate, List<String> candidateGroups,
		Map<String, Object> variables, Map<String, String> properties) {

	/**
	 * The unit's work this task stands for: process instance, task in the model and unit. A reopened task
	 * (same scope, new id) carries on its ladder instead of starting again.
	 */
	String scope() {
		if (processInstanceId == null) {
			return taskId;
		}
		String unit = candidateGroups.isEmpty() ? String.valueOf(variables.getOrDefault("unit", taskId))
				: String.join(",", candidateGroups.stream().sorted().toList());
		return processInstanceId + "/" + taskDefinitionKey + "/" + unit;
	}

	/** The variables a reminder reads (others are left alone: they may be large). */
	static final List<String> VARIABLES = List.of("directiveId", "documentCode", "documentTitle", "section",
			"directiveText", "unit", "originalDueDate", "extensions");

}
