package vn.dondoc.reminder;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job of one task (job key = task id, group {@value ReminderEngine#GROUP}). Its trigger is a
 * wake-up call: the engine works out from the plan and its log what is due, so a late or repeated firing
 * does no harm.
 */
@DisallowConcurrentExecution
public class ReminderJob implements Job {

	private final ReminderEngine engine;

	public ReminderJob(ReminderEngine engine) {
		this.engine = engine;
	}

	@Override
	public void execute(JobExecutionContext context) {
		engine.fire(context.getJobDetail().getKey().getName());
	}

}
