package vn.dondoc.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The safety net under the one-wake-up-per-task design: every {@code dondoc.reminder.sweep-interval} (an
 * hour by default, the first one an interval after start-up), one node of the cluster looks for open tasks
 * that have no reminder wake-up at all and lets {@link ReminderEngine#restore} give each one again when its
 * ladder still has a step to come. A wake-up goes missing when a firing fails more often than
 * {@link ReminderPump} retries (a database down for several minutes, a bug), or when dondoc's rows are
 * restored apart from Camunda's.
 * Tasks with nothing left to send (no policy, a finished ladder) are read once and keep a row without a
 * moment, with the revision read ({@link ReminderWakes#settle}): time alone never gives them a step again,
 * and a change that could (a new due date, new units) is a new revision of the task, read again. The row
 * is in the database, so neither another node nor a restart reads them again.
 */
@Component
class ReminderSweep {

	private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

	static final JobKey JOB = JobKey.jobKey("reminder-sweep", "dondoc");

	private final Scheduler scheduler;

	private final ReminderEngine engine;

	private final JdbcClient jdbc;

	private final ReminderSettings settings;

	private final Counter restored;

	ReminderSweep(Scheduler scheduler, ReminderEngine engine, JdbcClient jdbc, ReminderSettings settings, MeterRegistry meters) {
		this.scheduler = scheduler;
		this.engine = engine;
		this.jdbc = jdbc;
		this.settings = settings;
		this.restored = Counter.builder("dondoc.reminders.restored")
			.description("Open tasks that had lost their reminder wake-up and were given one again by the sweep")
			.register(meters);
	}

	/** Schedules (or moves, or removes) the sweep's own Quartz job; every node does so, the last one wins. */
	@EventListener(ApplicationReadyEvent.class)
	void schedule() throws SchedulerException {
		Duration interval = settings.sweepInterval();
		if (!settings.enabled() || interval.isZero()) {
			scheduler.deleteJob(JOB);
			log.info("Reminder sweep is off (dondoc.reminder.sweep-interval = 0 or reminders disabled)");
			return;
		}
		RepeatingJobs.schedule(scheduler, JOB, SweepJob.class, "Tìm nhiệm vụ đang mở bị mất lịch nhắc hạn và đặt lại",
				Instant.now().plus(interval), interval);
		log.info("Reminder sweep every {} (dondoc.reminder.sweep-interval)", interval);
	}

	/**
	 * One sweep: the open tasks without a reminder wake-up, each restored in its own
	 * transaction (one that fails is logged and left for the next sweep).
	 */
	Result run() {
		long started = System.nanoTime();
		record Open(String taskId, int revision, boolean settled) {
		}
		// no moment: no row at all, or a row of a task found with nothing left to send, at the revision it had
		// then (any change to the task, a due date, candidate groups, reopened, is a new revision)
		List<Open> without = jdbc.sql("SELECT t.ID_, t.REV_, CASE WHEN w.settled_rev = t.REV_ THEN 1 ELSE 0 END "
				+ "FROM ACT_RU_TASK t LEFT JOIN reminder_wake w ON w.task_id = t.ID_ "
				+ "WHERE w.task_id IS NULL OR w.wake_at IS NULL ORDER BY t.ID_")
			.query((rs, n) -> new Open(rs.getString(1), rs.getInt(2), rs.getInt(3) == 1))
			.list();
		// rows of tasks closed while the sweep settled them
		jdbc.sql("DELETE FROM reminder_wake WHERE wake_at IS NULL AND NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t WHERE t.ID_ = task_id)")
			.update();
		int given = 0;
		int failed = 0;
		int read = 0;
		for (Open task : without) {
			if (task.settled()) {
				continue;
			}
			read++;
			try {
				Optional<Instant> at = engine.restore(task.taskId(), task.revision());
				if (at.isPresent()) {
					given++;
					restored.increment();
					log.warn("Task {} had no reminder wake-up; it wakes again at {}", task.taskId(), at.get());
				}
			}
			catch (RuntimeException e) {
				failed++;
				log.error("Reminder sweep could not restore task {}: {}", task.taskId(), e.getMessage(), e);
			}
		}
		Result result = new Result(without.size(), read, given, failed, Duration.ofNanos(System.nanoTime() - started));
		log.info("Reminder sweep: {} open task(s) without a reminder wake-up, {} of them read ({} known to have nothing left "
				+ "to send), {} given a wake-up again, {} failed, in {} ms", result.withoutWakeUp(), result.read(),
				result.withoutWakeUp() - result.read(), result.restored(), result.failed(), result.took().toMillis());
		return result;
	}

	/**
	 * What one sweep found and did.
	 *
	 * @param withoutWakeUp open tasks without a reminder wake-up
	 * @param read those of them read and planned (the others were known to have nothing left to send)
	 * @param restored those given a wake-up again
	 * @param failed those that could not be planned (tried again next time)
	 * @param took how long the sweep took
	 */
	record Result(int withoutWakeUp, int read, int restored, int failed, Duration took) {
	}

	/** The Quartz job of the sweep: one at a time in the whole cluster. */
	@DisallowConcurrentExecution
	public static class SweepJob implements Job {

		private final ReminderSweep sweep;

		public SweepJob(ReminderSweep sweep) {
			this.sweep = sweep;
		}

		@Override
		public void execute(JobExecutionContext context) {
			sweep.run();
		}

	}

}
