package vn.dondoc.attachment;

/**
 * A file of a report is not acceptable (its kind, its size, the scanner): the whole report is refused.
 * {@link #field()} is {@code files[i]} (or {@code files} for the total), {@link #value()} the file's name.
 */
public class AttachmentRefused extends RuntimeException {

	private final String field;

	private final String value;

	public AttachmentRefused(String field, String value, String message) {
		super(message);
		this.field = field;
		this.value = value;
	}

	public String field() {
		return field;
	}

	public String value() {
		return value;
	}

}
