package vn.dondoc.workflow;

import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Listens to every user task's create/update/complete/delete events, as the reminder engine does in the
 * application (a parse listener of the test engine, see camunda.cfg.xml), and keeps what it saw.
 */
public class TaskEventRecorder extends AbstractBpmnParseListener {

	static final List<TaskEvent> EVENTS = new CopyOnWriteArrayList<>();

	@Override
	public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
		var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
		TaskListener record = task -> EVENTS.add(new TaskEvent(task.getEventName(), task.getTaskDefinitionKey(), task.getId(), task.getDueDate()));
		for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE,
				TaskListener.EVENTNAME_DELETE)) {
			definition.addBuiltInTaskListener(event, record);
		}
	}

	record TaskEvent(String event, String taskDefinitionKey, String taskId, Date dueDate) {
	}

}
