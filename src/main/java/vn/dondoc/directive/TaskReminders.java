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
	 * @param step the step's name in the policy
	 * @param kind which message it sends
	 * @param plannedAt when it is (or was) planned to fire
	 * @param sentAt when it fired, or {@code null} while planned
	 * @param recipients who it goes to, in words
	 */
	record Step(String step, String kind, Instant plannedAt, Instant sentAt, List<String> recipients) {
	}

	/** The steps of one task: those already sent, then those planned, in time order. */
	List<Step> stepsOf(String taskId);

}
