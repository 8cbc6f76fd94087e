package vn.dondoc.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a test sets by hand. */
final class MutableClock extends Clock {

	private volatile Instant now;

	MutableClock(Instant now) {
		this.now = now;
	}

	void set(Instant instant) {
		this.now = instant;
	}

	@Override
	public ZoneId getZone() {
		return VietnameseDates.ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now;
	}

}
