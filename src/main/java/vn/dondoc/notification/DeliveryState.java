package vn.dondoc.notification;

/** Where a notification is on its way to the reader. */
enum DeliveryState {

	/** Waiting for the dispatcher (first attempt or a retry after a transient failure). */
	PENDING("Chờ gửi"),

	/** The SMTP server accepted it. */
	SENT("Đã gửi"),

	/** Given up: refused for good, or out of attempts. {@code last_error} says why. */
	DEAD("Gửi thất bại"),

	/** A reminder waiting for the next morning's digest e-mail. */
	DIGEST_WAIT("Chờ thư tổng hợp"),

	/** A reminder put into a digest e-mail ({@code digest_id}), which carries its delivery. */
	DIGESTED("Đã đưa vào thư tổng hợp");

	private final String label;

	DeliveryState(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

}
