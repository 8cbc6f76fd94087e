package vn.dondoc.reminder;

import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The Tasklist comment that records a reminder, added without touching the task.
 * <p>
 * {@code TaskService.createComment} also marks its task as updated (a new revision of the task's row and
 * an update event). A firing holds its task's wake-up row locked until it commits; a unit completing the
 * same task meanwhile then waits for that row holding a stale revision, and fails (or the two deadlock).
 * A reminder changes nothing on the task, so this command writes only the comment: same type, action,
 * messages, process instance and root process instance (for history cleanup) as Camunda's own.
 */
final class ReminderComment extends AddCommentCmd {

	private static final long serialVersionUID = 1L;

	ReminderComment(String taskId, String processInstanceId, String message) {
		super(taskId, processInstanceId, message);
	}

	/** No task to mark as updated. */
	@Override
	protected TaskEntity getTask(CommandContext commandContext) {
		return null;
	}

	/** The root process instance comes from the task's process instance. */
	@Override
	protected ExecutionEntity getExecution(CommandContext commandContext) {
		return getProcessInstance(commandContext);
	}

}
