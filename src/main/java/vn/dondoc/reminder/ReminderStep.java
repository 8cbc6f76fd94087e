package vn.dondoc.reminder;

import vn.dondoc.notification.NotificationKind;

/**
 * One rung of a reminder ladder.
 *
 * @param id the step's name, unique in its policy (part of the idempotency key)
 * @param offset days from the due date: negative before it, 0 on the day, positive after it
 * @param workingDays whether {@code offset} and {@code every} count working days (else calendar days)
 * @param every repeat every so many days after the first time (0: once)
 * @param times how many times at most (1 when it does not repeat)
 * @param message which message it sends
 * @param audience who receives it
 */
public record ReminderStep(String id, int offset, boolean workingDays, int every, int times, NotificationKind message,
		Audience audience) {

	public ReminderStep {
		times = every <= 0 ? 1 : Math.max(1, times);
		every = Math.max(0, every);
	}

}
