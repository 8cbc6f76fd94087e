package vn.dondoc.reminder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.platform.TaskVariables;

/**
 * Every user task of every process, as Camunda publishes its events (create, update, complete, delete),
 * inside the engine's transaction: the reminder wake-ups follow the task in the same commit.
 */
@Component
class TaskEventListener {

	private final ReminderEngine engine;

	private final TaskModels models;

	TaskEventListener(ReminderEngine engine, TaskModels models) {
		this.engine = engine;
		this.models = models;
	}

	@EventListener
	void on(DelegateTask task) {
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> engine.taskCreated(snapshot(task));
			case TaskListener.EVENTNAME_UPDATE -> engine.taskChanged(snapshot(task));
			case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> engine.taskClosed(task.getId());
			default -> {
			}
		}
	}

	private TaskSnapshot snapshot(DelegateTask task) {
		List<String> groups = new ArrayList<>();
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		Map<String, Object> variables = new HashMap<>();
		VariableScope scope = TaskVariables.of(task);
		for (String name : TaskSnapshot.VARIABLES) {
			Object value = scope.getVariable(name);
			if (value != null) {
				variables.put(name, value);
			}
		}
		return new TaskSnapshot(task.getId(), task.getProcessInstanceId(), null, task.getProcessDefinitionId(),
				task.getTaskDefinitionKey(), task.getName(), task.getCreateTime().toInstant(), task.getDueDate(), groups, variables,
				models.properties(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getBpmnModelElementInstance()));
	}

}
