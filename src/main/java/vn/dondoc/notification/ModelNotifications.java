package vn.dondoc.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.workflow.NotificationRequested;

/**
 * The "Gửi thông báo" service tasks of the models: their request becomes an outbox row in the same
 * transaction as the step, addressed to the mailboxes of the units the model names.
 */
@Component
class ModelNotifications {

	private static final Logger log = LoggerFactory.getLogger(ModelNotifications.class);

	private final Notifications notifications;

	private final UnitDirectory units;

	ModelNotifications(Notifications notifications, UnitDirectory units) {
		this.notifications = notifications;
		this.units = units;
	}

	@EventListener
	void on(NotificationRequested requested) {
		Set<String> to = new LinkedHashSet<>();
		List<String> names = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		for (String reference : requested.recipientUnits()) {
			List<String> expanded = units.expand(reference).orElse(List.of());
			if (expanded.isEmpty()) {
				log.warn("Model step {} of {} names an unknown unit '{}': it gets no mail", requested.activityId(),
						requested.businessKey(), reference);
			}
			for (String code : expanded) {
				Unit unit = units.find(code).orElseThrow();
				to.addAll(unit.mailboxes());
				names.add(unit.name());
				codes.add(code);
			}
		}
		if (to.isEmpty()) {
			log.warn("Model step {} of {} has no recipient with a mailbox: nothing sent", requested.activityId(), requested.businessKey());
			return;
		}
		// template message.html: the units are recipients, not lead units; a date only when the model gives one
		notifications.enqueue(new NotificationRequest(requested.idempotencyKey(), NotificationKind.MESSAGE, List.copyOf(to),
				List.of(), null, null, requested.subject(), null, requested.message(), String.join(",", codes),
				String.join(", ", names), requested.dueDate(), null, 0, null, null, names, null, null, requested.processName(),
				null, false));
	}

}
