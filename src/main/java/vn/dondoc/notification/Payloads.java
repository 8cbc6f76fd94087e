package vn.dondoc.notification;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The request stored in an outbox row, as JSON. The message is rendered when it is sent, not when it is
 * queued, so a template error never rolls back the caller's transaction. Unknown fields are ignored,
 * so rows queued by an older or newer dondoc still read.
 */
final class Payloads {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Payloads() {
	}

	/** {@link Item#list()} of the office digest: a report or an extension request awaiting the office's review. */
	static final String AWAITING_REVIEW = "AWAITING_REVIEW";

	/** {@link Item#list()} of the office digest: a lead part late since the previous working day. */
	static final String NEWLY_OVERDUE = "NEWLY_OVERDUE";

	/**
	 * The reminders of one digest e-mail, each with the day it was due to go out on its own; or, with
	 * {@code office}, the office's daily digest.
	 */
	record Digest(LocalDate day, List<Item> items, boolean office) {

		Digest(LocalDate day, List<Item> items) {
			this(day, items, false);
		}

	}

	/** @param list which list of the office digest it belongs to, {@code null} in a unit's digest */
	record Item(NotificationRequest request, LocalDate remindedOn, String list) {

		Item(NotificationRequest request, LocalDate remindedOn) {
			this(request, remindedOn, null);
		}

	}

	static String write(Object payload) {
		try {
			return JSON.writeValueAsString(payload);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot write the notification as JSON", e);
		}
	}

	static NotificationRequest request(String json) {
		return read(json, NotificationRequest.class);
	}

	static ReportMail.Payload report(String json) {
		return read(json, ReportMail.Payload.class);
	}

	static Digest digest(String json) {
		return read(json, Digest.class);
	}

	private static <T> T read(String json, Class<T> type) {
		try {
			return JSON.readValue(json, type);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot read a stored notification: " + e.getOriginalMessage(), e);
		}
	}

}
