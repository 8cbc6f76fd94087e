package vn.dondoc.reminder;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.dondoc.calendar.DeadlineParseException;
import vn.dondoc.calendar.DeadlineParser;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.unit.UnitDirectory;

/**
 * Checks every {@code dondoc.*} extension property of a model's user tasks when it is deployed (from
 * {@code bpmn/}, from Camunda Modeler's Deploy button through {@code /engine-rest}, or by any other client), and
 * refuses the whole deployment when one is wrong, naming the file, the element, the property and its value:
 * a policy that is not in {@code reminder-policy.yml}, steps that do not read, a deadline phrase that does
 * not parse, a literal candidate group that is neither a unit nor a group, a {@code dondoc.*} name dondoc
 * does not know (a typo). Without it, such a model deploys and then fails on every start.
 */
@Component
class ModelPropertyCheck extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(ModelPropertyCheck.class);

	static final String PROPERTY_DEADLINE_TEXT = "dondoc.deadline.text";

	private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final Set<String> KNOWN = Set.of(ReminderPolicies.PROPERTY_POLICY, ReminderPolicies.PROPERTY_STEPS,
			ReminderPolicies.PROPERTY_ENABLED, PROPERTY_DEADLINE_TEXT);

	private final ObjectProvider<ReminderPolicies> policies;

	private final ObjectProvider<DeadlineParser> deadlines;

	private final ObjectProvider<UnitDirectory> units;

	private final Clock clock;

	ModelPropertyCheck(ObjectProvider<ReminderPolicies> policies, ObjectProvider<DeadlineParser> deadlines,
			ObjectProvider<UnitDirectory> units, Clock clock) {
		this.policies = policies;
		this.deadlines = deadlines;
		this.units = units;
		this.clock = clock;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreDeployers() == null) {
			configuration.setCustomPreDeployers(new ArrayList<>());
		}
		configuration.getCustomPreDeployers().add(this::check);
	}

	/**
	 * A new deployment's BPMN files, before Camunda parses them. Deployments already in the database (read
	 * again into the cache at start-up) are left alone: refusing them would stop instances that run.
	 */
	private void check(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null) {
			return;
		}
		for (ResourceEntity resource : deployment.getResources().values()) {
			String name = resource.getName();
			if (name == null || !(name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) || resource.getBytes() == null) {
				continue;
			}
			List<Finding> findings = new ArrayList<>();
			try {
				read(resource.getBytes(), findings);
			}
			catch (XMLStreamException e) {
				// not well-formed: Camunda's own parser says where, in its words
				continue;
			}
			if (!findings.isEmpty()) {
				String message = "Mô hình «" + name + "» có " + findings.size() + " chỗ sai trong thuộc tính dondoc, chưa triển khai:\n  "
						+ String.join("\n  ", findings.stream().map(Finding::getMessage).toList());
				log.warn("Deployment '{}' refused: {}", deployment.getName(), message);
				throw new ParseException(message, name, new ArrayList<>(findings), List.of());
			}
		}
	}

	/** Every user task of the file, in processes and sub-processes alike, with its line. */
	private void read(byte[] bytes, List<Finding> findings) throws XMLStreamException {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
		try {
			Task task = null;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String namespace = xml.getNamespaceURI();
					String local = xml.getLocalName();
					if (BPMN.equals(namespace) && "userTask".equals(local)) {
						task = new Task(xml.getAttributeValue(null, "id"), xml.getAttributeValue(null, "name"),
								xml.getAttributeValue(CAMUNDA, "candidateGroups"), xml.getLocation().getLineNumber(),
								xml.getLocation().getColumnNumber(), new LinkedHashMap<>());
					}
					else if (task != null && CAMUNDA.equals(namespace) && "property".equals(local)
							&& xml.getAttributeValue(null, "name") != null) {
						task.properties().put(xml.getAttributeValue(null, "name").strip(), xml.getAttributeValue(null, "value"));
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT && task != null && BPMN.equals(xml.getNamespaceURI())
						&& "userTask".equals(xml.getLocalName())) {
					checkTask(task, findings);
					task = null;
				}
			}
		}
		finally {
			xml.close();
		}
	}

	/** A user task as the file writes it. */
	private record Task(String id, String name, String candidateGroups, int line, int column, Map<String, String> properties) {
	}

	private void checkTask(Task task, List<Finding> findings) {
		String where = "phần tử «" + task.id() + "»" + (task.name() == null ? "" : " («" + task.name() + "»)") + ", dòng " + task.line();
		for (Map.Entry<String, String> property : task.properties().entrySet()) {
			String name = property.getKey();
			String value = property.getValue() == null ? "" : property.getValue().strip();
			String problem = problem(name, value, task.properties());
			if (problem != null) {
				findings.add(new Finding(where + ": " + name + " = «" + value + "» " + problem, task.line(), task.column(), task.id()));
			}
		}
		String groups = task.candidateGroups();
		if (groups != null && !groups.isBlank() && !groups.contains("${") && !groups.contains("#{")) {
			for (String group : groups.split(",")) {
				String code = group.strip();
				if (!code.isEmpty() && !knownGroup(code)) {
					findings.add(new Finding(where + ": camunda:candidateGroups = «" + groups + "»: «" + code
							+ "» không phải mã đơn vị trong units.yml, nhóm đơn vị hay nhóm " + DirectiveProcess.GROUP_TRACKING_OFFICE,
							task.line(), task.column(), task.id()));
				}
			}
		}
	}

	private String problem(String name, String value, Map<String, String> properties) {
		if (!KNOWN.contains(name)) {
			return name.startsWith("dondoc.") ? "không phải thuộc tính dondoc nào (các thuộc tính: " + String.join(", ", KNOWN.stream().sorted().toList()) + ")"
					: null;
		}
		if (value.contains("${") || value.contains("#{")) {
			return null;
		}
		try {
			switch (name) {
				case ReminderPolicies.PROPERTY_ENABLED -> {
					if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
						return "phải là true hoặc false";
					}
				}
				case ReminderPolicies.PROPERTY_POLICY -> {
					if (value.isEmpty()) {
						return "để trống; ghi tên một chính sách hoặc bỏ thuộc tính";
					}
					if (policies.getObject().find(value).isEmpty()) {
						return "không phải chính sách nhắc hạn nào trong reminder-policy.yml; các chính sách: "
								+ String.join(", ", policies.getObject().all().keySet());
					}
				}
				case ReminderPolicies.PROPERTY_STEPS -> policies.getObject().forTask(properties, "dondoc.reminder.steps");
				case PROPERTY_DEADLINE_TEXT -> {
					if (!value.isEmpty()) {
						deadlines.getObject().parse(value, LocalDate.now(clock.withZone(VIETNAM)));
					}
				}
				default -> {
				}
			}
		}
		catch (InvalidReminderPolicyException e) {
			return "không đọc được: " + String.join("; ", e.problems());
		}
		catch (DeadlineParseException e) {
			return "không đọc được thành thời hạn: " + e.getMessage();
		}
		return null;
	}

	private boolean knownGroup(String code) {
		UnitDirectory directory = units.getObject();
		return directory.exists(code) || directory.groups().containsKey(code) || directory.groups().containsKey(UnitDirectory.GROUP_PREFIX + code)
				|| DirectiveProcess.GROUP_TRACKING_OFFICE.equals(code) || Groups.CAMUNDA_ADMIN.equals(code);
	}

	/** One wrong property, as Camunda reports a parse problem (Modeler shows the message, line and element). */
	private record Finding(String getMessage, int getLine, int getColumn, String getMainElementId) implements Problem {

		@Override
		public List<String> getElementIds() {
			return List.of(getMainElementId);
		}

	}

}
