package vn.dondoc.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues an e-mail that carries a report, through the same outbox as every other message: one row (kind
 * {@code REPORT}, template {@code report}) and its file, in the caller's transaction; sent, retried and
 * given up like any other row, and queued once per idempotency key.
 */
@Component
public class ReportMails {

	private static final Logger log = LoggerFactory.getLogger(ReportMails.class);

	private final Outbox outbox;

	private final MessageComposer composer;

	private final MailFiles files;

	private final Clock clock;

	ReportMails(Outbox outbox, MessageComposer composer, JdbcClient jdbc, Clock clock) {
		this.outbox = outbox;
		this.composer = composer;
		this.files = new MailFiles(jdbc);
		this.clock = clock;
	}

	/** Whether a report under this key was queued before (then {@link #enqueue} would write nothing). */
	public boolean queued(String idempotencyKey) {
		return outbox.find(idempotencyKey).isPresent();
	}

	/**
	 * Queues the report's e-mail in the caller's transaction (a new one if none).
	 * @return {@code true} if written, {@code false} if its key was queued before
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public boolean enqueue(ReportMail mail) {
		if (mail.to().isEmpty() || mail.to().stream().anyMatch(HeaderText::hasControlCharacters)) {
			throw new IllegalArgumentException("A report mail needs recipients, each on one line: " + mail.to());
		}
		Instant now = clock.instant();
		String subject = HeaderText.subject(mail.subject());
		boolean written = outbox.insertIfAbsent(new Outbox.NewRow(mail.idempotencyKey(), OutboxRow.REPORT, null, null, null,
				mail.to(), List.of(), subject, Payloads.write(new ReportMail.Payload(mail.recipientNames(), mail.title(), mail.lines(),
						mail.file().name())),
				composer.messageId(mail.idempotencyKey()), DeliveryState.PENDING, now, null));
		if (written) {
			files.save(mail.idempotencyKey(), mail.file());
			log.info("Queued '{}' to {} with {} ({} bytes, key {})", subject, String.join(", ", mail.to()), mail.file().name(),
					mail.file().content().length, mail.idempotencyKey());
		}
		return written;
	}

}
