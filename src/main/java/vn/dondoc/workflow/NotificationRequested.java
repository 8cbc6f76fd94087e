package vn.dondoc.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * A "Gửi thông báo" step of a BPMN model (element template {@code vn.dondoc.SendNotification}) asks for an
 * e-mail to the mailboxes of some units. Published in the transaction of the step; the notification feature
 * turns it into outbox rows (listen with {@code @EventListener}, not after commit, so the row commits or
 * rolls back with the step).
 *
 * @param idempotencyKey unique per execution of the step: process instance + activity instance
 * @param recipientUnits unit codes
 * @param subject the subject line, as the model resolved it
 * @param message the plain-text body, as the model resolved it
 * @param processInstanceId the process instance of the step
 * @param businessKey its business key (a directive's id for directive processes), may be {@code null}
 * @param activityId the step's id in the model
 * @param processName the name of the step's process, or {@code null} when the model gives it none
 * @param dueDate the date the message sets, when the model gives one (input parameter {@code dueDate}), else
 * {@code null}
 */
public record NotificationRequested(String idempotencyKey, List<String> recipientUnits, String subject, String message,
		String processInstanceId, String businessKey, String activityId, String processName, LocalDate dueDate) {

	public NotificationRequested {
		recipientUnits = List.copyOf(recipientUnits);
	}

	/** A message without a process name or a date. */
	public NotificationRequested(String idempotencyKey, List<String> recipientUnits, String subject, String message,
			String processInstanceId, String businessKey, String activityId) {
		this(idempotencyKey, recipientUnits, subject, message, processInstanceId, businessKey, activityId, null, null);
	}

}
