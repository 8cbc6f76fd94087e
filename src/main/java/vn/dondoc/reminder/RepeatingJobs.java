package vn.dondoc.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/** The reminder engine's own repeating Quartz jobs (the pump, the sweep): replaced at every start. */
final class RepeatingJobs {

	private RepeatingJobs() {
	}

	/**
	 * Stores the job with one trigger that repeats every {@code interval} from {@code first}, replacing what
	 * another node stored before; ticks missed while no node ran are skipped, not caught up.
	 */
	static void schedule(Scheduler scheduler, JobKey key, Class<? extends Job> job, String description, Instant first,
			Duration interval) throws SchedulerException {
		schedule(scheduler, key, job, description, first, interval, 1);
	}

	/**
	 * Stores the job with {@code ticks} triggers that each repeat every {@code interval}, the first from
	 * {@code first} and the others spread evenly over the interval after it, replacing what another node
	 * stored before (triggers of the job left by a setting with more ticks go). The first trigger has the
	 * job's own name, the others the name followed by {@code -2}, {@code -3}…
	 * <p>
	 * Several triggers are how a clustered Quartz shares a job between nodes: a node's scheduler thread takes
	 * the next trigger again right after it fires one, so one trigger stays with one node while that node
	 * lives; with several, a node that wakes up (every {@code org.quartz.scheduler.idleWaitTime}) finds one
	 * that no other node holds.
	 */
	static void schedule(Scheduler scheduler, JobKey key, Class<? extends Job> job, String description, Instant first,
			Duration interval, int ticks) throws SchedulerException {
		Set<Trigger> triggers = new LinkedHashSet<>();
		for (int tick = 0; tick < ticks; tick++) {
			String name = tick == 0 ? key.getName() : key.getName() + "-" + (tick + 1);
			triggers.add(TriggerBuilder.newTrigger()
				.withIdentity(name, key.getGroup())
				.startAt(Date.from(first.plusMillis(interval.toMillis() * tick / ticks)))
				.withSchedule(SimpleScheduleBuilder.simpleSchedule()
					.withIntervalInMilliseconds(interval.toMillis())
					.repeatForever()
					.withMisfireHandlingInstructionNextWithRemainingCount())
				.build());
		}
		scheduler.scheduleJob(JobBuilder.newJob(job).withIdentity(key).storeDurably().withDescription(description).build(),
				triggers, true);
		Set<TriggerKey> kept = new LinkedHashSet<>();
		triggers.forEach(trigger -> kept.add(trigger.getKey()));
		for (Trigger stored : scheduler.getTriggersOfJob(key)) {
			if (!kept.contains(stored.getKey())) {
				scheduler.unscheduleJob(stored.getKey());
			}
		}
	}

}
