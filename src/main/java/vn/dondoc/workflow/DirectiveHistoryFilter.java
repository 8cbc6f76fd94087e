package vn.dondoc.workflow;

import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.stereotype.Component;

import vn.dondoc.platform.HistoryFilter;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * What of a directive's process is left out of Camunda's history (issue 18: at 100,000 directives the
 * variable and activity history were the largest tables, BENCHMARKS.md). Nothing here is ever read back:
 * <ul>
 * <li>the process instance's copies of its directive's row (document, section, text, deadline in words,
 * coordinating units): the id that every instance holds, and the rest that instances started before migrations
 * 37 and 39 hold ({@link DirectiveCopiesMigration}, {@link DisplayCopiesMigration}); dondoc reads its own tables;</li>
 * <li>Camunda's multi-instance counters;</li>
 * <li>the passage through start events, end events and gateways, and the enclosing steps: the multi-instance
 * body and each unit's sub-process (seventh slice). The history of a part is its tasks and its unit's variables,
 * which name the part's scope execution ({@link DirectiveLifecycle#parts}).</li>
 * </ul>
 * What history is read for (the lead units, whether the work is ongoing, the original due date, a part's own
 * variables) keeps it, and so does every other process.
 */
@Component
class DirectiveHistoryFilter implements HistoryFilter {

	/** Copies of the directive's row on the process instance. */
	static final Set<String> COPIES = Set.of(VAR_DIRECTIVE_ID, VAR_DOCUMENT_CODE, VAR_DOCUMENT_TITLE, VAR_SECTION, VAR_TEXT,
			VAR_COORDINATING_UNITS, VAR_DEADLINE_TEXT, VAR_DEADLINE_KIND);

	/** Camunda's multi-instance bookkeeping. */
	static final Set<String> LOOP = Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

	/** Steps passed through at once, and steps that only enclose others, that no one looks back on (Camunda's activity types). */
	static final Set<String> PASSAGES = Set.of(ActivityTypes.START_EVENT, ActivityTypes.END_EVENT_NONE, ActivityTypes.GATEWAY_EXCLUSIVE,
			ActivityTypes.GATEWAY_PARALLEL, ActivityTypes.GATEWAY_INCLUSIVE, ActivityTypes.GATEWAY_EVENT_BASED,
			ActivityTypes.MULTI_INSTANCE_BODY, ActivityTypes.SUB_PROCESS);

	@Override
	public boolean keeps(HistoryEvent event) {
		if (!KEY.equals(event.getProcessDefinitionKey())) {
			return true;
		}
		if (event instanceof HistoricVariableUpdateEventEntity variable) {
			String name = variable.getVariableName();
			boolean onInstance = Objects.equals(variable.getExecutionId(), variable.getProcessInstanceId());
			return !(LOOP.contains(name) || onInstance && COPIES.contains(name));
		}
		if (event instanceof HistoricActivityInstanceEventEntity activity) {
			return !PASSAGES.contains(activity.getActivityType());
		}
		return true;
	}

}
