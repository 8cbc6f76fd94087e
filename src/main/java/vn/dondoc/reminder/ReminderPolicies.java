package vn.dondoc.reminder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.dondoc.notification.NotificationKind;
import vn.dondoc.platform.ConfigFile;

/**
 * The named policies of {@code config/reminder-policy.yml}, and the overrides a BPMN user task carries
 * in its Camunda extension properties ({@code dondoc.reminder.policy}, {@code dondoc.reminder.steps},
 * {@code dondoc.reminder.enabled}). Without a file, the built-in default ladder applies.
 */
@Component
public class ReminderPolicies {

	private static final Logger log = LoggerFactory.getLogger(ReminderPolicies.class);

	public static final String PROPERTY_POLICY = "dondoc.reminder.policy";

	public static final String PROPERTY_STEPS = "dondoc.reminder.steps";

	public static final String PROPERTY_ENABLED = "dondoc.reminder.enabled";

	static final String BUILT_IN = """
			default: tieu-chuan
			policies:
			  tieu-chuan:
			    label: Tiêu chuẩn
			    assignmentNotice: true
			    steps:
			      - { id: nhac-han, when: 10 ngày làm việc trước hạn, message: REMINDER, to: UNIT }
			      - { id: sap-den-han, when: 3 ngày làm việc trước hạn, message: DUE_SOON, to: UNIT_AND_HEAD }
			      - { id: den-han, when: đúng hạn, message: DUE_TODAY, to: UNIT_AND_HEAD }
			      - { id: qua-han, when: 1 ngày làm việc sau hạn, every: mỗi 2 ngày làm việc, times: 5, message: OVERDUE, to: UNIT_AND_HEAD }
			      - { id: leo-thang, when: 5 ngày làm việc sau hạn, every: mỗi 5 ngày làm việc, times: 3, message: ESCALATION, to: ESCALATION }
			""";

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private final Map<String, ReminderPolicy> policies;

	private final String defaultName;

	ReminderPolicies(ReminderSettings settings) {
		ConfigFile file = ConfigFile.read(settings.policyFile()).orElse(new ConfigFile("built-in default", BUILT_IN));
		Parsed parsed = parse(file.origin(), file.text());
		this.policies = parsed.policies();
		this.defaultName = parsed.defaultName();
		log.info("Reminder policies from {}: {} (default: {})", file.origin(), policies.keySet(), defaultName);
	}

	record Parsed(Map<String, ReminderPolicy> policies, String defaultName) {
	}

	public ReminderPolicy defaultPolicy() {
		return policies.get(defaultName);
	}

	/** A policy by name; {@code default} names the default policy (what Modeler templates write). */
	public Optional<ReminderPolicy> find(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String wanted = name.strip();
		return Optional.ofNullable("default".equals(wanted) && !policies.containsKey(wanted) ? defaultPolicy() : policies.get(wanted));
	}

	public Map<String, ReminderPolicy> all() {
		return policies;
	}

	/**
	 * The policy of a user task, from its extension properties: none when reminders are switched off for
	 * it, the named policy, its steps replaced by {@code dondoc.reminder.steps} when given.
	 *
	 * @throws InvalidReminderPolicyException when the properties name an unknown policy or unreadable steps
	 */
	public Optional<ReminderPolicy> forTask(Map<String, String> properties, String where) {
		if ("false".equalsIgnoreCase(properties.getOrDefault(PROPERTY_ENABLED, "true").strip())) {
			return Optional.empty();
		}
		ReminderPolicy policy = defaultPolicy();
		String name = properties.get(PROPERTY_POLICY);
		if (name != null && !name.isBlank()) {
			policy = find(name).orElseThrow(() -> new InvalidReminderPolicyException(where,
					List.of(PROPERTY_POLICY + ": unknown policy '" + name + "'; known: " + policies.keySet())));
		}
		String steps = properties.get(PROPERTY_STEPS);
		if (steps != null && !steps.isBlank()) {
			policy = policy.withSteps(compactSteps(steps, where));
		}
		return Optional.of(policy);
	}

	/**
	 * Steps as one line for a Modeler property: {@code id | when | MESSAGE | AUDIENCE [| every | times]},
	 * separated by {@code ;}, e.g. {@code sap-han | 2 ngày làm việc trước hạn | DUE_SOON | UNIT}.
	 */
	static List<ReminderStep> compactSteps(String text, String where) {
		List<ReminderStep> steps = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		String[] entries = text.split(";");
		for (int i = 0; i < entries.length; i++) {
			if (entries[i].isBlank()) {
				continue;
			}
			String[] parts = entries[i].split("\\|");
			String at = PROPERTY_STEPS + "[" + i + "]";
			if (parts.length != 4 && parts.length != 6) {
				problems.add(at + ": write 'id | when | MESSAGE | AUDIENCE' or 'id | when | MESSAGE | AUDIENCE | every | times'");
				continue;
			}
			step(parts[0].strip(), parts[1], parts[2], parts[3], parts.length == 6 ? parts[4] : null,
					parts.length == 6 ? parts[5].strip() : null, at, problems).ifPresent(steps::add);
		}
		checkIds(steps, where, problems);
		if (!problems.isEmpty()) {
			throw new InvalidReminderPolicyException(where, problems);
		}
		return steps;
	}

