package vn.dondoc.platform;

import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;

/**
 * Which variables get a history row ({@link NullVariableHistory}): a module whose processes keep copies of its
 * own data in Camunda variables (for forms and gateways) can leave their history out, since its own tables are
 * where that data is read from.
 */
public interface VariableHistoryFilter {

	/** Whether the history of this variable is kept; {@code false} drops every event of it (creation, update, removal). */
	boolean keeps(HistoricVariableUpdateEventEntity variable);

}
