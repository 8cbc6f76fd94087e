package vn.dondoc.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.dondoc.calendar.Deadline;
import vn.dondoc.calendar.VietnamCalendar;

/**
 * A document that passed validation, ready to import.
 *
 * @param code the document's number (số ký hiệu), unique
 * @param title its title
 * @param issuedBy the issuing body
 * @param issuedOn the issue date
 * @param signer who signed it
 * @param directives its directives, in document order
 */
public record DocumentSpec(String code, String title, String issuedBy, LocalDate issuedOn, String signer,
		List<DirectiveSpec> directives) {

	/**
	 * Demo: every date moved by {@code shift} days (due dates to a working day), the document as issued that many
	 * days later.
	 */
	DocumentSpec shifted(long shift, VietnamCalendar calendar) {
		List<DirectiveSpec> shiftedDirectives = new ArrayList<>();
		for (DirectiveSpec directive : directives) {
			Deadline deadline = directive.deadline();
			if (deadline != null && deadline.dueDate() != null) {
				LocalDate stated = deadline.dueDate().plusDays(shift);
				LocalDate due = calendar.workingDayOnOrAfter(stated);
				deadline = new Deadline(deadline.phrase(), deadline.kind(), due, stated, !due.equals(stated), deadline.event(),
						deadline.explanation() + " (demo: dời " + shift + " ngày để văn bản như ban hành hôm nay)");
			}
			shiftedDirectives.add(new DirectiveSpec(directive.section(), directive.text(), directive.leadUnits(),
					directive.coordinatingUnits(), directive.deadlineText(), deadline));
		}
		return new DocumentSpec(code, title, issuedBy, issuedOn.plusDays(shift), signer, shiftedDirectives);
	}

	/**
	 * One directive.
	 *
	 * @param section its place in the document (I.2.3.1)
	 * @param text the document's own words
	 * @param leadUnits unit codes that carry it out, groups expanded; each gets its own task
	 * @param coordinatingUnits unit codes that coordinate
	 * @param deadlineText the deadline as written, or {@code null}
	 * @param deadline the resolved deadline, or {@code null} when the document gives none
	 */
	public record DirectiveSpec(String section, String text, List<String> leadUnits, List<String> coordinatingUnits,
			String deadlineText, Deadline deadline) {

		/** The due date, or {@code null} for ongoing work, an event, or no deadline at all. */
		public LocalDate dueDate() {
			return deadline == null ? null : deadline.dueDate();
		}

	}

}
