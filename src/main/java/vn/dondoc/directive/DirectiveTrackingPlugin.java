package vn.dondoc.directive;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.dondoc.unit.UnitDirectory;

/**
 * Hears, in the engine's transaction, when a lead unit's part of a directive is recorded as completed
 * ({@link DirectiveProcess#TASK_RECORD_COMPLETION} ends), so that the directive's status follows the
 * model without the model naming a Spring bean (its process tests run without Spring); and, when a unit's
 * part starts, puts the unit's name from the {@link UnitDirectory} next to its code, for task names and forms.
 */
@Component
class DirectiveTrackingPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<DirectiveTracking> tracking;

	private final ObjectProvider<UnitDirectory> units;

	DirectiveTrackingPlugin(ObjectProvider<DirectiveTracking> tracking, ObjectProvider<UnitDirectory> units) {
		this.tracking = tracking;
		this.units = units;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(parseListener());
	}

	private BpmnParseListener parseListener() {
		ExecutionListener partDone = execution -> tracking.getObject().notify(execution);
		// after the model's own start listener, which set the code as the name: the name people read
		ExecutionListener partStarted = execution -> {
			Object code = execution.getVariableLocal(DirectiveProcess.VAR_UNIT);
			if (code != null) {
				units.getObject().find(code.toString())
					.ifPresent(unit -> execution.setVariableLocal(DirectiveProcess.VAR_UNIT_NAME, unit.name()));
			}
		};
		return new AbstractBpmnParseListener() {
			@Override
			public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (DirectiveProcess.ELEMENT_UNIT_PART.equals(activity.getId()) && inDirective(activity)) {
					activity.addListener(ExecutionListener.EVENTNAME_START, partStarted);
				}
			}

			@Override
			public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (DirectiveProcess.TASK_RECORD_COMPLETION.equals(activity.getId()) && inDirective(activity)) {
					activity.addListener(ExecutionListener.EVENTNAME_END, partDone);
				}
			}
		};
	}

	private static boolean inDirective(ActivityImpl activity) {
		return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition && DirectiveProcess.KEY.equals(definition.getKey());
	}

}
