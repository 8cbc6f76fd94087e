package vn.dondoc.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Quartz side of the reminders: one durable job per open task with a ladder ({@link ReminderJob}, key =
 * task id, group {@value #GROUP}) and one trigger at the moment of its next step. {@link ReminderEngine}
 * decides when; this class keeps Quartz's rows in step, in the caller's transaction.
 */
@Component
class ReminderTriggers {

	/** Quartz group of every reminder job and trigger. */
	static final String GROUP = "reminder";

	/** Trigger data: the business time the trigger stands for (its fire time is in scheduler time). */
	static final String PLANNED_AT = "plannedAt";

	private final Scheduler scheduler;

	private final Clock clock;

	private final Counter scheduled;

	private final JdbcClient jdbc;

	private final String tablePrefix;

	ReminderTriggers(Scheduler scheduler, Clock clock, MeterRegistry meters, JdbcClient jdbc,
			@Value("${spring.quartz.properties.org.quartz.jobStore.tablePrefix:QRTZ_}") String tablePrefix) {
		this.scheduler = scheduler;
		this.clock = clock;
		this.jdbc = jdbc;
		this.tablePrefix = tablePrefix;
		this.scheduled = Counter.builder("dondoc.reminders.scheduled").description("Reminder triggers set or moved").register(meters);
	}

	/**
	 * Leaves the task's job with one trigger, at the given moment, or none when nothing is planned. The job
	 * itself stays while the task is open ({@link #remove} removes it). Adding a trigger is an insert
	 * in the caller's transaction; only removing one takes Quartz's lock, which is then held until that
	 * transaction commits, so the common paths (a task created, a step fired) avoid it: the trigger that
	 * is firing is used up and Quartz deletes it itself once the job returns.
	 */
	void set(String taskId, Instant at, boolean firing) {
		// firing: called by the task's own job, which therefore exists
		JobKey job = JobKey.jobKey(taskId, GROUP);
		TriggerKey wanted = at == null ? null : TriggerKey.triggerKey(taskId + "@" + at.toEpochMilli(), GROUP);
		try {
			boolean present = false;
			for (Trigger trigger : scheduler.getTriggersOfJob(job)) {
				boolean used = trigger.getNextFireTime() == null;
				boolean isWanted = trigger.getKey().equals(wanted);
				if (isWanted && !used) {
					present = true;
				}
				else if (!used || isWanted) {
					scheduler.unscheduleJob(trigger.getKey());
				}
			}
			if (at == null || present) {
				return;
			}
			if (!firing && !scheduler.checkExists(job)) {
				scheduler.addJob(jobOf(taskId), false);
			}
			scheduler.scheduleJob(triggerOf(taskId, at));
			scheduled.increment();
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not schedule the reminders of task " + taskId + ": " + e.getMessage(), e);
		}
	}

	/** The job and first trigger of a task that has neither yet: two inserts, nothing to look up. */
	void setFirst(String taskId, Instant at) {
		try {
			scheduler.scheduleJob(jobOf(taskId), triggerOf(taskId, at));
			scheduled.increment();
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("Could not schedule the reminders of task " + taskId + ": " + e.getMessage(), e);
		}
	}

	private static JobDetail jobOf(String taskId) {
		// requestRecovery: a node that dies while this job runs has already used up the one-shot trigger;
		// the job must run again elsewhere (it is idempotent), or the task loses its step and its ladder
		return JobBuilder.newJob(ReminderJob.class).withIdentity(JobKey.jobKey(taskId, GROUP)).storeDurably().requestRecovery()
			.withDescription("Nhắc hạn của nhiệm vụ " + taskId).build();
	}

	private Trigger triggerOf(String taskId, Instant at) {
		return TriggerBuilder.newTrigger()
			.withIdentity(TriggerKey.triggerKey(taskId + "@" + at.toEpochMilli(), GROUP))
			.forJob(JobKey.jobKey(taskId, GROUP))
			.startAt(SchedulerTime.toScheduler(at, clock))
			.usingJobData(PLANNED_AT, at.toEpochMilli())
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
	}

	/**
	 * Removes the task's job and triggers. A firing of the task on another node may be inserting the next
	 * trigger meanwhile (an insert takes no Quartz lock): PostgreSQL hides that uncommitted row from the
	 * deletion, then refuses to delete the job it refers to, and the caller's transaction is lost. So the
	 * job's row is locked before anything is deleted, which waits for such a firing to commit (or makes
	 * its insert wait for this transaction). Quartz's own lock, which the deletion takes anyway, is taken
	 * just before: every transaction takes the two in that order.
	 */
	void remove(String taskId) {
		JobKey job = JobKey.jobKey(taskId, GROUP);
		try {
			String name = scheduler.getSchedulerName();
			jdbc.sql("SELECT LOCK_NAME FROM " + tablePrefix + "LOCKS WHERE SCHED_NAME = ? AND LOCK_NAME = 'TRIGGER_ACCESS' FOR UPDATE")
				.param(name)
				.query(String.class)
				.optional();
			jdbc.sql("SELECT JOB_NAME FROM " + tablePrefix + "JOB_DETAILS WHERE SCHED_NAME = ? AND JOB_NAME = ? AND JOB_GROUP = ? "
					+ "FOR UPDATE")
				.params(name, taskId, GROUP)
				.query(String.class)
				.optional();
			scheduler.deleteJob(job);
		}
		catch (SchedulerException e) {
			// a trigger of the job went while Quartz was deleting (it had just fired): remove what is left
			try {
				for (Trigger trigger : scheduler.getTriggersOfJob(job)) {
					scheduler.unscheduleJob(trigger.getKey());
				}
				scheduler.deleteJob(job);
			}
			catch (SchedulerException again) {
				throw new IllegalStateException("Could not remove the reminders of task " + taskId + ": " + again.getMessage(), again);
			}
		}
	}

	/** When the next reminder of a task fires (business time), or empty when none is planned. */
	Optional<Instant> nextFireTime(String taskId) {
		try {
			return scheduler.getTriggersOfJob(JobKey.jobKey(taskId, GROUP))
				.stream()
				.filter(trigger -> trigger.getJobDataMap().containsKey(PLANNED_AT))
				.map(trigger -> Instant.ofEpochMilli(trigger.getJobDataMap().getLong(PLANNED_AT)))
				.min(Instant::compareTo);
		}
		catch (SchedulerException e) {
			throw new IllegalStateException(e);
		}
	}

}
