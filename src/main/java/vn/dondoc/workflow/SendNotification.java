package vn.dondoc.workflow;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
				execution.getProcessInstanceId(), execution.getProcessBusinessKey(), execution.getCurrentActivityId());
	}

}
