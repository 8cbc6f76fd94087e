package vn.dondoc.notification;

import java.time.DayOfWeek;
import java.util.function.Predicate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * With {@code dondoc.notification.digest} on, reminders wait in the outbox ({@code DIGEST_WAIT}) and are
 * gathered here, once per working morning, into one e-mail per set of recipients (in practice: per
 * unit). The digest is an outbox row like any other, so it is retried and dead-lettered the same way.
 * Its idempotency key names the day and the recipients, so however many nodes compile at once, each
 * recipient gets at most one digest a day; reminders queued after that morning's digest wait for the
 * next one.
 * <p>
 * "Working morning" is Monday to Friday at {@code dondoc.notification.digest-at}; public holidays are
 * not skipped here (a digest on a holiday morning is read on the next working day).
 */
class DigestCompiler {

	private static final Logger log = LoggerFactory.getLogger(DigestCompiler.class);

	private final Outbox outbox;

	private final NotificationSettings settings;

	private final MessageComposer composer;

	private final TransactionOperations transactions;

	private final Predicate<LocalDate> workingDay;

	DigestCompiler(Outbox outbox, NotificationSettings settings, MessageComposer composer,
			TransactionOperations transactions) {
		this(outbox, settings, composer, transactions,
				day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
	}

	/** @param workingDay whether a day is a working day in Vietnam (holidays and make-up Saturdays included) */
	DigestCompiler(Outbox outbox, NotificationSettings settings, MessageComposer composer,
			TransactionOperations transactions, Predicate<LocalDate> workingDay) {
		this.workingDay = workingDay;
		this.outbox = outbox;
		this.settings = settings;
		this.composer = composer;
		this.transactions = transactions;
	}

	/** Whether a digest may go out at this moment. */
	boolean isDigestTime(Instant now) {
		ZonedDateTime local = now.atZone(VietnameseDates.ZONE);
		return settings.digest() && workingDay.test(local.toLocalDate())
				&& !local.toLocalTime().isBefore(settings.digestAt());
	}

	/**
	 * Gathers the waiting reminders into digest rows if it is digest time; returns how many digests. With
	 * the digest switched off, reminders still waiting from when it was on are sent on their own instead
	 * of waiting forever.
	 */
	int compileIfDue(Instant now) {
		if (!settings.digest()) {
			int released = outbox.releaseDigestWaiting(now);
			if (released > 0) {
				log.info("The digest is off: {} reminder(s) that waited for it are sent on their own", released);
			}
			return 0;
		}
		return isDigestTime(now) ? compile(now) : 0;
	}

	/** Gathers the waiting reminders into one digest row per set of recipients; returns how many. */
	int compile(Instant now) {
		LocalDate day = VietnameseDates.today(now);
		Map<List<String>, List<OutboxRow>> byRecipients = new LinkedHashMap<>();
		for (OutboxRow row : outbox.waitingForDigest()) {
			byRecipients.computeIfAbsent(row.to(), to -> new ArrayList<>()).add(row);
		}
		int compiled = 0;
		for (Map.Entry<List<String>, List<OutboxRow>> group : byRecipients.entrySet()) {
			Boolean done = transactions.execute(status -> compileOne(day, now, group.getKey(), group.getValue()));
			compiled += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return compiled;
	}

	private boolean compileOne(LocalDate day, Instant now, List<String> to, List<OutboxRow> rows) {
		List<Payloads.Item> items = new ArrayList<>();
		Set<String> cc = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		for (OutboxRow row : rows) {
			NotificationRequest request = Payloads.request(row.payload());
			items.add(new Payloads.Item(request, VietnameseDates.today(row.createdAt())));
			cc.addAll(row.cc());
			names.addAll(request.recipientNames());
		}
		cc.removeAll(to);
		String key = "digest/" + day + "/" + Digests.sha256Hex(String.join("\n", to)).substring(0, 16);
		String subject = Subjects.digest(day, items.size(), List.copyOf(names));
		String leadUnit = rows.stream().map(OutboxRow::leadUnitCode).distinct().count() == 1 ? rows.get(0).leadUnitCode()
				: null;
		boolean created = outbox.insertIfAbsent(new Outbox.NewRow(key, OutboxRow.DIGEST, null, leadUnit, null, to,
				List.copyOf(cc), subject, Payloads.write(new Payloads.Digest(day, items)), composer.messageId(key),
				DeliveryState.PENDING, now, null));
		if (!created) {
			// today's digest for these readers is out already (or another node just wrote it)
			return false;
		}
		long digestId = outbox.find(key).orElseThrow().id();
		int attached = outbox.attachToDigest(rows.stream().map(OutboxRow::id).toList(), digestId);
		log.info("Digest of {} for {} put together with {} reminder(s) [#{}]", VietnameseDates.date(day),
				String.join(", ", to), attached, digestId);
		return true;
	}

}
