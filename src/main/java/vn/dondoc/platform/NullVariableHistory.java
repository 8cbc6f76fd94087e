package vn.dondoc.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Camunda's history handler, except that a variable created without a value gets no history row until it
 * gets one (issue 18). A directive's unit part creates a dozen empty variables so that what forms submit
 * lands in the unit's scope; at history level {@code audit} each of them also cost a history row, for
 * every part, before anything happened. Nothing is lost: when such a variable is first set, Camunda's
 * handler finds no history row for it and inserts one with the value (the same path it keeps for
 * instances started before a history level was raised); a variable removed while still empty leaves
 * nothing behind. Readers of the history see an absent variable as they saw an empty one.
 */
@Component
class NullVariableHistory extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getHistoryEventHandler() != null || !configuration.isEnableDefaultDbHistoryEventHandler()) {
			return;   // someone chose the handlers already: leave them
		}
		List<HistoryEventHandler> handlers = new ArrayList<>();
		handlers.add(new Handler());
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

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!emptyCreation(event)) {
				super.handleEvent(event);
			}
		}

	}

}
