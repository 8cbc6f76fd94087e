package vn.dondoc.directive;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.dondoc.unit.UnitDirectory;

/**
 * Hears, in the engine's transaction, when a lead unit's part of a directive is recorded as completed
 * ({@link DirectiveProcess#TASK_RECORD_COMPLETION} ends), so that the directive's status follows the
 * model without the model naming a Spring bean (its process tests run without Spring); and gives a directive's
 * tasks what their names say (the model's {@code TaskNames}): the unit's name from the {@link UnitDirectory},
 * the document's code and the section from dondoc's row. These are transient variables, set for the command
 * that creates a task and gone after it: no rows, no history (issue 18). Processes started before migration 39
 * held them as stored variables.
 */
@Component
class DirectiveTrackingPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<DirectiveTracking> tracking;

	private final ObjectProvider<UnitDirectory> units;

	private final ObjectProvider<DirectiveHeadings> headings;

	DirectiveTrackingPlugin(ObjectProvider<DirectiveTracking> tracking, ObjectProvider<UnitDirectory> units,
			ObjectProvider<DirectiveHeadings> headings) {
		this.tracking = tracking;
		this.units = units;
		this.headings = headings;
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
		// before the model's own listeners (TaskNames): what a new task's name says
		TaskListener nameParts = this::nameParts;
		return new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (inDirective(activity) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
					task.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, nameParts);
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

	/**
	 * Puts the unit's name, the document's code and the section next to a new task, as transient variables of its
	 * execution, when the process does not hold them (any more): the import passes the code and section for the
	 * tasks it opens.
	 */
	private void nameParts(DelegateTask task) {
		DelegateExecution execution = task.getExecution();
		if (execution == null) {
			return;
		}
		if (execution.getVariable(DirectiveProcess.VAR_DOCUMENT_CODE) == null
				&& execution.getVariable(DirectiveProcess.VAR_DIRECTIVE_ID) instanceof Number id) {
			headings.getObject().heading(id.longValue()).ifPresent(heading -> {
				execution.setVariableLocal(DirectiveProcess.VAR_DOCUMENT_CODE, Variables.stringValue(heading.documentCode(), true));
				execution.setVariableLocal(DirectiveProcess.VAR_SECTION, Variables.stringValue(heading.section(), true));
			});
		}
		Object unit = execution.getVariable(DirectiveProcess.VAR_UNIT);
		if (execution.getVariable(DirectiveProcess.VAR_UNIT_NAME) == null && unit != null) {
			execution.setVariableLocal(DirectiveProcess.VAR_UNIT_NAME, Variables.stringValue(units.getObject().nameOf(unit.toString()), true));
		}
	}

	private static boolean inDirective(ActivityImpl activity) {
		return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition && DirectiveProcess.KEY.equals(definition.getKey());
	}

}
