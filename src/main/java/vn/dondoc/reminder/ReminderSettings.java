package vn.dondoc.reminder;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled schedule reminders at all
 * @param policyFile the named policies ({@code config/reminder-policy.yml})
 * @param sweepInterval how often one node looks for open tasks that lost their reminder trigger and gives
 * them one again ({@link ReminderSweep}); zero turns the sweep off
 */
@ConfigurationProperties("dondoc.reminder")
public record ReminderSettings(Boolean enabled, Path policyFile, Duration sweepInterval) {

	public ReminderSettings {
		enabled = enabled == null || enabled;
		policyFile = policyFile == null ? Path.of("config", "reminder-policy.yml") : policyFile;
		sweepInterval = sweepInterval == null || sweepInterval.isNegative() ? Duration.ofHours(1) : sweepInterval;
	}

}
