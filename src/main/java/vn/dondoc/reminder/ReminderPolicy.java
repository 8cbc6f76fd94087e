package vn.dondoc.reminder;

import java.util.List;

/**
 * A named ladder of reminder steps.
 *
 * @param name the policy's name (what {@code dondoc.reminder.policy} selects)
 * @param label its Vietnamese label
 * @param assignmentNotice whether a unit is told as soon as its task is created
 * @param steps the steps, in the order they are written
 */
public record ReminderPolicy(String name, String label, boolean assignmentNotice, List<ReminderStep> steps) {

	public ReminderPolicy {
		steps = List.copyOf(steps);
	}

	public ReminderPolicy withSteps(List<ReminderStep> replaced) {
		return new ReminderPolicy(name + "+model", label, assignmentNotice, replaced);
	}

}
