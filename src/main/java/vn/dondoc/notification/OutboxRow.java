package vn.dondoc.notification;

import java.time.Instant;
import java.util.List;

/** One row of the {@code notification} outbox table. */
record OutboxRow(long id, String idempotencyKey, String kind, String directiveId, String leadUnitCode, String taskId,
		List<String> to, List<String> cc, String subject, String payload, String messageId, DeliveryState state,
		int attempts, Instant createdAt, Instant nextAttemptAt, String claimedBy, Instant claimedUntil, Instant sentAt,
		String lastError, Long digestId) {

	/** The kind of row that carries several reminders in one e-mail. */
	static final String DIGEST = "DIGEST";

	/** The kind of row that carries a report file ({@link ReportMails}). */
	static final String REPORT = "REPORT";

	boolean isDigest() {
		return DIGEST.equals(kind);
	}

	boolean isReport() {
		return REPORT.equals(kind);
	}

	/** The notification kind, or {@code null} for a digest or a report. */
	NotificationKind notificationKind() {
		return isDigest() || isReport() ? null : NotificationKind.valueOf(kind);
	}

	/** For a log line: who it goes to and what it is. */
	String describe() {
		return "'" + subject + "' to " + String.join(", ", to) + (cc.isEmpty() ? "" : " (cc " + String.join(", ", cc) + ")")
				+ " [#" + id + ", key " + idempotencyKey + "]";
	}

}