	static Parsed parse(String origin, String text) {
		JsonNode root;
		try {
			root = YAML.readTree(text);
		}
		catch (JsonProcessingException e) {
			throw new InvalidReminderPolicyException(origin, List.of("not valid YAML at line " + e.getLocation().getLineNr() + ": "
					+ e.getOriginalMessage()));
		}
		List<String> problems = new ArrayList<>();
		Map<String, ReminderPolicy> policies = new LinkedHashMap<>();
		JsonNode list = root == null ? null : root.get("policies");
		if (list == null || !list.isObject() || list.isEmpty()) {
			throw new InvalidReminderPolicyException(origin, List.of("policies: at least one named policy is required"));
		}
		Iterator<Map.Entry<String, JsonNode>> entries = list.fields();
		while (entries.hasNext()) {
			Map.Entry<String, JsonNode> entry = entries.next();
			String at = "policies." + entry.getKey();
			JsonNode node = entry.getValue();
			List<ReminderStep> steps = new ArrayList<>();
			JsonNode stepNodes = node.get("steps");
			if (stepNodes == null || !stepNodes.isArray()) {
				problems.add(at + ".steps: a list of steps is required (it may be empty: [])");
			}
			else {
				for (int i = 0; i < stepNodes.size(); i++) {
					JsonNode s = stepNodes.get(i);
					step(s.path("id").asText(""), s.path("when").asText(""), s.path("message").asText(""), s.path("to").asText(""),
							s.hasNonNull("every") ? s.get("every").asText() : null, s.hasNonNull("times") ? s.get("times").asText() : null,
							at + ".steps[" + i + "]", problems).ifPresent(steps::add);
				}
			}
			checkIds(steps, at, problems);
			policies.put(entry.getKey(), new ReminderPolicy(entry.getKey(), node.path("label").asText(entry.getKey()),
					node.path("assignmentNotice").asBoolean(true), steps));
		}
		String defaultName = root.path("default").asText(policies.keySet().iterator().next());
		if (!policies.containsKey(defaultName)) {
			problems.add("default: unknown policy '" + defaultName + "'");
		}
		if (!problems.isEmpty()) {
			throw new InvalidReminderPolicyException(origin, problems);
		}
		return new Parsed(policies, defaultName);
	}

	private static Optional<ReminderStep> step(String id, String when, String message, String audience, String every,
			String times, String at, List<String> problems) {
		int before = problems.size();
		if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			problems.add(at + ".id: '" + id + "' must be lower-case letters, digits and '-'");
		}
		StepSyntax.Offset offset = null;
		try {
			offset = StepSyntax.when(when);
		}
		catch (IllegalArgumentException e) {
			problems.add(at + ".when: " + e.getMessage());
		}
		NotificationKind kind = null;
		try {
			kind = NotificationKind.valueOf(message.strip().toUpperCase(Locale.ROOT));
			if (kind == NotificationKind.ASSIGNMENT || kind == NotificationKind.MESSAGE) {
				problems.add(at + ".message: " + kind + " is not a reminder step (ASSIGNMENT goes out when the task is created)");
			}
		}
		catch (IllegalArgumentException e) {
			problems.add(at + ".message: '" + message + "' is not one of REMINDER, DUE_SOON, DUE_TODAY, OVERDUE, ESCALATION");
		}
		Audience to = null;
		try {
			to = Audience.valueOf(audience.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problems.add(at + ".to: '" + audience + "' is not one of " + List.of(Audience.values()));
		}
		int everyDays = 0;
		int count = 1;
		if (every != null) {
			try {
				StepSyntax.Offset repeat = StepSyntax.every(every);
				everyDays = repeat.days();
				if (offset != null && repeat.workingDays() != offset.workingDays()) {
					problems.add(at + ".every: count the repeat in the same days as 'when' (working or calendar days)");
				}
			}
			catch (IllegalArgumentException e) {
				problems.add(at + ".every: " + e.getMessage());
			}
			try {
				count = Integer.parseInt(times == null ? "" : times.strip());
				if (count < 1 || count > 100) {
					problems.add(at + ".times: between 1 and 100");
				}
			}
			catch (NumberFormatException e) {
				problems.add(at + ".times: a whole number is required with 'every'");
			}
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new ReminderStep(id, offset.days(), offset.workingDays(), everyDays, count, kind, to));
	}

	private static void checkIds(List<ReminderStep> steps, String at, List<String> problems) {
		Set<String> ids = new HashSet<>();
		for (ReminderStep step : steps) {
			if (!ids.add(step.id())) {
				problems.add(at + ": the step id '" + step.id() + "' is used twice");
			}
		}
	}

}
