package vn.dondoc.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.notification.NotificationKind;

/**
 * The ladder of one task laid out in time, and the decision of what to send now: pure functions of the
 * policy, the due date, the calendar and what was already handled.
 */
final class ReminderPlan {

	static final String ASSIGNMENT_STEP = "giao-nhiem-vu";

	/** The due key of steps that do not depend on the due date (the assignment notice). */
	static final String NO_DUE = "-";

	private ReminderPlan() {
	}

	/**
	 * One planned firing of a step.
	 *
	 * @param order the step's place in the policy (ties in time go to the later step)
	 */
	record Occurrence(String step, int occurrence, NotificationKind message, Audience audience, Instant plannedAt,
			String dueKey, int order) {

		String key() {
			return step + "#" + occurrence + "@" + dueKey;
		}

		boolean isAssignment() {
			return message == NotificationKind.ASSIGNMENT;
		}

	}

	/** What to do at a moment: send some, skip (collapse) some, and when to wake up next. */
	record Decision(List<Occurrence> send, List<Occurrence> skip, Optional<Instant> next) {
	}

	static List<Occurrence> lay(ReminderPolicy policy, LocalDate dueDay, Instant createdAt, VietnamCalendar calendar) {
		List<Occurrence> plan = new ArrayList<>();
		if (policy.assignmentNotice()) {
			plan.add(new Occurrence(ASSIGNMENT_STEP, 1, NotificationKind.ASSIGNMENT, Audience.UNIT_AND_HEAD, createdAt, NO_DUE, -1));
		}
		if (dueDay != null) {
			// Điều 148 BLDS: a limit ending on a day off ends on the next working day
			LocalDate due = calendar.workingDayOnOrAfter(dueDay);
			String dueKey = dueDay.toString();
			for (int order = 0; order < policy.steps().size(); order++) {
				ReminderStep step = policy.steps().get(order);
				for (int k = 0; k < step.times(); k++) {
					int days = step.offset() + k * step.every();
					LocalDate day = step.workingDays() ? calendar.addWorkingDays(due, days)
							: calendar.workingDayOnOrAfter(due.plusDays(days));
					plan.add(new Occurrence(step.id(), k + 1, step.message(), step.audience(), calendar.startOfWorkingDay(day),
							dueKey, order));
				}
			}
		}
		plan.sort(Comparator.comparing(Occurrence::plannedAt).thenComparing(Occurrence::order));
		return plan;
	}

	/**
	 * Decides at {@code now}. Steps whose time has come are sent; when several have come at once (a task
	 * created late, a node that was down), only the most relevant is sent — the latest, and the latest
	 * escalation too since it reaches other people — and the rest are skipped. Outside working hours only
	 * the assignment notice goes out; the rest waits for {@code workingMoment}.
	 */
	static Decision decide(List<Occurrence> plan, Set<String> handled, Instant now, Instant workingMoment) {
		List<Occurrence> pending = plan.stream().filter(o -> !handled.contains(o.key())).toList();
		// the assignment notice is due from the moment the task exists, whatever the engine's clock said then
		List<Occurrence> come = pending.stream().filter(o -> o.isAssignment() || !o.plannedAt().isAfter(now)).toList();
		List<Occurrence> send = new ArrayList<>();
		List<Occurrence> skip = new ArrayList<>();
		come.stream().filter(Occurrence::isAssignment).forEach(send::add);
		List<Occurrence> steps = come.stream().filter(o -> !o.isAssignment()).toList();
		boolean working = !workingMoment.isAfter(now);
		Optional<Instant> next = pending.stream()
			.filter(o -> !o.isAssignment())
			.map(Occurrence::plannedAt)
			.filter(at -> at.isAfter(now))
			.min(Comparator.naturalOrder());
		if (!steps.isEmpty()) {
			if (!working) {
				Instant wake = workingMoment;
				next = Optional.of(next.filter(at -> at.isBefore(wake)).orElse(wake));
			}
			else {
				Occurrence latest = steps.get(steps.size() - 1);
				send.add(latest);
				if (latest.message() != NotificationKind.ESCALATION) {
					steps.stream().filter(o -> o.message() == NotificationKind.ESCALATION).reduce((a, b) -> b).ifPresent(send::add);
				}
				steps.stream().filter(o -> !send.contains(o)).forEach(skip::add);
			}
		}
		return new Decision(List.copyOf(send), List.copyOf(skip), next);
	}

}
