package vn.dondoc.notification;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.workflow.OfficeDecided;

/**
 * Tells a lead unit what the office decided on its report or its extension request: one outbox row in the
 * transaction of the decision, keyed by the office's review task, so the mail exists exactly when the
 * decision does and a decision is told once.
 */
@Component
class DecisionNotifications {

	private static final Logger log = LoggerFactory.getLogger(DecisionNotifications.class);

	private final Notifications notifications;

	private final UnitDirectory units;

	DecisionNotifications(Notifications notifications, UnitDirectory units) {
		this.notifications = notifications;
		this.units = units;
	}

	@EventListener
	void on(OfficeDecided decided) {
		Optional<Unit> found = decided.unit() == null ? Optional.empty() : units.find(decided.unit());
		if (found.isEmpty() || found.get().mailboxes().isEmpty()) {
			log.warn("Directive {}: {} of unit '{}' not mailed, the unit has no mailbox in the unit list", decided.businessKey(),
					decided.decision(), decided.unit());
			return;
		}
		Unit unit = found.get();
		notifications.enqueue(new NotificationRequest("decision:" + decided.taskId(), kind(decided.decision()),
				unit.mailboxes(), List.of(), decided.directiveId() != null ? decided.directiveId() : decided.businessKey(),
				orEmpty(decided.documentCode()), decided.documentTitle(), orEmpty(decided.section()),
				orEmpty(decided.directiveText()), unit.code(), unit.name(), decided.dueDate(),
				decided.originalDueDate() != null && !decided.originalDueDate().equals(decided.dueDate()) ? decided.originalDueDate()
						: null,
				decided.approvedExtensions(), null, decided.taskId(), List.of(unit.name()), decided.note(),
				decided.requestedDueDate()));
	}

	private static NotificationKind kind(OfficeDecided.Decision decision) {
		return switch (decision) {
			case REPORT_ACCEPTED -> NotificationKind.REPORT_ACCEPTED;
			case REPORT_RETURNED -> NotificationKind.REPORT_RETURNED;
			case EXTENSION_APPROVED -> NotificationKind.EXTENSION_APPROVED;
			case EXTENSION_REFUSED -> NotificationKind.EXTENSION_REFUSED;
		};
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

}
