package vn.dondoc.notification;

import java.time.Instant;
import java.util.List;

/**
 * Published after the SMTP server accepted a notification and the outbox recorded it as sent, e.g. for
 * the task's history ("Đã gửi nhắc hạn"). A reminder carried by a digest e-mail is announced on its
 * own, with the digest's Message-ID.
 *
 * @param idempotencyKey the key the caller queued it with
 * @param kind which message it was
 * @param directiveId the directive it was about
 * @param taskId the Camunda task, if any
 * @param leadUnitCode the unit that must carry the directive out
 * @param to the addresses it went to
 * @param sentAt when the server accepted it
 * @param messageId the Message-ID of the e-mail
 * @param inDigest whether it went out inside a digest e-mail
 */
public record NotificationSent(String idempotencyKey, NotificationKind kind, String directiveId, String taskId,
		String leadUnitCode, List<String> to, Instant sentAt, String messageId, boolean inDigest) {

	public NotificationSent {
		to = List.copyOf(to);
	}

}
