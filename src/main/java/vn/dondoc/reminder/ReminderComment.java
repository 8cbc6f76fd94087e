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

	/** The root of the process instance's hierarchy, as the firing read it with the task; {@code null} when not known. */
	private final String rootProcessInstanceId;

	ReminderComment(String taskId, String processInstanceId, String rootProcessInstanceId, String message) {
		super(taskId, processInstanceId, message);
		this.rootProcessInstanceId = rootProcessInstanceId;
	}

	/** No task to mark as updated. */
	@Override
	protected TaskEntity getTask(CommandContext commandContext) {
		return null;
	}

	/**
	 * The root process instance comes from the task's process instance. The firing read it a moment before,
	 * with the task: Camunda's command would select the process instance again only to ask it for its root
	 * (a tenth of a firing's CPU in a burst profile), so the command is handed an execution that carries
	 * just that. Without it, the process instance is read.
	 */
	@Override
	protected ExecutionEntity getExecution(CommandContext commandContext) {
		if (rootProcessInstanceId == null) {
			return getProcessInstance(commandContext);
		}
		ExecutionEntity root = new ExecutionEntity();
		root.setRootProcessInstanceId(rootProcessInstanceId);
		return root;
	}

}
