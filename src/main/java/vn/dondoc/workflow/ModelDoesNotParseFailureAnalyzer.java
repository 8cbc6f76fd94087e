package vn.dondoc.workflow;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken model into two readable paragraphs instead of a wall of stack traces. */
class ModelDoesNotParseFailureAnalyzer extends AbstractFailureAnalyzer<ModelDoesNotParseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ModelDoesNotParseException cause) {
		return new FailureAnalysis("The model " + cause.file() + " does not parse:\n  " + cause.problems(),
				"Fix " + cause.file() + " (open it in Camunda Modeler, which shows the same problems) or move it out of"
						+ " the model folder (dondoc.workflow.model-dir), then start dondoc again.",
				cause);
	}

}
