package vn.dondoc.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import static vn.dondoc.directive.DirectiveProcess.VAR_EXTENSION_REASON;
import static vn.dondoc.directive.DirectiveProcess.VAR_EXTENSION_REQUESTED_BY;
import static vn.dondoc.directive.DirectiveProcess.VAR_REQUESTED_DUE_DATE;

/**
 * Message {@code extensionRequested} arrived on the unit's open carryOut task (its variables carry the
 * request): records it, or refuses it, which rolls the message back.
 */
public class ExtensionRequested implements ExecutionListener {

	@Override
	public void notify(DelegateExecution execution) {
		UnitPart part = UnitPart.in(execution).takeSubmitted();
		Object by = part.submitted(VAR_EXTENSION_REQUESTED_BY);
		part.requestExtension(part.submitted(VAR_REQUESTED_DUE_DATE), part.submitted(VAR_EXTENSION_REASON),
				by != null ? by.toString() : Actors.authenticated(execution.getProcessEngineServices()));
	}

}
