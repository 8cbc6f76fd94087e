package vn.dondoc.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are delivered ({@code dondoc.notification.*}; defaults in {@code application.yml}).
 *
 * @param pollInterval how often each node looks for mail to send; zero turns the background dispatcher
 * off (tests drive it with {@link Notifications#dispatchPending()})
 * @param batchSize how many messages one dispatch sends over one SMTP connection
 * @param lease how long a node holds the rows it took before another node may take them: longer than
 * a batch can take to send, or a slow batch may be sent twice
 * @param retryInitial the wait after the first transient failure, doubled after each further one
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts after this many transient failures a message is given up (dead letter)
 * @param digest send reminders (not assignment notices, not escalations) as one e-mail per recipient
 * each working morning instead of one e-mail per step
 * @param digestAt when that morning e-mail goes out (Vietnam time, Monday to Friday)
 * @param calendarAttachment attach an iCalendar file with the due date
 * @param templateDir a folder whose templates replace the built-in ones of the same name; used only
 * when it exists
 * @param senders how many batches one node sends at once, each over its own SMTP connection
 */
@ConfigurationProperties("dondoc.notification")
record NotificationSettings(Duration pollInterval, Integer batchSize, Duration lease, Duration retryInitial,
		Duration retryMax, Integer maxAttempts, Boolean digest, LocalTime digestAt, Boolean calendarAttachment,
		Path templateDir, Integer senders) {

	NotificationSettings {
		pollInterval = pollInterval == null ? Duration.ofSeconds(15) : pollInterval;
		batchSize = batchSize == null || batchSize < 1 ? 50 : batchSize;
		lease = lease == null || lease.isNegative() || lease.isZero() ? Duration.ofMinutes(5) : lease;
		retryInitial = retryInitial == null || retryInitial.isNegative() || retryInitial.isZero() ? Duration.ofMinutes(1)
				: retryInitial;
		retryMax = retryMax == null ? Duration.ofHours(2) : retryMax;
		retryMax = retryMax.compareTo(retryInitial) < 0 ? retryInitial : retryMax;
		maxAttempts = maxAttempts == null || maxAttempts < 1 ? 20 : maxAttempts;
		digest = digest != null && digest;
		digestAt = digestAt == null ? LocalTime.of(7, 0) : digestAt;
		calendarAttachment = calendarAttachment == null || calendarAttachment;
		templateDir = templateDir == null ? Path.of("config", "templates", "mail") : templateDir;
		senders = senders == null || senders < 1 ? 4 : senders;
	}

	/** All defaults, as if nothing were set. */
	static NotificationSettings defaults() {
		return new NotificationSettings(null, null, null, null, null, null, null, null, null, null, null);
	}

	boolean polls() {
		return !pollInterval.isZero() && !pollInterval.isNegative();
	}

	/** The wait after the given number of failed attempts (1, 2, …): initial × 2^(n−1), at most the maximum. */
	Duration retryDelay(int failedAttempts) {
		Duration delay = retryInitial;
		for (int i = 1; i < failedAttempts && delay.compareTo(retryMax) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(retryMax) > 0 ? retryMax : delay;
	}

}
