package vn.dondoc.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A Camunda Form (form-js JSON, {@code bpmn/*.form}) reduced to what the dashboard renders itself: text
 * blocks and simple fields (text, long text, number, select and radio with fixed values, checkbox, a date
 * written dd/MM/yyyy). Anything else (values from variables, conditions, expressions, other components)
 * is listed in {@link #unsupported()}, and such a form is left to Tasklist.
 *
 * @param texts the lines of the form's text blocks, in order (markdown markers removed)
 * @param fields the fields, in order
 * @param unsupported what the dashboard cannot render, in words; empty when the whole form is rendered here
 */
public record StartForm(List<String> texts, List<Field> fields, List<String> unsupported) {

	private static final ZoneId VIETNAM = WebDates.VIETNAM;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 .-]{5,}$");

	private static final Pattern NUMBER = Pattern.compile("^-?\\d+([.,]\\d+)?$");

	private static final Set<String> DECORATION = Set.of("spacer", "separator", "button", "image", "html");

	/** A start event without a form: no fields. */
	static final StartForm NONE = new StartForm(List.of(), List.of(), List.of());

	public record Option(String value, String label) {
	}

	/** One input of the form, with form-js's validation rules. */
	public record Field(String key, String type, String label, String description, boolean required, List<Option> options,
			Integer minLength, Integer maxLength, String pattern, String validationType, BigDecimal min, BigDecimal max,
			Integer decimalDigits, String defaultValue) {

		public boolean isDate() {
			return "datetime".equals(type);
		}

	}

	/**
	 * What was typed, checked.
	 *
	 * @param variables the process variables, typed (present only when there are no errors)
	 * @param errors per field key, the message naming the field
	 * @param values what was typed, per field key, to show the form again
	 */
	public record Filled(VariableMap variables, Map<String, String> errors, Map<String, String> values) {

		boolean valid() {
			return errors.isEmpty();
		}

	}

	static StartForm read(String json, ObjectMapper mapper) {
		JsonNode root;
		try {
			root = mapper.readTree(json);
		}
		catch (Exception e) {
			return new StartForm(List.of(), List.of(), List.of("tệp biểu mẫu không đọc được (" + e.getMessage() + ")"));
		}
		List<String> texts = new ArrayList<>();
		List<Field> fields = new ArrayList<>();
		List<String> unsupported = new ArrayList<>();
		for (JsonNode component : root.path("components")) {
			String type = component.path("type").asText("");
			String label = text(component, "label");
			if (label == null) {
				label = text(component, "dateLabel");
			}
			String key = text(component, "key");
			String name = label != null ? "«" + label + "»" : key != null ? "«" + key + "»" : "một thành phần";
			if (containsExpression(component)) {
				unsupported.add(name + " dùng biểu thức (=…)");
				continue;
			}
			if (component.has("conditional")) {
				unsupported.add(name + " chỉ hiện theo điều kiện");
				continue;
			}
			if ("text".equals(type)) {
				// one paragraph a line; markdown's heading and emphasis markers dropped
				component.path("text").asText("").lines()
					.map(line -> line.replaceAll("^#+\\s*", "").replace("**", "").strip())
					.filter(line -> !line.isEmpty())
					.forEach(texts::add);
				continue;
			}
			if (DECORATION.contains(type)) {
				continue;
			}
			if (!Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "datetime").contains(type)) {
				unsupported.add(name + " (loại «" + type + "»)");
				continue;
			}
			if (key == null || !key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
				unsupported.add(name + " có khóa «" + key + "» không phải tên biến đơn giản");
				continue;
			}
			if (("select".equals(type) || "radio".equals(type)) && !component.path("values").isArray()) {
				unsupported.add(name + " lấy danh sách lựa chọn từ biến");
				continue;
			}
			if ("datetime".equals(type) && !"date".equals(component.path("subtype").asText("date"))) {
				unsupported.add(name + " nhập cả giờ");
				continue;
			}
			JsonNode validate = component.path("validate");
			String pattern = text(validate, "pattern");
			if (pattern != null) {
				try {
					Pattern.compile(pattern);
				}
				catch (PatternSyntaxException e) {
					unsupported.add(name + " có mẫu kiểm tra không đọc được");
					continue;
				}
			}
			List<Option> options = new ArrayList<>();
			for (JsonNode value : component.path("values")) {
				String v = value.path("value").asText();
				options.add(new Option(v, value.path("label").asText(v)));
			}
			JsonNode defaultValue = component.get("defaultValue");
			fields.add(new Field(key, type, label != null ? label : key, text(component, "description"),
					validate.path("required").asBoolean(false), List.copyOf(options), integer(validate, "minLength"),
					integer(validate, "maxLength"), pattern, text(validate, "validationType"), decimal(validate, "min"),
					decimal(validate, "max"), integer(component, "decimalDigits"),
					defaultValue == null || defaultValue.isNull() ? null : defaultValue.asText()));
		}
		return new StartForm(List.copyOf(texts), List.copyOf(fields), List.copyOf(unsupported));
	}

	/** Checks what was typed against every field; the variables are typed as form-js would submit them. */
	Filled fill(Map<String, String> input) {
		VariableMap variables = Variables.createVariables();
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, String> values = new LinkedHashMap<>();
		for (Field field : fields) {
			String raw = input.get(field.key());
			String value = raw == null ? "" : raw.strip();
			values.put(field.key(), value);
			String name = "«" + field.label() + "»";
			if ("checkbox".equals(field.type())) {
				boolean checked = "true".equals(value) || "on".equals(value);
				if (field.required() && !checked) {
					errors.put(field.key(), name + ": cần đánh dấu ô này.");
				}
				variables.putValue(field.key(), checked);
				continue;
			}
			if (value.isEmpty()) {
				if (field.required()) {
					errors.put(field.key(), "Chưa nhập " + name + " (bắt buộc).");
				}
				else {
					variables.putValue(field.key(), "textfield".equals(field.type()) || "textarea".equals(field.type()) ? "" : null);
				}
				continue;
			}
			String error = switch (field.type()) {
				case "number" -> number(field, name, value, variables);
				case "datetime" -> date(field, name, value, variables);
				case "select", "radio" -> choice(field, name, value, variables);
				default -> text(field, name, value, variables);
			};
			if (error != null) {
				errors.put(field.key(), error);
			}
		}
		return new Filled(errors.isEmpty() ? variables : Variables.createVariables(), errors, values);
	}

	private static String text(Field field, String name, String value, VariableMap variables) {
		if (field.minLength() != null && value.length() < field.minLength()) {
			return name + " cần ít nhất " + field.minLength() + " ký tự (đang có " + value.length() + ").";
		}
		if (field.maxLength() != null && value.length() > field.maxLength()) {
			return name + " dài quá " + field.maxLength() + " ký tự (đang có " + value.length() + ").";
		}
		if ("email".equals(field.validationType()) && !EMAIL.matcher(value).matches()) {
			return name + " không phải địa chỉ thư điện tử: «" + value + "».";
		}
		if ("phone".equals(field.validationType()) && !PHONE.matcher(value).matches()) {
			return name + " không phải số điện thoại: «" + value + "».";
		}
		if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).find()) {
			return name + " không đúng dạng yêu cầu: «" + value + "»" + (field.description() != null ? " (" + field.description() + ")" : "") + ".";
		}
		variables.putValue(field.key(), value);
		return null;
	}

	private static String number(Field field, String name, String value, VariableMap variables) {
		if (!NUMBER.matcher(value).matches()) {
			return name + " phải là một số, ví dụ 12 hoặc 2,5: «" + value + "».";
		}
		BigDecimal number = new BigDecimal(value.replace(',', '.'));
		if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
			return name + (field.decimalDigits() == 0 ? " phải là số nguyên" : " chỉ được có " + field.decimalDigits() + " chữ số thập phân")
					+ ": «" + value + "».";
		}
		if (field.min() != null && number.compareTo(field.min()) < 0) {
			return name + " không được nhỏ hơn " + field.min().toPlainString() + ": «" + value + "».";
		}
		if (field.max() != null && number.compareTo(field.max()) > 0) {
			return name + " không được lớn hơn " + field.max().toPlainString() + ": «" + value + "».";
		}
		if (number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
			variables.putValue(field.key(), number.longValueExact());
		}
		else {
			variables.putValue(field.key(), number.doubleValue());
		}
		return null;
	}

	private static String date(Field field, String name, String value, VariableMap variables) {
		LocalDate day;
		try {
			day = LocalDate.parse(value, DAY);
		}
		catch (DateTimeParseException e) {
			return name + " phải là một ngày có thật, viết dd/MM/yyyy (ví dụ 30/06/2026): «" + value + "».";
		}
		// a date is a deadline: the end of that day in Vietnam, as dondoc stores every due date
		variables.putValue(field.key(), Date.from(day.atTime(23, 59, 59).atZone(VIETNAM).toInstant()));
		return null;
	}

	private static String choice(Field field, String name, String value, VariableMap variables) {
		if (field.options().stream().noneMatch(option -> option.value().equals(value))) {
			return name + ": hãy chọn một trong các giá trị có sẵn (không có «" + value + "»).";
		}
		variables.putValue(field.key(), value);
		return null;
	}

	private static boolean containsExpression(JsonNode component) {
		for (String property : List.of("label", "dateLabel", "text", "defaultValue", "description", "readonly", "disabled")) {
			JsonNode node = component.get(property);
			if (node != null && node.isTextual() && node.asText().startsWith("=")) {
				return true;
			}
		}
		return false;
	}

	private static String text(JsonNode node, String property) {
		JsonNode value = node.get(property);
		return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
	}

	private static Integer integer(JsonNode node, String property) {
		JsonNode value = node.get(property);
		return value != null && value.canConvertToInt() ? value.asInt() : null;
	}

	private static BigDecimal decimal(JsonNode node, String property) {
		JsonNode value = node.get(property);
		return value != null && value.isNumber() ? value.decimalValue() : null;
	}

}
