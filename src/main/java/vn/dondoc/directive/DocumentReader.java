package vn.dondoc.directive;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.stereotype.Component;

import vn.dondoc.calendar.Deadline;
import vn.dondoc.calendar.DeadlineKind;
import vn.dondoc.calendar.DeadlineParseException;
import vn.dondoc.calendar.DeadlineParser;
import vn.dondoc.unit.UnitDirectory;

/**
 * Reads a document (YAML or JSON, one schema) and checks all of it at once: every problem is reported
 * with its path and line, and a document with any problem is refused whole.
 */
@Component
class DocumentReader {

	static final Set<String> DOCUMENT_FIELDS = Set.of("code", "title", "issuedBy", "issuedOn", "signer", "directives");

	/** {@code due}, {@code evidence} and {@code confidence} come with a draft ({@code POST /api/drafts}) and are not read. */
	static final Set<String> DIRECTIVE_FIELDS = Set.of("section", "text", "lead", "coordinating", "deadline", "dueDate", "due",
			"evidence", "confidence");

	private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	/** Control characters other than tab and line breaks have no place in a document. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

	// a key written twice would silently keep only its last value: refused instead
	private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
		.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

	private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

	private final UnitDirectory units;

	private final DeadlineParser deadlines;

	DocumentReader(UnitDirectory units, DeadlineParser deadlines) {
		this.units = units;
		this.deadlines = deadlines;
	}

	/** The formats a document may come in. */
	enum Format {

		YAML, JSON;

		static Format of(String contentTypeOrFileName) {
			String hint = contentTypeOrFileName == null ? "" : contentTypeOrFileName.toLowerCase();
			return hint.contains("json") ? JSON : YAML;
		}

	}

