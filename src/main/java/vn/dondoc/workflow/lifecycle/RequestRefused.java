package vn.dondoc.workflow.lifecycle;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A report, review or extension that the rules refuse, with every reason in Vietnamese. Thrown by the
 * listeners, so the task stays open: Tasklist and the REST API (400) show the message.
 */
public class RequestRefused extends BadUserRequestException {

	private final List<String> problems;

	public RequestRefused(List<String> problems) {
		super(String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
