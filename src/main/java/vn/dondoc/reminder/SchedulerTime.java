package vn.dondoc.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Converts dondoc's business time (its {@link Clock}) to the scheduler's time (the system clock Quartz
 * fires by). In production they are the same clock; a test that runs dondoc's clock at another moment
 * (a working morning in 2023) still gets its triggers fired by Quartz at the right real instant.
 */
final class SchedulerTime {

	private SchedulerTime() {
	}

	static Date toScheduler(Instant business, Clock clock) {
		Duration skew = Duration.between(Instant.now(), clock.instant());
		return Date.from(business.minus(skew));
	}

}
