package vn.dondoc.directive;

/**
 * The event date cannot be set: {@link #badInput()} when the date itself is refused (in the past), else the
 * directive is not in a state for it (it awaits no event, or its tracking has ended).
 */
public class EventDateRefused extends RuntimeException {

	private final boolean badInput;

	EventDateRefused(String message, boolean badInput) {
		super(message);
		this.badInput = badInput;
	}

	public boolean badInput() {
		return badInput;
	}

}
