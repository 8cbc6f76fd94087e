package vn.dondoc.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The checks of the lifecycle API's request fields: each refuses a bad value with an {@link ApiRefusal} that
 * names the field and the value, in Vietnamese.
 */
final class LifecycleApiInput {

	private LifecycleApiInput() {
	}

	static LocalDate isoDay(String field, String text) {
		if (text == null || text.isBlank()) {
			throw ApiRefusal.badInput(field, text, "Cần nhập " + field + " dạng yyyy-mm-dd");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw ApiRefusal.badInput(field, text, field + " phải là một ngày dạng yyyy-mm-dd (nhận được: '" + text + "')");
		}
	}

	static String required(String field, String value, String missing, int max) {
		if (value == null || value.isBlank()) {
			throw ApiRefusal.badInput(field, value, missing);
		}
		return optional(field, value, max);
	}

	static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw ApiRefusal.badInput(field, text.substring(0, 50) + "…", field + " dài quá " + max + " ký tự");
		}
		return text;
	}

	static String oneOf(String field, String value, List<String> allowed) {
		String text = value == null ? "" : value.strip();
		if (!allowed.contains(text)) {
			throw ApiRefusal.badInput(field, value, field + " phải là " + String.join(" hoặc ", allowed));
		}
		return text;
	}

}
