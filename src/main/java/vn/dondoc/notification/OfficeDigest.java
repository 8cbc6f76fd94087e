package vn.dondoc.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.UnitPart;
import vn.dondoc.directive.DirectiveStatus;
import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;

/**
 * The office's daily digest ({@link OfficeDigestSettings}): what awaits its review (reports submitted,
 * extension requests pending) and the lead parts that became overdue since the previous working day. It
 * rides on the unit digests' machinery: one outbox row of kind {@code DIGEST} a day, keyed by the day, so
 * however many nodes compile at once the office gets one; its own template {@code office-digest}.
 */
@Component
class OfficeDigest implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OfficeDigest.class);

	/** Enough for a morning's reading; the link to the list shows the rest. */
	static final int MAX_ITEMS = 100;

	private final OfficeDigestSettings settings;

	private final DirectiveCatalog catalog;

	private final UnitDirectory units;

	private final VietnamCalendar calendar;

	private final Outbox outbox;

	private final MessageComposer composer;

	private final Notifications notifications;

	private final Clock clock;

	OfficeDigest(OfficeDigestSettings settings, DirectiveCatalog catalog, UnitDirectory units, VietnamCalendar calendar,
			Outbox outbox, MessageComposer composer, Notifications notifications, Clock clock) {
		this.settings = settings;
		this.catalog = catalog;
		this.units = units;
		this.calendar = calendar;
		this.outbox = outbox;
		this.composer = composer;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Compiled where the unit digests are: at each dispatch, when it is time. */
	@Override
	public void afterSingletonsInstantiated() {
		notifications.alsoCompile(this::compileIfDue);
	}

	/** Writes today's office digest if it is on, a working day, past its time and not written yet; returns 1 if written. */
	int compileIfDue(Instant now) {
		if (!settings.enabled()) {
			return 0;
		}
		ZonedDateTime local = now.atZone(VietnameseDates.ZONE);
		LocalDate day = local.toLocalDate();
		if (!calendar.isWorkingDay(day) || local.toLocalTime().isBefore(settings.at())) {
			return 0;
		}
		String key = "office-digest/" + day;
		if (outbox.find(key).isPresent()) {
			return 0;
		}
		Optional<Unit> office = units.find(settings.unit());
		if (office.isEmpty() || office.get().mailboxes().isEmpty()) {
			log.warn("Office digest: the unit '{}' (dondoc.notification.office-digest.unit) has no mailbox in the unit list",
					settings.unit());
			return 0;
		}
		LocalDate previous = previousWorkingDay(day);
		List<Payloads.Item> items = new ArrayList<>();
		for (DirectiveView directive : catalog.directives(
				new DirectiveCatalog.Filter(null, null, null, null, null, null, true), 0, MAX_ITEMS).items()) {
			for (UnitPart part : leadParts(directive, false)) {
				items.add(new Payloads.Item(request(directive, part, NotificationKind.MESSAGE, office.get()), null, Payloads.AWAITING_REVIEW));
			}
		}
		// a part due on the previous working day (or on the days off since) is late from today
		for (DirectiveView directive : catalog.directives(
				new DirectiveCatalog.Filter(null, null, DirectiveStatus.OVERDUE, null, previous, day.minusDays(1)), 0, MAX_ITEMS).items()) {
			for (UnitPart part : leadParts(directive, true)) {
				if (part.dueDate() != null && !part.dueDate().isBefore(previous) && part.dueDate().isBefore(day)) {
					items.add(new Payloads.Item(request(directive, part, NotificationKind.OVERDUE, office.get()), null, Payloads.NEWLY_OVERDUE));
				}
			}
		}
		Unit unit = office.get();
		String subject = Subjects.officeDigest(day, items.stream().filter(i -> Payloads.AWAITING_REVIEW.equals(i.list())).count(),
				items.stream().filter(i -> Payloads.NEWLY_OVERDUE.equals(i.list())).count());
		boolean written = outbox.insertIfAbsent(new Outbox.NewRow(key, OutboxRow.DIGEST, null, unit.code(), null, unit.mailboxes(),
				List.of(), subject, Payloads.write(new Payloads.Digest(day, items, true)), composer.messageId(key),
				DeliveryState.PENDING, now, null));
		if (written) {
			log.info("Office digest of {} for {}: {} item(s)", VietnameseDates.date(day), String.join(", ", unit.mailboxes()),
					items.size());
		}
		return written ? 1 : 0;
	}

	private LocalDate previousWorkingDay(LocalDate day) {
		LocalDate previous = day.minusDays(1);
		for (int i = 0; i < 30 && !calendar.isWorkingDay(previous); i++) {
			previous = previous.minusDays(1);
		}
		return previous;
	}

	private static List<UnitPart> leadParts(DirectiveView directive, boolean overdueOnly) {
		return directive.units().stream()
			.filter(part -> "LEAD".equals(part.role()) && part.completedAt() == null)
			.filter(part -> !overdueOnly || DirectiveStatus.OVERDUE.name().equals(part.status()))
			.toList();
	}

	private NotificationRequest request(DirectiveView directive, UnitPart part, NotificationKind kind, Unit office) {
		Integer left = part.dueDate() == null ? null : workingDaysLeft(part.dueDate());
		return new NotificationRequest("office-digest-item", kind, office.mailboxes(), List.of(), String.valueOf(directive.id()),
				directive.documentCode(), directive.documentTitle(), directive.section(), directive.text(), part.code(), part.name(),
				part.dueDate(), null, 0, left, part.taskId(), List.of(office.name()));
	}

	/** Working days from today to the due day: positive before it, 0 on it, negative once late (as the reminders count). */
	private int workingDaysLeft(LocalDate due) {
		LocalDate today = VietnameseDates.today(clock.instant());
		int sign = due.isBefore(today) ? -1 : 1;
		LocalDate from = sign > 0 ? today : due;
		LocalDate to = sign > 0 ? due : today;
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to) && count < 1000; day = day.plusDays(1)) {
			if (calendar.isWorkingDay(day)) {
				count++;
			}
		}
		return sign * count;
	}

}
