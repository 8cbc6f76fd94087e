package vn.dondoc.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notification feature's door: queue an e-mail about a directive task, and (for tests and
 * operators) send what is due right now.
 * <p>
 * Queuing writes one row to the outbox in the caller's transaction: the e-mail exists exactly when the
 * change that caused it (a task created, a reminder step fired) is committed, and it is sent after the
 * commit by the dispatcher, which retries until the SMTP server has it.
 */
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	/** What a digest may carry; assignment notices and escalations are always sent at once. */
	private static final Set<NotificationKind> DIGESTIBLE = EnumSet.of(NotificationKind.REMINDER,
			NotificationKind.DUE_SOON, NotificationKind.DUE_TODAY, NotificationKind.OVERDUE);

	// the column sizes of the outbox: checked here so that an oversized request fails clearly, not as SQL
	private static final int MAX_KEY_LENGTH = 300;

	private static final int MAX_ADDRESSES_LENGTH = 4000;

	private static final int MAX_DIRECTIVE_ID_LENGTH = 200;

	private final Outbox outbox;

	private final MessageComposer composer;

	private final OutboxDispatcher dispatcher;

	private final DigestCompiler digests;

	private final NotificationSettings settings;

	private final Clock clock;

	/** Told after the commit of a transaction that queued mail to send at once (the background dispatcher). */
	private volatile Runnable onQueued;

	Notifications(Outbox outbox, MessageComposer composer, OutboxDispatcher dispatcher, DigestCompiler digests,
			NotificationSettings settings, Clock clock) {
		this.outbox = outbox;
		this.composer = composer;
		this.dispatcher = dispatcher;
		this.digests = digests;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Queues one e-mail, in the caller's transaction (a new one if the caller has none): it is sent after
	 * that transaction commits, and never if it rolls back.
	 * <p>
	 * The idempotency key decides whether it is new: a key queued before (sent or not) writes nothing and
	 * returns {@code false}, without an exception and without harming the caller's transaction, so a
	 * reminder step that fires twice still sends one e-mail. Build the key from what makes the message
	 * unique, e.g. {@code <taskId>/<step>/<due date>}.
	 * <p>
	 * An address carrying a line break is never sent to: the row is written as a dead letter naming the
	 * address, and shows in {@code GET /api/notifications}.
	 * @param request what to send
	 * @return {@code true} if a row was written, {@code false} if the key was queued before
	 * @throws IllegalArgumentException if the request lacks a key, a kind or a recipient
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public boolean enqueue(NotificationRequest request) {
		requireComplete(request);
		Instant now = clock.instant();
		List<String> refused = new ArrayList<>();
		for (String address : concat(request.to(), request.cc())) {
			if (HeaderText.hasControlCharacters(address)) {
				refused.add(HeaderText.visible(address));
			}
		}
		DeliveryState state = !refused.isEmpty() ? DeliveryState.DEAD
				: settings.digest() && DIGESTIBLE.contains(request.kind()) ? DeliveryState.DIGEST_WAIT : DeliveryState.PENDING;
		String error = refused.isEmpty() ? null
				: "Từ chối địa chỉ chứa ký tự xuống dòng (CR/LF), có thể là chèn tiêu đề thư: " + String.join("; ", refused);
		String subject = composer.subject(request);
		boolean written = outbox.insertIfAbsent(new Outbox.NewRow(request.idempotencyKey(), request.kind().name(),
				request.directiveId(), request.leadUnitCode(), request.taskId(), visible(request.to()),
				visible(request.cc()), subject, Payloads.write(request), composer.messageId(request.idempotencyKey()),
				state, now, error));
		if (!written) {
			log.info("Not queued again: '{}' to {} was queued before under the key {}", subject,
					String.join(", ", request.to()), request.idempotencyKey());
		}
		else if (state == DeliveryState.DEAD) {
			log.warn("Refused '{}' (key {}): {}", subject, request.idempotencyKey(), error);
		}
		else {
			log.info("Queued '{}' to {}{} (key {})", subject, String.join(", ", request.to()),
					state == DeliveryState.DIGEST_WAIT ? " for the next digest" : "", request.idempotencyKey());
			if (state == DeliveryState.PENDING) {
				announceAfterCommit();
			}
		}
		return written;
	}

	/** Another digest compiled at each dispatch, when it is its time (the office's); returns how many it wrote. */
	private volatile java.util.function.ToIntFunction<Instant> alsoCompile = now -> 0;

	void alsoCompile(java.util.function.ToIntFunction<Instant> compiler) {
		this.alsoCompile = compiler;
	}

	/** Who to tell when queued mail has been committed; {@code null} for nobody. */
	void whenQueued(Runnable listener) {
		this.onQueued = listener;
	}

	/** Once per transaction: the dispatcher can send as soon as the rows are visible to it. */
	private void announceAfterCommit() {
		Runnable listener = onQueued;
		if (listener == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
			if (registered instanceof QueuedMail) {
				return;
			}
		}
		TransactionSynchronizationManager.registerSynchronization(new QueuedMail(listener));
	}

	private record QueuedMail(Runnable listener) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			listener.run();
		}

	}

	/**
	 * Sends, now and on this thread, everything that is due: the morning digests when it is their time,
	 * then every pending message whose next attempt has come. The background dispatcher calls this every
	 * {@code dondoc.notification.poll-interval}; tests call it to see mail go out without waiting. Safe to
	 * run on several nodes at once: each message is sent by one of them.
	 * @return what this run sent, postponed and gave up
	 */
	public DispatchCounts dispatchPending() {
		return dispatchPending(() -> true);
	}

	/** As {@link #dispatchPending()}, ending after the batch in flight once {@code carryOn} says no. */
	DispatchCounts dispatchPending(BooleanSupplier carryOn) {
		int compiled = digests.compileIfDue(clock.instant()) + alsoCompile.applyAsInt(clock.instant());
		DispatchCounts counts = dispatcher.dispatchDue(carryOn);
		return new DispatchCounts(counts.sent(), counts.retrying(), counts.dead(), compiled);
	}

	private static void requireComplete(NotificationRequest request) {
		List<String> problems = new ArrayList<>();
		if (request == null) {
			throw new IllegalArgumentException("No notification request");
		}
		if (request.idempotencyKey() == null || request.idempotencyKey().isBlank()) {
			problems.add("idempotencyKey is missing");
		}
		else if (request.idempotencyKey().length() > MAX_KEY_LENGTH) {
			problems.add("idempotencyKey is longer than " + MAX_KEY_LENGTH + " characters");
		}
		if (request.kind() == null) {
			problems.add("kind is missing");
		}
		if (request.to().isEmpty()) {
			problems.add("there is no recipient (to)");
		}
		if (String.join("\n", request.to()).length() > MAX_ADDRESSES_LENGTH
				|| String.join("\n", request.cc()).length() > MAX_ADDRESSES_LENGTH) {
			problems.add("the recipients (to or cc) are longer than " + MAX_ADDRESSES_LENGTH + " characters together");
		}
		if (request.directiveId() != null && request.directiveId().length() > MAX_DIRECTIVE_ID_LENGTH) {
			problems.add("directiveId is longer than " + MAX_DIRECTIVE_ID_LENGTH + " characters");
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("Cannot queue notification: " + String.join("; ", problems));
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static List<String> visible(List<String> addresses) {
		return addresses.stream().map(HeaderText::visible).toList();
	}

}
