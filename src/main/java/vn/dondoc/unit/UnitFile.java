package vn.dondoc.unit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads and checks {@code units.yml} as a whole: every problem is collected with its place in the file
 * ({@code units[3].escalatesTo}), and nothing is used unless the whole file is right.
 */
final class UnitFile {

	static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** A plain addr-spec: no display name, no spaces, no CR/LF (they must never reach a mail header). */
	static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private UnitFile() {
	}

	/**
	 * @param aliases other ways documents write a unit or a group, by unit code or {@code @group}: short forms
	 * ("UBKT Thành ủy") and group phrases ("các quận ủy, huyện ủy"), for drafting from a conclusion's text
	 */
	record Contents(Map<String, Unit> units, Map<String, List<String>> groups, Map<String, List<String>> aliases) {
	}

	static Contents parse(String origin, String text) {
		JsonNode root;
		try {
			root = YAML.readTree(text);
		}
		catch (JsonProcessingException e) {
			throw new InvalidUnitFileException(origin, List.of("not valid YAML at line " + e.getLocation().getLineNr()
					+ ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
		}
		List<String> problems = new ArrayList<>();
		Map<String, Unit> units = new LinkedHashMap<>();
		Map<String, Integer> positions = new LinkedHashMap<>();
		JsonNode list = root == null ? null : root.get("units");
		if (list == null || !list.isArray() || list.isEmpty()) {
			throw new InvalidUnitFileException(origin, List.of("units: a list of at least one unit is required"));
		}
		for (int i = 0; i < list.size(); i++) {
			Unit unit = unit(list.get(i), "units[" + i + "]", problems);
			if (unit != null && units.putIfAbsent(unit.code(), unit) != null) {
				problems.add("units[" + i + "].code: '" + unit.code() + "' is used by another unit already");
			}
			else if (unit != null) {
				positions.put(unit.code(), i);
			}
		}
		for (Unit unit : units.values()) {
			if (unit.escalatesTo() != null && !units.containsKey(unit.escalatesTo())) {
				problems.add("units[" + positions.get(unit.code()) + "].escalatesTo: unknown unit '" + unit.escalatesTo() + "'");
			}
		}
		problems.addAll(escalationCycles(units));
		Map<String, List<String>> groups = groups(root.get("groups"), units, problems);
		Map<String, List<String>> aliases = new LinkedHashMap<>();
		for (int i = 0; i < list.size(); i++) {
			JsonNode node = list.get(i);
			if (node != null && node.isObject() && node.hasNonNull("aliases") && node.hasNonNull("code")) {
				aliases.put(node.get("code").asText().strip(), phrases(node.get("aliases"), "units[" + i + "].aliases", problems));
			}
		}
		JsonNode groupAliases = root.get("groupAliases");
		if (groupAliases != null && !groupAliases.isNull()) {
			if (!groupAliases.isObject()) {
				problems.add("groupAliases: must map a group name to a list of phrases");
			}
			else {
				groupAliases.fieldNames().forEachRemaining(name -> {
					if (!groups.containsKey(name)) {
						problems.add("groupAliases." + name + ": unknown group '" + printable(name) + "'");
					}
					aliases.put(UnitDirectory.GROUP_PREFIX + name, phrases(groupAliases.get(name), "groupAliases." + name, problems));
				});
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidUnitFileException(origin, problems);
		}
		return new Contents(units, groups, aliases);
	}

	private static Unit unit(JsonNode node, String path, List<String> problems) {
		if (node == null || !node.isObject()) {
			problems.add(path + ": must be a mapping with code, name, kind, mailboxes");
			return null;
		}
		int before = problems.size();
		String code = text(node, "code", path, problems, true);
		if (code != null && !CODE.matcher(code).matches()) {
			problems.add(path + ".code: '" + code + "' must be lower-case letters, digits and '-' (e.g. ban-to-chuc)");
		}
		String name = text(node, "name", path, problems, true);
		String kindText = text(node, "kind", path, problems, true);
		UnitKind kind = null;
		if (kindText != null) {
			try {
				kind = UnitKind.valueOf(kindText.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				problems.add(path + ".kind: '" + kindText + "' is not one of " + List.of(UnitKind.values()));
			}
		}
		List<String> mailboxes = new ArrayList<>();
		JsonNode boxes = node.get("mailboxes");
		if (boxes == null || !boxes.isArray() || boxes.isEmpty()) {
			problems.add(path + ".mailboxes: at least one address is required");
		}
		else {
			for (int i = 0; i < boxes.size(); i++) {
				String box = boxes.get(i).asText("");
				if (!MAILBOX.matcher(box).matches()) {
					problems.add(path + ".mailboxes[" + i + "]: '" + printable(box) + "' is not an e-mail address");
				}
				mailboxes.add(box);
			}
		}
		String head = text(node, "head", path, problems, false);
		if (head != null && !MAILBOX.matcher(head).matches()) {
			problems.add(path + ".head: '" + printable(head) + "' is not an e-mail address");
		}
		String escalatesTo = text(node, "escalatesTo", path, problems, false);
		if (name != null && (name.contains("\r") || name.contains("\n"))) {
			problems.add(path + ".name: must be on one line");
		}
		if (problems.size() > before) {
			return null;
		}
		return new Unit(code, name.strip(), kind, mailboxes, head, escalatesTo);
	}

	private static List<String> phrases(JsonNode node, String path, List<String> problems) {
		List<String> phrases = new ArrayList<>();
		if (!node.isArray()) {
			problems.add(path + ": must be a list of phrases");
			return phrases;
		}
		for (int i = 0; i < node.size(); i++) {
			String phrase = node.get(i).asText("").strip();
			if (phrase.isEmpty() || phrase.contains("\n") || phrase.contains("\r")) {
				problems.add(path + "[" + i + "]: must be a phrase on one line");
			}
			else {
				phrases.add(phrase);
			}
		}
		return List.copyOf(phrases);
	}

	private static String text(JsonNode node, String field, String path, List<String> problems, boolean required) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
			if (required) {
				problems.add(path + "." + field + ": is required");
			}
			return null;
		}
		if (!value.isValueNode()) {
			problems.add(path + "." + field + ": must be a single value");
			return null;
		}
		return value.asText().strip();
	}

	private static List<String> escalationCycles(Map<String, Unit> units) {
		List<String> problems = new ArrayList<>();
		for (Unit start : units.values()) {
			Set<String> seen = new LinkedHashSet<>();
			String code = start.code();
			while (code != null && units.containsKey(code)) {
				if (!seen.add(code)) {
					if (code.equals(start.code())) {
						problems.add("escalation of '" + start.code() + "' goes round in a circle: " + String.join(" → ", seen) + " → " + code);
					}
					break;
				}
				code = units.get(code).escalatesTo();
			}
		}
		return problems;
	}

	private static Map<String, List<String>> groups(JsonNode node, Map<String, Unit> units, List<String> problems) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return groups;
		}
		if (!node.isObject()) {
			problems.add("groups: must map a group name to a list of unit codes");
			return groups;
		}
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			String name = field.getKey();
			if (!CODE.matcher(name).matches()) {
				problems.add("groups." + name + ": a group name must be lower-case letters, digits and '-'");
			}
			if (units.containsKey(name)) {
				problems.add("groups." + name + ": a unit has that code already");
			}
			JsonNode members = field.getValue();
			if (!members.isArray() || members.isEmpty()) {
				problems.add("groups." + name + ": must list at least one unit code");
				continue;
			}
			List<String> codes = new ArrayList<>();
			for (int i = 0; i < members.size(); i++) {
				String code = members.get(i).asText("");
				if (!units.containsKey(code)) {
					problems.add("groups." + name + "[" + i + "]: unknown unit '" + printable(code) + "'");
				}
				else if (codes.contains(code)) {
					problems.add("groups." + name + "[" + i + "]: '" + code + "' is listed twice");
				}
				else {
					codes.add(code);
				}
			}
			groups.put(name, List.copyOf(codes));
		}
		return groups;
	}

	static String printable(String value) {
		return value.replace("\r", "\\r").replace("\n", "\\n");
	}

}
