package vn.dondoc.notification;

/**
 * What one dispatch run did.
 *
 * @param sent messages the SMTP server accepted
 * @param retrying messages that failed for now (server down, 4xx) and wait for their next attempt
 * @param dead messages given up: refused for good (5xx, invalid address) or out of attempts
 * @param digests digest e-mails put together in this run (they are sent in the same or the next run)
 */
public record DispatchCounts(int sent, int retrying, int dead, int digests) {

	static final DispatchCounts NONE = new DispatchCounts(0, 0, 0, 0);

	DispatchCounts plus(DispatchCounts other) {
		return new DispatchCounts(sent + other.sent, retrying + other.retrying, dead + other.dead,
				digests + other.digests);
	}

	/** Messages handled in this run, whatever became of them. */
	public int attempted() {
		return sent + retrying + dead;
	}

}
