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

/**
 * Hears, in the engine's transaction, when a lead unit's part of a directive is recorded as completed
 * ({@link DirectiveProcess#TASK_RECORD_COMPLETION} ends), so that the directive's status follows the
 * model without the model naming a Spring bean (its process tests run without Spring).
 */
@Component
class DirectiveTrackingPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<DirectiveTracking> tracking;

	DirectiveTrackingPlugin(ObjectProvider<DirectiveTracking> tracking) {
		this.tracking = tracking;
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
		return new AbstractBpmnParseListener() {
			@Override
			public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (DirectiveProcess.TASK_RECORD_COMPLETION.equals(activity.getId())
						&& activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
						&& DirectiveProcess.KEY.equals(definition.getKey())) {
					activity.addListener(ExecutionListener.EVENTNAME_END, partDone);
				}
			}
		};
	}

}
