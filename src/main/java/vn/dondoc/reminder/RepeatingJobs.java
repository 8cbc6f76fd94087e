package vn.dondoc.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/** The reminder engine's own repeating Quartz jobs (the pump, the sweep): one trigger each, replaced at every start. */
final class RepeatingJobs {

	private RepeatingJobs() {
	}

	/**
	 * Stores the job with one trigger that repeats every {@code interval} from {@code first}, replacing what
	 * another node stored before; ticks missed while no node ran are skipped, not caught up.
	 */
	static void schedule(Scheduler scheduler, JobKey key, Class<? extends Job> job, String description, Instant first,
			Duration interval) throws SchedulerException {
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(key.getName(), key.getGroup())
			.startAt(Date.from(first))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(interval.toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.build();
		scheduler.scheduleJob(JobBuilder.newJob(job).withIdentity(key).storeDurably().withDescription(description).build(),
				Set.of(trigger), true);
	}

}
