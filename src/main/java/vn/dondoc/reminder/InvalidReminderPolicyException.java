package vn.dondoc.reminder;

import java.util.List;

/** A reminder policy (file or BPMN extension properties) cannot be used: every problem, with its place. */
public class InvalidReminderPolicyException extends RuntimeException {

	private final List<String> problems;

	public InvalidReminderPolicyException(String origin, List<String> problems) {
		super("Reminder policy " + origin + " is not valid:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