	DocumentSpec read(String text, Format format) {
		ObjectMapper mapper = format == Format.JSON ? json : yaml;
		JsonNode root;
		Map<String, Integer> lines;
		try {
			root = mapper.readTree(text);
			lines = lineIndex(mapper.getFactory(), text);
		}
		catch (JsonProcessingException e) {
			throw new InvalidDocumentException(List.of(new DocumentProblem("(document)",
					e.getLocation() == null ? null : e.getLocation().getLineNr(), null,
					"Không phải " + format + " hợp lệ: " + e.getOriginalMessage())));
		}
		catch (IOException e) {
			throw new InvalidDocumentException(List.of(new DocumentProblem("(document)", null, null, e.getMessage())));
		}
		Problems problems = new Problems(lines);
		if (root == null || !root.isObject()) {
			problems.add("", null, "Văn bản phải gồm các trường code, title, issuedOn và directives");
			throw problems.exception();
		}
		unknownFields(root, "", DOCUMENT_FIELDS, problems);
		String code = text(root, "", "code", 100, true, problems);
		String title = text(root, "", "title", 500, true, problems);
		String issuedBy = text(root, "", "issuedBy", 300, false, problems);
		String signer = text(root, "", "signer", 300, false, problems);
		if (code != null && (code.contains("\n") || code.contains("\r"))) {
			problems.add("/code", code, "Phải viết trên một dòng");
		}
		LocalDate issuedOn = date(root, "", "issuedOn", true, problems);
		List<DocumentSpec.DirectiveSpec> directives = new ArrayList<>();
		JsonNode list = root.get("directives");
		if (list == null || !list.isArray() || list.isEmpty()) {
			problems.add("/directives", null, "Cần một danh sách có ít nhất một nhiệm vụ");
		}
		else {
			Set<String> sections = new HashSet<>();
			for (int i = 0; i < list.size(); i++) {
				DocumentSpec.DirectiveSpec directive = directive(list.get(i), "/directives/" + i, issuedOn, problems);
				if (directive != null && !sections.add(directive.section())) {
					problems.add("/directives/" + i + "/section", directive.section(), "Mục này có hai lần trong văn bản");
				}
				if (directive != null) {
					directives.add(directive);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw problems.exception();
		}
		return new DocumentSpec(code, title, issuedBy, issuedOn, signer, List.copyOf(directives));
	}

	private DocumentSpec.DirectiveSpec directive(JsonNode node, String path, LocalDate issuedOn, Problems problems) {
		if (node == null || !node.isObject()) {
			problems.add(path, null, "Mỗi nhiệm vụ phải gồm các trường section, text và lead");
			return null;
		}
		int before = problems.size();
		unknownFields(node, path, DIRECTIVE_FIELDS, problems);
		String section = text(node, path, "section", 60, true, problems);
		if (section != null && (section.contains("\n") || section.contains("\r") || section.contains("/"))) {
			problems.add(path + "/section", section, "Phải viết trên một dòng và không có dấu '/'");
		}
		String text = text(node, path, "text", 10_000, true, problems);
		List<String> lead = unitList(node, path, "lead", true, problems);
		List<String> coordinating = unitList(node, path, "coordinating", false, problems);
		String deadlineText = text(node, path, "deadline", 500, false, problems);
		LocalDate explicit = date(node, path, "dueDate", false, problems);
		Deadline deadline = null;
		if (deadlineText != null && issuedOn != null) {
			try {
				deadline = deadlines.parse(deadlineText, issuedOn);
			}
			catch (DeadlineParseException e) {
				problems.add(path + "/deadline", deadlineText, "Không đọc được thời hạn: " + e.getMessage());
			}
		}
		if (explicit != null) {
			deadline = new Deadline(deadlineText == null ? explicit.format(DirectiveViews.DATE) : deadlineText,
					DeadlineKind.FIXED_DATE, explicit, explicit, false, null,
					"Hạn do văn bản ghi rõ: " + explicit.format(DirectiveViews.DATE));
		}
		if (deadline != null && deadline.dueDate() != null && issuedOn != null && deadline.dueDate().isBefore(issuedOn)) {
			problems.add(path + (explicit != null ? "/dueDate" : "/deadline"), deadline.dueDate().toString(),
					"Hạn " + deadline.dueDate().format(DirectiveViews.DATE) + " sớm hơn ngày ban hành "
							+ issuedOn.format(DirectiveViews.DATE));
		}
		if (lead != null && coordinating != null) {
			for (String unit : coordinating) {
				if (lead.contains(unit)) {
					problems.add(path + "/coordinating", unit,
							"Một đơn vị không thể vừa chủ trì vừa phối hợp cùng một nhiệm vụ");
				}
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new DocumentSpec.DirectiveSpec(section, text, lead, coordinating == null ? List.of() : coordinating,
				deadlineText, deadline);
	}

	private List<String> unitList(JsonNode node, String path, String field, boolean required, Problems problems) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				problems.add(path + "/" + field, null, "Cần ít nhất một mã đơn vị hoặc @nhóm");
				return null;
			}
			return List.of();
		}
		List<JsonNode> items = new ArrayList<>();
		if (value.isArray()) {
			value.forEach(items::add);
		}
		else {
			items.add(value);
		}
		if (items.isEmpty() && required) {
			problems.add(path + "/" + field, null, "Cần ít nhất một mã đơn vị hoặc @nhóm");
			return null;
		}
		List<String> codes = new ArrayList<>();
		boolean ok = true;
		for (int i = 0; i < items.size(); i++) {
			String itemPath = path + "/" + field + (value.isArray() ? "/" + i : "");
			JsonNode item = items.get(i);
			if (!item.isTextual()) {
				problems.add(itemPath, item.toString(), "Phải là mã đơn vị hoặc @nhóm");
				ok = false;
				continue;
			}
			var expanded = units.expand(item.asText());
			if (expanded.isEmpty()) {
				problems.add(itemPath, item.asText(),
						"Không có đơn vị hay nhóm này (xem GET /api/units và config/units.yml)");
				ok = false;
				continue;
			}
			for (String code : expanded.get()) {
				if (!codes.contains(code)) {
					codes.add(code);
				}
			}
		}
		return ok ? codes : null;
	}

	private static String text(JsonNode node, String path, String field, int max, boolean required, Problems problems) {
		JsonNode value = node.get(field);
		String at = path + "/" + field;
		if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
			if (required) {
				problems.add(at, null, "Bắt buộc, chưa có giá trị");
			}
			return null;
		}
		if (!value.isTextual() && !value.isNumber()) {
			problems.add(at, shorten(value.toString()), "Phải là chuỗi ký tự");
			return null;
		}
		String text = value.asText().strip();
		if (text.length() > max) {
			problems.add(at, shorten(text), "Dài " + text.length() + " ký tự; tối đa " + max + " ký tự");
			return null;
		}
		if (CONTROL.matcher(text).find()) {
			problems.add(at, shorten(text), "Có ký tự điều khiển");
			return null;
		}
		return text;
	}

