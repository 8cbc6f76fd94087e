package vn.dondoc.workflow;

import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.springframework.stereotype.Component;

import vn.dondoc.platform.VariableHistoryFilter;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * A directive's process instance carries copies of its directive's row (document, section, text, deadline in
 * words, coordinating units) for the forms and the mails, and Camunda's multi-instance keeps its loop counters:
 * none of them is ever read from history (dondoc reads its tables; a part's history is its unit's scope), yet
 * at history level {@code audit} each was a row of {@code ACT_HI_VARINST} per directive or per part, the
 * largest table at 100,000 directives (issue 18, BENCHMARKS.md). They get no history. What history is read
 * for (the lead units, whether the work is ongoing, the original due date, a part's own variables) keeps it.
 */
@Component
class DirectiveVariableHistory implements VariableHistoryFilter {

	/** Copies of the directive's row on the process instance. */
	static final Set<String> COPIES = Set.of(VAR_DIRECTIVE_ID, VAR_DOCUMENT_CODE, VAR_DOCUMENT_TITLE, VAR_SECTION, VAR_TEXT,
			VAR_COORDINATING_UNITS, VAR_DEADLINE_TEXT, VAR_DEADLINE_KIND);

	/** Camunda's multi-instance bookkeeping. */
	static final Set<String> LOOP = Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

	@Override
	public boolean keeps(HistoricVariableUpdateEventEntity variable) {
		if (!KEY.equals(variable.getProcessDefinitionKey())) {
			return true;
		}
		String name = variable.getVariableName();
		boolean onInstance = Objects.equals(variable.getExecutionId(), variable.getProcessInstanceId());
		return !(LOOP.contains(name) || onInstance && COPIES.contains(name));
	}

}
