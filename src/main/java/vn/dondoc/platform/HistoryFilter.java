package vn.dondoc.platform;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;

/**
 * Which of Camunda's history events are written ({@link NullVariableHistory}): a module whose processes keep
 * copies of its own data in Camunda variables, or whose models have steps nobody looks back on, can leave
 * them out of the history, since its own tables are where that data is read from.
 */
public interface HistoryFilter {

	/**
	 * Whether this event is written. A filter must answer the same for every event of one history row (its
	 * creation, updates and end), so that no update ever looks for a row that was left out.
	 */
	boolean keeps(HistoryEvent event);

}
