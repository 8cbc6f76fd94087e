package vn.dondoc.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the reminder steps that have come: one Quartz job for all tasks, instead of one Quartz job and
 * trigger per task (issue 18: in a clustered JobStore each firing takes the cluster-wide lock three times,
 * which set the pace of a reminder burst). The job has {@link #TICKS} triggers, each repeating every
 * {@code dondoc.reminder.poll-interval} (a second by default), spread evenly over that interval: each runs
 * on whichever node of the cluster takes it, and a node keeps the trigger it took while it lives, so with
 * one trigger a single node would take every tick of a burst.
 * <p>
 * A run takes the due rows of {@link ReminderWakes}, {@link #FIRINGS_PER_TRANSACTION} to a transaction that
 * locks their rows, sends what has come and sets each task's next wake-up ({@link ReminderEngine#fireAllIfDue});
 * when such a transaction fails, the run fires its tasks again one by one ({@link ReminderEngine#fireIfDue}),
 * so that a task that cannot be fired holds up no other. Rows locked by another
 * run, here or on another node, are passed over, so a burst is shared by every node whose ticks come
 * while it lasts, up to {@code dondoc.reminder.workers} runs at once on each. A node that dies in the middle
 * of a firing leaves nothing claimed: its transaction is rolled back and the row is due again. A firing
 * that fails is tried again after a growing pause, ten times; then the task's wake-up is dropped with an
 * error in the log, and the sweep ({@link ReminderSweep}) gives it one again later.
 */
@Component
class ReminderPump {

	private static final Logger log = LoggerFactory.getLogger(ReminderPump.class);

	static final JobKey JOB = JobKey.jobKey("reminder-pump", "dondoc");

	/** Failed firings of one task in a row before its wake-up is dropped: about a minute in all. */
	static final int MAX_ATTEMPTS = 10;

	/**
	 * The pump's triggers: up to this many nodes of a cluster take ticks of the pump, and so share a burst
	 * (see {@link RepeatingJobs#schedule(Scheduler, JobKey, Class, String, Instant, Duration, int)}). A single
	 * node takes them all, and so looks for due steps this many times per poll interval.
	 */
	static final int TICKS = 4;

	/** Due rows read at a time (without locking) by a run. */
	static final int BATCH = 200;

	/**
	 * Tasks fired in one transaction: one commit, and one wake of the notification dispatcher, for all of them
	 * instead of one each. A failure among them rolls them all back, and they are fired again one by one.
	 */
	static final int FIRINGS_PER_TRANSACTION = 10;

	private final Scheduler scheduler;

	private final ReminderEngine engine;

	private final ReminderWakes wakes;

	private final ReminderSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Semaphore workers;

	private volatile boolean stopping;

	ReminderPump(Scheduler scheduler, ReminderEngine engine, ReminderWakes wakes, ReminderSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.scheduler = scheduler;
		this.engine = engine;
		this.wakes = wakes;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
		this.workers = new Semaphore(settings.workers());
	}

	/** Schedules (or moves, or removes) the pump's Quartz job; every node does so, the last one wins. */
	@EventListener(ApplicationReadyEvent.class)
	void schedule() throws SchedulerException {
		Duration interval = settings.pollInterval();
		if (!settings.enabled() || interval.isZero()) {
			scheduler.deleteJob(JOB);
			log.info("Reminders are not sent from this cluster (reminders disabled or dondoc.reminder.poll-interval = 0)");
			return;
		}
		RepeatingJobs.schedule(scheduler, JOB, PumpJob.class, "Gửi các bước nhắc hạn đã đến giờ", Instant.now(), interval,
				TICKS);
		log.info("Reminder steps are looked for every {} (dondoc.reminder.poll-interval), {} at once on this node "
				+ "(dondoc.reminder.workers)", interval, settings.workers());
	}

	/** The node is stopping: runs under way finish the firing in hand and end. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		stopping = true;
	}

	/**
	 * One run: fires the due tasks until none is left that another run does not hold, or the node stops.
	 * Returns at once when this node already has {@code dondoc.reminder.workers} runs going.
	 *
	 * @return how many tasks it fired
	 */
	int run() {
		if (!workers.tryAcquire()) {
			return 0;
		}
		int fired = 0;
		try {
			while (!stopping) {
				List<String> due = new ArrayList<>(wakes.due(clock.instant(), BATCH));
				if (due.isEmpty()) {
					break;
				}
				// runs that read the same rows start at different places, and pass over each other's rows
				Collections.rotate(due, ThreadLocalRandom.current().nextInt(due.size()));
				int firedNow = 0;
				for (int from = 0; from < due.size() && !stopping; from += FIRINGS_PER_TRANSACTION) {
					firedNow += fire(due.subList(from, Math.min(from + FIRINGS_PER_TRANSACTION, due.size())));
				}
				// nothing of it was ours to fire (held by other runs, or failing): the next tick looks again
				if (firedNow == 0) {
					break;
				}
				fired += firedNow;
			}
		}
		catch (RuntimeException e) {
			// the due tasks could not be read (the database is away): they are still due at the next tick
			log.warn("Reminder pump stopped after {} task(s): {}; the next tick looks again", fired, e.getMessage());
		}
		finally {
			workers.release();
		}
		return fired;
	}

	/** Fires the tasks together; when that fails, each on its own, so that only the one that fails counts a failure. */
	private int fire(List<String> taskIds) {
		if (taskIds.size() > 1) {
			try {
				return engine.fireAllIfDue(taskIds);
			}
			catch (RuntimeException e) {
				log.debug("A firing among {} tasks failed ({}); firing them one by one", taskIds.size(), e.getMessage());
			}
		}
		int fired = 0;
		for (String taskId : taskIds) {
			if (!stopping && fire(taskId)) {
				fired++;
			}
		}
		return fired;
	}

	private boolean fire(String taskId) {
		try {
			return engine.fireIfDue(taskId);
		}
		catch (RuntimeException e) {
			failed(taskId, e);
			return false;
		}
	}

	/** The firing rolled back: the task is tried again after a growing pause, or given up after {@link #MAX_ATTEMPTS}. */
	private void failed(String taskId, RuntimeException cause) {
		try {
			Integer attempts = transactions.execute(status -> {
				int failures = wakes.failed(taskId);
				if (failures >= MAX_ATTEMPTS) {
					wakes.remove(taskId);
				}
				else if (failures > 0) {
					wakes.postpone(taskId, clock.instant().plusSeconds(failures));
				}
				return failures;
			});
			if (attempts != null && attempts >= MAX_ATTEMPTS) {
				log.error("Reminders of task {} failed {} times; the task has no reminder wake-up until it changes or the "
						+ "next reminder sweep (dondoc.reminder.sweep-interval) gives it one again", taskId, attempts, cause);
			}
			else {
				log.warn("Reminders of task {} failed ({}); trying again ({}/{})", taskId, cause.getMessage(), attempts, MAX_ATTEMPTS);
			}
		}
		catch (RuntimeException again) {
			// the database itself is away: the row is still due, and the next tick tries again
			log.warn("Reminders of task {} failed ({}), and so did recording it ({}); trying again at the next tick", taskId,
					cause.getMessage(), again.getMessage());
		}
	}

	/** The Quartz job of the pump; runs may overlap (up to {@code dondoc.reminder.workers} on a node). */
	public static class PumpJob implements Job {

		private final ReminderPump pump;

		public PumpJob(ReminderPump pump) {
			this.pump = pump;
		}

		@Override
		public void execute(JobExecutionContext context) {
			pump.run();
		}

	}

}
