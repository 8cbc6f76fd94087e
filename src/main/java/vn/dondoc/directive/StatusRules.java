package vn.dondoc.directive;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import vn.dondoc.calendar.VietnamCalendar;

/**
 * The rules that give a lead part its status (in time, due soon, due today, overdue, done on time or late):
 * today in Vietnam, and how many working days before its due date a part is "due soon"
 * ({@code dondoc.directive.due-soon-working-days}). Shared by the catalog's Java and SQL readings.
 */
@Component
class StatusRules {

	/** Today in Vietnam, and the last due date that counts as "due soon" today (the parameters of {@link DirectiveStatus#sql}). */
	record Today(LocalDate day, LocalDate dueSoonUntil) {
	}

	private final VietnamCalendar calendar;

	private final DirectiveSettings settings;

	private final Clock clock;

	StatusRules(VietnamCalendar calendar, DirectiveSettings settings, Clock clock) {
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	LocalDate day() {
		return LocalDate.now(clock.withZone(calendar.zone()));
	}

	Today today() {
		LocalDate today = day();
		// dueSoonFrom grows with the due date, so the parts due soon are those due from today up to a last day
		LocalDate until = today.minusDays(1);
		for (LocalDate due = today; !dueSoonFrom(due).isAfter(today) && due.isBefore(today.plusYears(1)); due = due.plusDays(1)) {
			until = due;
		}
		return new Today(today, until);
	}

	/** The status on {@code today} of a part due on {@code dueDate} (or without) and completed at {@code completedAt}. */
	DirectiveStatus of(LocalDate dueDate, Instant completedAt, LocalDate today) {
		LocalDate completedOn = completedAt == null ? null : calendar.toLocalDate(completedAt);
		return DirectiveStatus.of(dueDate, completedOn, today, dueDate == null ? null : dueSoonFrom(dueDate));
	}

	private LocalDate dueSoonFrom(LocalDate due) {
		return calendar.addWorkingDays(due, -settings.dueSoonWorkingDays());
	}

}
