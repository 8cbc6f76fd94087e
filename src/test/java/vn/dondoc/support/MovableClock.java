package vn.dondoc.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that ticks with real time but can be set to any moment: dondoc's business time in tests
 * ("it is 09:00 on 16/6/2023"), while Quartz keeps firing by the system clock.
 */
public class MovableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	public MovableClock moveTo(Instant moment) {
		offset = Duration.between(Instant.now(), moment);
		return this;
	}

	/** Runs this clock ahead of (or behind) real time by a fixed amount. */
	public MovableClock shiftBy(Duration shift) {
		offset = shift;
		return this;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

}
