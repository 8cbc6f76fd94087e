package vn.dondoc.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveHeadings;
import vn.dondoc.directive.DirectiveHeadings.Heading;
import vn.dondoc.workflow.OfficeDecided.Decision;
import vn.dondoc.workflow.lifecycle.Dates;
import vn.dondoc.workflow.lifecycle.Entries;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * Turns the completion of the office's review tasks into {@link OfficeDecided}. Camunda's task events may reach
 * Spring before or after the model's own listeners apply the decision, so this reads only what the decision
 * leaves unchanged (the submitted choice, the request under review), takes the note as submitted or, once the
 * model's listener has taken it off the instance, from the decided request, and counts the request under
 * review itself: the result is the same in either order.
 */
@Component
class OfficeDecisions {

	private final ApplicationEventPublisher events;

	private final DirectiveHeadings directives;

	OfficeDecisions(ApplicationEventPublisher events, DirectiveHeadings directives) {
		this.events = events;
		this.directives = directives;
	}

	@EventListener(condition = "#task.eventName == 'complete' and (#task.taskDefinitionKey == 'reviewReport' or #task.taskDefinitionKey == 'reviewExtension')")
	void onReview(DelegateTask task) {
		OfficeDecided decided = TASK_REVIEW_REPORT.equals(task.getTaskDefinitionKey()) ? report(task) : extension(task);
		if (decided != null) {
			events.publishEvent(decided);
		}
	}

	private OfficeDecided report(DelegateTask task) {
		Object choice = task.getVariable(VAR_REVIEW_DECISION);
		Decision decision = REVIEW_ACCEPT.equals(text(choice)) ? Decision.REPORT_ACCEPTED
				: REVIEW_RETURN.equals(text(choice)) ? Decision.REPORT_RETURNED : null;
		if (decision == null) {
			return null; // refused by the model's listener, which says why
		}
		List<Map<String, Object>> extensions = entries(task.getVariable(VAR_EXTENSIONS));
		return of(task, decision, day(task.getVariable(VAR_DUE_DATE)), null, text(task.getVariable(VAR_REVIEW_COMMENT)),
				approved(extensions, extensions.size()));
	}

	private OfficeDecided extension(DelegateTask task) {
		Object choice = task.getVariable(VAR_EXTENSION_DECISION);
		Decision decision = EXTENSION_APPROVED.equals(text(choice)) ? Decision.EXTENSION_APPROVED
				: EXTENSION_REJECTED.equals(text(choice)) ? Decision.EXTENSION_REFUSED : null;
		List<Map<String, Object>> extensions = entries(task.getVariable(VAR_EXTENSIONS));
		if (decision == null || extensions.isEmpty()) {
			return null;
		}
		Map<String, Object> underReview = extensions.get(extensions.size() - 1);
		LocalDate requested = day(underReview.get(Entries.REQUESTED_DUE_DATE));
		int before = approved(extensions, extensions.size() - 1);
		// the submitted note, or once the model's listener has taken it off the instance, the decided entry's
		String note = text(task.getVariable(VAR_EXTENSION_DECISION_NOTE));
		if (note == null) {
			note = text(underReview.get(Entries.DECISION_NOTE));
		}
		return decision == Decision.EXTENSION_APPROVED ? of(task, decision, requested, requested, note, before + 1)
				: of(task, decision, day(task.getVariable(VAR_DUE_DATE)), requested, note, before);
	}

	private OfficeDecided of(DelegateTask task, Decision decision, LocalDate due, LocalDate requested, String note,
			int approvedExtensions) {
		Heading heading = directives.heading(task.getVariable(VAR_DIRECTIVE_ID), task::getVariable);
		return new OfficeDecided(decision, task.getId(), task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey(),
				text(task.getVariable(VAR_DIRECTIVE_ID)), text(heading.documentCode()), text(heading.documentTitle()),
				text(heading.section()), text(heading.text()), text(task.getVariable(VAR_UNIT)), due,
				day(task.getVariable(VAR_ORIGINAL_DUE_DATE)), requested, note, approvedExtensions);
	}


	/** Approved requests among the first {@code upTo} entries of the unit's extension history. */
	private static int approved(List<Map<String, Object>> extensions, int upTo) {
		int count = 0;
		for (int i = 0; i < upTo; i++) {
			if (EXTENSION_APPROVED.equals(extensions.get(i).get(Entries.DECISION))) {
				count++;
			}
		}
		return count;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> entries(Object value) {
		return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
	}

	private static LocalDate day(Object value) {
		return value instanceof Date date ? Dates.day(date) : null;
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

}
