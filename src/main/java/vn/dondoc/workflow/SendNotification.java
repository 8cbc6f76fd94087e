package vn.dondoc.workflow;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The service behind the "Gửi thông báo" element template ({@code ${dondocSendNotification}}): maps the
 * step's input parameters to a {@link NotificationRequested} event.
 */
@Component("dondocSendNotification")
class SendNotification implements JavaDelegate {

	static final String INPUT_RECIPIENTS = "recipients";

	static final String INPUT_SUBJECT = "subject";

	static final String INPUT_MESSAGE = "message";

	/** Optional: the date the message sets (a Date, a LocalDate or {@code yyyy-MM-dd}); without it, the mail names none. */
	static final String INPUT_DUE_DATE = "dueDate";

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final ApplicationEventPublisher events;

	SendNotification(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void execute(DelegateExecution execution) {
		events.publishEvent(request(execution));
	}

	static NotificationRequested request(DelegateExecution execution) {
		Object recipients = execution.getVariableLocal(INPUT_RECIPIENTS);
		List<String> units = recipients instanceof List<?> list ? list.stream().map(Object::toString).toList()
				: Arrays.stream(String.valueOf(recipients).split(",")).map(String::strip).filter(unit -> !unit.isEmpty()).toList();
		if (recipients == null || units.isEmpty()) {
			throw new IllegalArgumentException("Bước '" + execution.getCurrentActivityName() + "' không có đơn vị nhận (recipients)");
		}
		return new NotificationRequested(execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId(), units,
				String.valueOf(execution.getVariableLocal(INPUT_SUBJECT)), String.valueOf(execution.getVariableLocal(INPUT_MESSAGE)),
				execution.getProcessInstanceId(), execution.getProcessBusinessKey(), execution.getCurrentActivityId(),
				processName(execution), dueDate(execution));
	}

	private static String processName(DelegateExecution execution) {
		if (execution.getBpmnModelInstance() == null) {
			return null;
		}
		String key = execution.getProcessDefinitionId() == null ? null : execution.getProcessDefinitionId().split(":")[0];
		Process process = key == null ? null : execution.getBpmnModelInstance().getModelElementById(key);
		return process == null || process.getName() == null || process.getName().isBlank() ? null : process.getName().strip();
	}

	private static LocalDate dueDate(DelegateExecution execution) {
		Object value = execution.getVariableLocal(INPUT_DUE_DATE);
		if (value instanceof Date date) {
			return date.toInstant().atZone(VIETNAM).toLocalDate();
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof ZonedDateTime date) {
			return date.withZoneSameInstant(VIETNAM).toLocalDate();
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
			}
			catch (DateTimeParseException e) {
				throw new IllegalArgumentException("Bước '" + execution.getCurrentActivityName() + "': dueDate «" + text
						+ "» không phải ngày (yyyy-MM-dd)", e);
			}
		}
		return null;
	}

}
