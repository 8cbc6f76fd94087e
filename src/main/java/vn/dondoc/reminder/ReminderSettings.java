package vn.dondoc.reminder;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled schedule reminders at all
 * @param policyFile the named policies ({@code config/reminder-policy.yml})
 * @param sweepInterval how often one node looks for open tasks that lost their reminder wake-up and gives
 * them one again ({@link ReminderSweep}); zero turns the sweep off
 * @param pollInterval how often the cluster looks for reminder steps that have come ({@link ReminderPump}):
 * a step goes out within about this long of its moment; zero sends none (a node that only serves pages)
 * @param workers how many tasks one node fires at once in a reminder burst
 */
@ConfigurationProperties("dondoc.reminder")
public record ReminderSettings(Boolean enabled, Path policyFile, Duration sweepInterval, Duration pollInterval, Integer workers) {

	public ReminderSettings {
		enabled = enabled == null || enabled;
		policyFile = policyFile == null ? Path.of("config", "reminder-policy.yml") : policyFile;
		sweepInterval = sweepInterval == null || sweepInterval.isNegative() ? Duration.ofHours(1) : sweepInterval;
		pollInterval = pollInterval == null || pollInterval.isNegative() ? Duration.ofSeconds(1) : pollInterval;
		workers = workers == null || workers < 1 ? 4 : workers;
	}

}
