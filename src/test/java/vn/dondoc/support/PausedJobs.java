package vn.dondoc.support;

import java.time.Duration;
import java.util.Set;

import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import static org.awaitility.Awaitility.await;

/**
 * Pausing a repeating Quartz job for a test. Pausing stops its triggers from firing again, but a run already
 * under way goes on: a pump run that is still working through earlier tests' due tasks reads the due rows
 * again when its batch is done, and would fire what the test has just created. So the pause waits for the
 * runs of this node to end.
 */
public final class PausedJobs {

	private PausedJobs() {
	}

	/** Pauses the jobs and waits (up to a minute) until none of them is running on this node. */
	public static void pauseAndAwaitIdle(Scheduler scheduler, JobKey... jobs) throws SchedulerException {
		Set<JobKey> paused = Set.of(jobs);
		for (JobKey job : jobs) {
			scheduler.pauseJob(job);
		}
		await().atMost(Duration.ofMinutes(1))
			.until(() -> scheduler.getCurrentlyExecutingJobs()
				.stream()
				.map(JobExecutionContext::getJobDetail)
				.noneMatch(detail -> paused.contains(detail.getKey())));
	}

}
