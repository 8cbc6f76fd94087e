package vn.dondoc.directive;

import java.time.Instant;
import java.util.List;

/**
 * What the reminder engine can tell about a task, for the directive's page and API. Implemented by the
 * reminder feature, so that directives need not know how reminders work.
 */
public interface TaskReminders {

	/**
	 * A reminder step of a task.
	 *
	 * @param step the step's id in the policy, with its repetition ({@code qua-han #2}): for machines, not readers
	 * @param kind which message it sends
	 * @param plannedAt when it is (or was) planned to fire
	 * @param sentAt when it fired, or {@code null} while planned
	 * @param recipients who it goes to, in words
	 */
	record Step(String step, String kind, Instant plannedAt, Instant sentAt, List<String> recipients) {

		/**
		 * The repetition in words for a reader ({@code lần nhắc thứ 2}), or {@code null} for a step's first (or only)
		 * sending, which its message names well enough.
		 */
		public String repetition() {
			int mark = step == null ? -1 : step.lastIndexOf(" #");
			if (mark < 0) {
				return null;
			}
			String number = step.substring(mark + 2).strip();
			return number.chars().allMatch(Character::isDigit) && !number.isEmpty() ? "lần nhắc thứ " + number : null;
		}

	}

	/** The steps of one task: those already sent, then those planned, in time order. */
	List<Step> stepsOf(String taskId);

}
