package vn.dondoc.calendar;

/**
 * A deadline phrase that cannot be read. The message (in Vietnamese) says what was not understood;
 * the parser never guesses a date instead.
 */
public class DeadlineParseException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String phrase;
	private final String unreadable;

	DeadlineParseException(String phrase, String unreadable, String message) {
		super(message);
		this.phrase = phrase;
		this.unreadable = unreadable;
	}

	/** The whole phrase that was given. */
	public String phrase() {
		return phrase;
	}

	/** The part of the phrase that could not be understood (the whole phrase when nothing was recognised). */
	public String unreadable() {
		return unreadable;
	}
}
