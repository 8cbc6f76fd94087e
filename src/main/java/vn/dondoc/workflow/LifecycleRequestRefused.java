package vn.dondoc.workflow;

import java.util.List;

/**
 * {@link DirectiveLifecycle} refused a request: the task is not the right one or no longer open, or the
 * rules refuse the report, review or extension. {@link #problems()} says why, in Vietnamese, for the user.
 */
public class LifecycleRequestRefused extends RuntimeException {

	private final List<String> problems;

	public LifecycleRequestRefused(List<String> problems, Throwable cause) {
		super(String.join("; ", problems), cause);
		this.problems = List.copyOf(problems);
	}

	public LifecycleRequestRefused(String problem) {
		this(List.of(problem), null);
	}

	public List<String> problems() {
		return problems;
	}

}