	private static LocalDate date(JsonNode node, String path, String field, boolean required, Problems problems) {
		String text = text(node, path, field, 40, required, problems);
		if (text == null) {
			return null;
		}
		try {
			if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(text);
			}
			return LocalDate.parse(text, VIETNAMESE_DATE);
		}
		catch (DateTimeException e) {
			problems.add(path + "/" + field, text, "Không phải ngày hợp lệ (viết dạng 2023-04-13 hoặc 13/4/2023)");
			return null;
		}
	}

	private static void unknownFields(JsonNode node, String path, Set<String> known, Problems problems) {
		Iterator<String> names = node.fieldNames();
		while (names.hasNext()) {
			String name = names.next();
			if (!known.contains(name)) {
				problems.add(path + "/" + name, null,
						"Không có trường này; các trường là " + String.join(", ", known.stream().sorted().toList()));
			}
		}
	}

	/** JSON pointer of every value in the text → the line it starts on. */
	private static Map<String, Integer> lineIndex(JsonFactory factory, String text) throws IOException {
		Map<String, Integer> lines = new HashMap<>();
		try (JsonParser parser = factory.createParser(text)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token == JsonToken.FIELD_NAME) {
					continue;
				}
				String pointer = parser.getParsingContext().pathAsPointer().toString();
				if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
					pointer = parser.getParsingContext().getParent() == null ? ""
							: parser.getParsingContext().getParent().pathAsPointer().toString();
				}
				lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
			}
		}
		return lines;
	}

	static String shorten(String value) {
		String oneLine = value.replace("\r", "\\r").replace("\n", "\\n");
		return oneLine.length() > 80 ? oneLine.substring(0, 77) + "…" : oneLine;
	}

	/** Collects problems, turning JSON pointers into readable paths and looking up their lines. */
	private static final class Problems {

		private final Map<String, Integer> lines;

		private final List<DocumentProblem> list = new ArrayList<>();

		Problems(Map<String, Integer> lines) {
			this.lines = lines;
		}

		void add(String pointer, String value, String message) {
			Integer line = null;
			for (String p = pointer; line == null; p = p.substring(0, Math.max(0, p.lastIndexOf('/')))) {
				line = lines.get(p);
				if (p.isEmpty()) {
					break;
				}
			}
			list.add(new DocumentProblem(readable(pointer), line, value == null ? null : shorten(value), message));
		}

		int size() {
			return list.size();
		}

		boolean isEmpty() {
			return list.isEmpty();
		}

		InvalidDocumentException exception() {
			return new InvalidDocumentException(list);
		}

		/** {@code /directives/3/lead/0} → {@code directives[3].lead[0]}. */
		static String readable(String pointer) {
			if (pointer.isEmpty()) {
				return "(document)";
			}
			StringBuilder path = new StringBuilder();
			for (String part : pointer.substring(1).split("/")) {
				if (part.matches("\\d+")) {
					path.append('[').append(part).append(']');
				}
				else {
					path.append(path.isEmpty() ? "" : ".").append(part);
				}
			}
			return path.toString();
		}

	}

}
