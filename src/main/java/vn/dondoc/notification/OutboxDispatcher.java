package vn.dondoc.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import vn.dondoc.notification.MessageComposer.StableIdMimeMessage;

/**
 * Sends what is due in the outbox. Any number of nodes may run it at once: each run first takes a lease
 * on a batch of rows (one guarded {@code UPDATE} per row, so exactly one run gets each row), sends the
 * batch over one SMTP connection (one an earlier run left open, when there is one: {@link #keepIdle}), and records each message as sent the moment the server accepts it; the
 * failures are then recorded: retry later (with exponential back-off) or dead (refused for good).
 * <p>
 * A node that dies mid-batch leaves its rows leased; once the lease runs out any node takes them again.
 * A live run renews its lease while it composes the batch and once more just before it connects, and
 * sends only the rows it still holds: a run slowed down past its lease (a busy node) loses rows to
 * another run instead of sending them a second time. The one window no outbox can close over SMTP lies
 * between the server's "250 OK" for a message and the update that records it as sent: a crash there
 * sends that message again at the next attempt. It is one message per connection at most (each is
 * recorded as soon as it is accepted), so a crash repeats at most {@code senders} messages. The repeat carries the same Message-ID, so mail clients
 * that recognise repeats show it once.
 */
class OutboxDispatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	/** A run stops after this many full batches, so one node never hogs the outbox for long. */
	private static final int MAX_BATCHES_PER_RUN = 20;

	private final Outbox outbox;

	private final MessageComposer composer;

	private final JavaMailSender mailSender;

	private final NotificationSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final String node;

	private final AtomicLong runs = new AtomicLong();

	/** Connections a run left open, newest first ({@link #keepIdle}). */
	private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

	/** An idle connection is closed after this: servers drop quiet clients, and a burst is over by then. */
	static final Duration IDLE_CONNECTION = Duration.ofSeconds(10);

	OutboxDispatcher(Outbox outbox, MessageComposer composer, JavaMailSender mailSender, NotificationSettings settings,
			Clock clock, ApplicationEventPublisher events, String node) {
		this.outbox = outbox;
		this.composer = composer;
		this.mailSender = mailSender;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.node = node;
	}

	String node() {
		return node;
	}

	/** Sends every row that is due now, batch after batch. */
	DispatchCounts dispatchDue() {
		return dispatchDue(() -> true);
	}

	/** As {@link #dispatchDue()}, stopping after the batch in flight once {@code carryOn} says no. */
	DispatchCounts dispatchDue(BooleanSupplier carryOn) {
		closeIdle(false);
		DispatchCounts total = DispatchCounts.NONE;
		for (int i = 0; i < MAX_BATCHES_PER_RUN && carryOn.getAsBoolean(); i++) {
			String token = node + "/" + runs.incrementAndGet();
			List<OutboxRow> batch = claimBatch(token);
			if (batch.isEmpty()) {
				break;
			}
			total = total.plus(send(batch, token));
			if (batch.size() < settings.batchSize()) {
				break;
			}
		}
		if (total.attempted() > 0) {
			log.info("Notification dispatch on {}: {} sent, {} to retry later, {} given up", node, total.sent(),
					total.retrying(), total.dead());
		}
		return total;
	}

	private List<OutboxRow> claimBatch(String token) {
		Instant now = clock.instant();
		Instant until = now.plus(settings.lease());
		// losing a row to another node is normal: it simply is not ours to send
		if (outbox.claim(outbox.due(now, settings.batchSize()), token, now, until) == 0) {
			return List.of();
		}
		return outbox.claimedBy(token);
	}

	private DispatchCounts send(List<OutboxRow> batch, String token) {
		int dead = 0;
		int retrying = 0;
		Map<StableIdMimeMessage, OutboxRow> messages = new LinkedHashMap<>();
		int lost = 0;
		Set<Long> held = new HashSet<>();
		batch.forEach(row -> held.add(row.id()));
		Instant renewAt = clock.instant().plus(settings.lease().dividedBy(2));
		for (OutboxRow row : batch) {
			if (!clock.instant().isBefore(renewAt)) {
				held.retainAll(outbox.renew(token, clock.instant().plus(settings.lease())));
				renewAt = clock.instant().plus(settings.lease().dividedBy(2));
			}
			if (!held.contains(row.id())) {
				lost++;
				continue;
			}
			try {
				messages.put(composer.compose(row), row);
			}
			catch (HeaderText.RejectedAddressException e) {
				dead += settleFailure(row, token, SmtpFailure.permanent(e.getMessage()), false) ? 1 : 0;
			}
			catch (Exception e) {
				// a broken template or payload: an operator can fix it, so it is worth another try
				SmtpFailure failure = SmtpFailure.transientFailure("Không soạn được thư: " + e);
				if (settleFailure(row, token, failure, true)) {
					dead++;
				}
				else {
					retrying++;
				}
			}
		}
		// the lease must cover the SMTP dialogue; a row another run took over meanwhile is that run's to send
		held.retainAll(outbox.renew(token, clock.instant().plus(settings.lease())));
		int composed = messages.size();
		messages.values().removeIf(row -> !held.contains(row.id()));
		lost += composed - messages.size();
		if (lost > 0) {
			log.warn("Run {} lost {} of its {} messages to another run: its lease ({}) ran out before they were sent. "
					+ "They go out once, from the other run; make dondoc.notification.lease longer than a batch takes.",
					token, lost, batch.size(), settings.lease());
		}
		// each message is recorded as sent as soon as the server accepts it: a crash repeats at most the one
		// message in flight on this connection
		int[] sent = { 0 };
		Map<Object, Exception> failures = deliver(messages.keySet().toArray(StableIdMimeMessage[]::new), message -> {
			recordSent(messages.get(message), message);
			sent[0]++;
		});
		for (Map.Entry<StableIdMimeMessage, OutboxRow> entry : messages.entrySet()) {
			Exception failure = failures.get(entry.getKey());
			if (failure == null) {
				continue;
			}
			if (settleFailure(entry.getValue(), token, SmtpFailure.of(failure), true)) {
				dead++;
			}
			else {
				retrying++;
			}
		}
		return new DispatchCounts(sent[0], retrying, dead, 0);
	}

	/**
	 * One connection for the whole batch (at most {@code batchSize} messages per connection, as before it was
	 * kept open between runs), each message handed to {@code accepted} as soon as the server
	 * answered "250 OK" for it. Returns the messages that failed, each with its exception; a message is
	 * either accepted or failed.
	 */
	private Map<Object, Exception> deliver(StableIdMimeMessage[] messages, Consumer<StableIdMimeMessage> accepted) {
		if (messages.length == 0) {
			return Map.of();
		}
		if (!(mailSender instanceof JavaMailSenderImpl sender)) {
			// another kind of sender: the whole batch at once, recorded when it is over
			Map<Object, Exception> failures;
			try {
				mailSender.send(messages);
				failures = Map.of();
			}
			catch (MailSendException e) {
				failures = e.getFailedMessages().isEmpty() ? allFailed(messages, e) : e.getFailedMessages();
			}
			catch (MailException e) {
				failures = allFailed(messages, e);
			}
			for (StableIdMimeMessage message : messages) {
				if (!failures.containsKey(message)) {
					accepted.accept(message);
				}
			}
			return failures;
		}
		Map<Object, Exception> failures = new LinkedHashMap<>();
		Connection connection = idle.pollFirst();
		// a connection left by an earlier run may have been dropped meanwhile: it is asked once (NOOP) before use
		boolean verify = connection != null;
		try {
			for (int i = 0; i < messages.length; i++) {
				StableIdMimeMessage message = messages[i];
				if (connection != null && connection.sent >= settings.batchSize()) {
					connection.close();
					connection = null;
				}
				if (connection == null || (verify && !connection.transport.isConnected())) {
					if (connection != null) {
						connection.close();
					}
					connection = null;
					try {
						connection = new Connection(connect(sender));
					}
					catch (AuthenticationFailedException e) {
						// the relay refused our credentials: nothing goes out
						return remaining(failures, messages, i, new MailAuthenticationException(e));
					}
					catch (MessagingException e) {
						return remaining(failures, messages, i, new MailSendException("Mail server connection failed", e));
					}
				}
				try {
					// the header is looked at, not parsed: the composer has set it
					if (message.getHeader("Date") == null) {
						message.setSentDate(new Date());
					}
					String messageId = message.getMessageID();
					message.saveChanges();
					if (messageId != null) {
						// the stable Message-ID (from the idempotency key) survives saveChanges
						message.setHeader("Message-ID", messageId);
					}
					Address[] recipients = message.getAllRecipients();
					connection.sent++;
					connection.transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
				}
				catch (Exception e) {
					failures.put(message, e);
					// a refused message leaves the connection usable, a broken one does not: ask before the next
					verify = true;
					continue;
				}
				// the server has just answered on this connection: the next message needs no NOOP first
				verify = false;
				accepted.accept(message);
			}
			return failures;
		}
		finally {
			if (connection != null) {
				if (verify || connection.sent >= settings.batchSize()) {
					connection.close();
				}
				else {
					keepIdle(connection);
				}
			}
		}
	}

	/**
	 * Leaves a connection open for the next run, at most {@code senders} of them. In a burst each run often
	 * sends one or two messages (it starts as soon as a firing commits), and opening a connection for each
	 * (greeting, EHLO, QUIT, a session on the server) cost more than the message.
	 */
	private void keepIdle(Connection connection) {
		connection.idleSince = System.nanoTime();
		idle.addFirst(connection);
		while (idle.size() > settings.senders()) {
			Connection extra = idle.pollLast();
			if (extra != null) {
				extra.close();
			}
		}
	}

	/** Closes the connections left open longer than {@link #IDLE_CONNECTION}, or all of them. */
	void closeIdle(boolean all) {
		long now = System.nanoTime();
		for (Connection connection = idle.pollLast(); connection != null; connection = idle.pollLast()) {
			if (!all && now - connection.idleSince < IDLE_CONNECTION.toNanos()) {
				idle.addLast(connection);
				return;
			}
			connection.close();
		}
	}

	/** On shutdown: no connection stays open. */
	@Override
	public void close() {
		closeIdle(true);
	}

	/** An open SMTP connection and how many messages it carried, as the plain client of the benchmark counts. */
	private static final class Connection {

		final Transport transport;

		int sent;

		long idleSince;

		Connection(Transport transport) {
			this.transport = transport;
		}

		void close() {
			OutboxDispatcher.close(transport);
		}

	}

	private static Transport connect(JavaMailSenderImpl sender) throws MessagingException {
		Transport transport = sender.getSession().getTransport(sender.getProtocol() == null ? "smtp" : sender.getProtocol());
		transport.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
		return transport;
	}

	private static void close(Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException e) {
				// the messages are settled already; a connection that does not close cleanly changes nothing
			}
		}
	}

	private static Map<Object, Exception> remaining(Map<Object, Exception> failures, MimeMessage[] messages, int from, Exception failure) {
		for (int i = from; i < messages.length; i++) {
			failures.put(messages[i], failure);
		}
		return failures;
	}

	private static Map<Object, Exception> allFailed(MimeMessage[] messages, Exception failure) {
		Map<Object, Exception> all = new LinkedHashMap<>();
		for (MimeMessage message : messages) {
			all.put(message, failure);
		}
		return all;
	}

	private void recordSent(OutboxRow row, StableIdMimeMessage message) {
		Instant sentAt = clock.instant();
		if (outbox.markSent(row.id(), sentAt)) {
			log.info("Sent {} (attempt {}, Message-ID {})", row.describe(), row.attempts() + 1, row.messageId());
		}
		else {
			log.warn("Sent {}, but another node had already settled this message: its readers may get it twice. "
					+ "Make dondoc.notification.lease longer than a batch takes to send.", row.describe());
		}
		announce(row, message, sentAt);
	}

	/** Records a failure; {@code true} when the message is now dead. */
	private boolean settleFailure(OutboxRow row, String token, SmtpFailure failure, boolean attempted) {
		int attempt = row.attempts() + (attempted ? 1 : 0);
		if (failure.permanent()) {
			outbox.markDead(row.id(), token, failure.answer(), attempted);
			log.warn("Gave up {}: {}. It stays in the outbox as a dead letter; fix the address or the mailbox and "
					+ "queue it again.", row.describe(), failure.answer());
			return true;
		}
		if (attempt >= settings.maxAttempts()) {
			outbox.markDead(row.id(), token, "Đã thử " + attempt + " lần, lần cuối: " + failure.answer(), attempted);
			log.warn("Gave up {} after {} attempts; the last one failed with: {}", row.describe(), attempt,
					failure.answer());
			return true;
		}
		Instant next = clock.instant().plus(settings.retryDelay(attempt));
		outbox.scheduleRetry(row.id(), token, next, failure.answer());
		log.warn("Could not send {} (attempt {} of {}): {}. Trying again at {}.", row.describe(), attempt,
				settings.maxAttempts(), failure.answer(), VietnameseDates.dateTime(next));
		return false;
	}

	/** Publishes {@link NotificationSent} for each notification the message carried (none for a report). */
	private void announce(OutboxRow row, StableIdMimeMessage message, Instant sentAt) {
		try {
			for (NotificationRequest request : message.about) {
				events.publishEvent(sent(request, row, sentAt, row.isDigest()));
			}
		}
		catch (RuntimeException e) {
			// the mail is out and recorded; a listener's trouble must not make it look unsent
			log.error("A listener of NotificationSent failed for {}", row.describe(), e);
		}
	}

	private static NotificationSent sent(NotificationRequest request, OutboxRow row, Instant sentAt, boolean inDigest) {
		return new NotificationSent(request.idempotencyKey(), request.kind(), request.directiveId(), request.taskId(),
				request.leadUnitCode(), new ArrayList<>(row.to()), sentAt, row.messageId(), inDigest);
	}

}
