package vn.dondoc.reminder;

import java.util.concurrent.TimeUnit;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one task (job key = task id, group {@value ReminderEngine#GROUP}). Its trigger is a
 * wake-up call: the engine works out from the plan and its log what is due, so a late or repeated firing
 * does no harm.
 * <p>
 * Two firings of one task may run at once (a trigger set "now" by a task change while the previous one
 * runs, rarely): the engine's log records each step once ({@code reminder_log_once}), so the second one
 * either finds the step handled or fails on the log and runs again. The job is therefore not marked
 * {@code @DisallowConcurrentExecution}: with it, a clustered Quartz blocks and unblocks the job's other
 * triggers under its one database lock for every firing, five statements of about twenty that a reminder
 * burst queued behind that lock for (BENCHMARKS.md, "Reminder burst (issue 18)").
 */
public class ReminderJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	/** Attempts after a failure, about a minute in all: long enough for a dropped database connection. */
	static final int MAX_REFIRES = 10;

	private final ReminderEngine engine;

	public ReminderJob(ReminderEngine engine) {
		this.engine = engine;
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		String taskId = context.getJobDetail().getKey().getName();
		try {
			engine.fire(taskId);
		}
		catch (RuntimeException e) {
			// the trigger is one-shot and the next one is set inside the failed transaction: giving up here
			// would leave the task without reminders, so the job runs again, after a growing pause
			int refires = context.getRefireCount();
			boolean again = refires < MAX_REFIRES;
			if (again) {
				log.warn("Reminders of task {} failed ({}); trying again ({}/{})", taskId, e.getMessage(), refires + 1, MAX_REFIRES);
				pause(Math.min(1000L * (refires + 1), 10_000L));
			}
			else {
				log.error("Reminders of task {} failed {} times; the task has no reminder trigger until it changes or the "
						+ "next reminder sweep (dondoc.reminder.sweep-interval) gives it one again", taskId, refires + 1, e);
			}
			throw new JobExecutionException(e, again);
		}
	}

	private static void pause(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
