package vn.dondoc.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's history handler, except that a variable created without a value gets no history row until it
 * gets one (issue 18). A directive's unit part creates a dozen empty variables so that what forms submit
 * lands in the unit's scope; at history level {@code audit} each of them also cost a history row, for
 * every part, before anything happened. Nothing is lost: when such a variable is first set, Camunda's
 * handler finds no history row for it and inserts one with the value (the same path it keeps for
 * instances started before a history level was raised); a variable removed while still empty leaves
 * nothing behind. Readers of the history see an absent variable as they saw an empty one.
 * <p>
 * Likewise a variable created and removed in the same command leaves no history row: a form's fields land on
 * the process instance for the moment it takes the unit part's rules to read them ({@code UnitPart}), and
 * Camunda would otherwise keep a "deleted" row of each, for every submission. Such a row is still only in
 * the command's cache when the variable goes, and is dropped from it there (unless it holds a byte array).
 * <p>
 * And what a module's {@link HistoryFilter} leaves out (a variable, a step of a model) gets no history at all.
 */
@Component
class NullVariableHistory extends AbstractProcessEnginePlugin {

	private final List<HistoryFilter> filters;

	NullVariableHistory(List<HistoryFilter> filters) {
		this.filters = List.copyOf(filters);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getHistoryEventHandler() != null || !configuration.isEnableDefaultDbHistoryEventHandler()) {
			return;   // someone chose the handlers already: leave them
		}
		List<HistoryEventHandler> handlers = new ArrayList<>();
		handlers.add(new Handler(filters));
		if (configuration.getCustomHistoryEventHandlers() != null) {
			handlers.addAll(configuration.getCustomHistoryEventHandlers());
		}
		configuration.setCustomHistoryEventHandlers(handlers);
		configuration.setEnableDefaultDbHistoryEventHandler(false);
	}

	/** Whether an event is the creation of a variable that has no value. */
	static boolean emptyCreation(HistoryEvent event) {
		return event instanceof HistoricVariableUpdateEventEntity variable
				&& variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
				&& variable.getTextValue() == null && variable.getTextValue2() == null && variable.getLongValue() == null
				&& variable.getDoubleValue() == null && variable.getByteValue() == null && variable.getByteArrayId() == null;
	}

	static final class Handler extends DbHistoryEventHandler {

		private final List<HistoryFilter> filters;

		Handler(List<HistoryFilter> filters) {
			this.filters = filters;
		}

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!emptyCreation(event) && !droppedWithinCommand(event) && !filteredOut(event)) {
				super.handleEvent(event);
			}
		}

		private boolean filteredOut(HistoryEvent event) {
			return !filters.stream().allMatch(filter -> filter.keeps(event));
		}

		/** The removal of a variable whose history row this command created: the row is dropped unwritten. */
		private static boolean droppedWithinCommand(HistoryEvent event) {
			if (!(event instanceof HistoricVariableUpdateEventEntity variable)
					|| !variable.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE) || Context.getCommandContext() == null) {
				return false;
			}
			DbEntityManager db = Context.getCommandContext().getDbEntityManager();
			HistoricVariableInstanceEntity row = db.getCachedEntity(HistoricVariableInstanceEntity.class, variable.getVariableInstanceId());
			if (row == null || row.getByteArrayId() != null || !db.getDbEntityCache().isTransient(row)) {
				return false;
			}
			db.delete(row);
			return true;
		}

	}

}
