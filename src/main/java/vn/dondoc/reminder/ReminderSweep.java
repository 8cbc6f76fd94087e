package vn.dondoc.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * Tasks with nothing left to send (no policy, a finished ladder) are read once per node and remembered
 * with their revision: time alone never gives them a step again, and a change that could (a new due date,
 * new units) is a new revision of the task, read again.
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

	/** Open tasks without a wake-up that this node found with nothing left to send, as {@code id@revision}. */
	private final Set<String> settled = ConcurrentHashMap.newKeySet();

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
		// id@revision: any change to the task (due date, candidate groups, reopened) is a new revision
		List<String> missing = jdbc.sql("SELECT t.ID_ || '@' || t.REV_ FROM ACT_RU_TASK t WHERE NOT EXISTS (SELECT 1 FROM "
				+ "reminder_wake w WHERE w.task_id = t.ID_) ORDER BY t.ID_")
			.query(String.class)
			.list();
		settled.retainAll(new HashSet<>(missing));
		int given = 0;
		int failed = 0;
		int read = 0;
		for (String task : missing) {
			if (settled.contains(task)) {
				continue;
			}
			read++;
			String taskId = task.substring(0, task.lastIndexOf('@'));
			try {
				Optional<Instant> at = engine.restore(taskId);
				if (at.isEmpty()) {
					settled.add(task);
				}
				else {
					given++;
					restored.increment();
					log.warn("Task {} had no reminder wake-up; it wakes again at {}", taskId, at.get());
				}
			}
			catch (RuntimeException e) {
				failed++;
				log.error("Reminder sweep could not restore task {}: {}", taskId, e.getMessage(), e);
			}
		}
		Result result = new Result(missing.size(), read, given, failed, Duration.ofNanos(System.nanoTime() - started));
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
