package vn.dondoc.reminder;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled schedule reminders at all
 * @param policyFile the named policies ({@code config/reminder-policy.yml})
 */
@ConfigurationProperties("dondoc.reminder")
public record ReminderSettings(Boolean enabled, Path policyFile) {

	public ReminderSettings {
		enabled = enabled == null || enabled;
		policyFile = policyFile == null ? Path.of("config", "reminder-policy.yml") : policyFile;
	}

}
