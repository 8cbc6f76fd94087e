package vn.dondoc.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * What the lint does not see: every form a model refers to exists with the fields the listeners read,
 * every process keeps its history for a while, and elements made from an element template still carry
 * what the template fixes.
 */
class ModelFilesTest {

	static final Path MODELS = Path.of("bpmn");

	static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

	final ObjectMapper json = new ObjectMapper();

	@Test
	void everyUserTaskAndStartFormRefersToADeployedFormWithVietnameseLabels() throws IOException {
		Map<String, JsonNode> forms = forms();
		for (BpmnModelInstance model : models().values()) {
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				assertThat(task.getAttributeValueNs(CAMUNDA, "formRef")).as("form of user task " + task.getId()).isIn(forms.keySet());
				assertThat(task.getAttributeValueNs(CAMUNDA, "formRefBinding")).isEqualTo("latest");
			}
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				String formRef = start.getAttributeValueNs(CAMUNDA, "formRef");
				if (formRef != null) {
					assertThat(formRef).isIn(forms.keySet());
				}
			}
		}
		for (JsonNode form : forms.values()) {
			Set<String> ids = new HashSet<>();
			for (JsonNode component : form.get("components")) {
				assertThat(ids.add(component.get("id").asText())).as("unique component id in " + form.get("id")).isTrue();
				if (component.has("key")) {
					assertThat(component.path("label").asText(component.path("dateLabel").asText())).as("label of " + component.get("key"))
						.isNotBlank();
				}
			}
		}
	}

	@Test
	void directiveFormsSubmitWhatTheListenersRead() throws IOException {
		Map<String, JsonNode> forms = forms();
		assertThat(keys(forms.get("dondoc-carry-out"))).containsExactlyInAnyOrder(VAR_UNIT_ACTION, VAR_REPORT_STATUS, VAR_REPORT_TEXT,
				VAR_REPORT_LINK, VAR_REQUESTED_DUE_DATE, VAR_EXTENSION_REASON);
		assertThat(keys(forms.get("dondoc-review-report"))).containsExactlyInAnyOrder(VAR_REVIEW_DECISION, VAR_REVIEW_COMMENT, VAR_END_TRACKING);
		assertThat(keys(forms.get("dondoc-review-extension"))).containsExactlyInAnyOrder(VAR_EXTENSION_DECISION, VAR_EXTENSION_DECISION_NOTE);
		assertThat(keys(forms.get("dondoc-follow-up"))).containsExactly(VAR_FOLLOW_UP_NOTE);
		assertThat(values(forms.get("dondoc-carry-out"), VAR_UNIT_ACTION)).containsExactly(ACTION_REPORT, ACTION_REQUEST_EXTENSION);
		assertThat(values(forms.get("dondoc-carry-out"), VAR_REPORT_STATUS)).containsExactly(REPORT_COMPLETED, REPORT_PARTLY_COMPLETED);
		assertThat(values(forms.get("dondoc-review-report"), VAR_REVIEW_DECISION)).containsExactly(REVIEW_ACCEPT, REVIEW_RETURN);
		assertThat(values(forms.get("dondoc-review-extension"), VAR_EXTENSION_DECISION)).containsExactly(EXTENSION_APPROVED, EXTENSION_REJECTED);
	}

	@Test
	void directiveModelKeepsTheNamesTheImportAndTheReminderEngineRelyOn() throws IOException {
		BpmnModelInstance directive = models().get("directive.bpmn");
		Process process = directive.getModelElementById(KEY);
		assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
		UserTask carryOut = directive.getModelElementById(TASK_CARRY_OUT);
		assertThat(carryOut.getCamundaCandidateGroups()).isEqualTo("${" + VAR_UNIT + "}");
		assertThat(carryOut.getCamundaDueDate()).isEqualTo("${" + VAR_DUE_DATE + "}");
		for (String officeTask : List.of(TASK_REVIEW_REPORT, TASK_REVIEW_EXTENSION, TASK_FOLLOW_UP_LATE)) {
			UserTask task = directive.getModelElementById(officeTask);
			assertThat(task.getCamundaCandidateGroups()).isEqualTo(GROUP_TRACKING_OFFICE);
			assertThat(task.getCamundaDueDate()).as("no reminders on " + officeTask).isNull();
		}
		for (FlowNode node : directive.getModelElementsByType(FlowNode.class)) {
			assertThat(node.getName() != null || node instanceof org.camunda.bpm.model.bpmn.instance.Gateway)
				.as("name of " + node.getId())
				.isTrue();
		}
	}

	@Test
	void templatedElementsCarryWhatTheirTemplateFixes() throws IOException {
		Map<String, JsonNode> templates = new HashMap<>();
		try (Stream<Path> files = Files.list(MODELS.resolve(".camunda/element-templates"))) {
			for (Path file : files.toList()) {
				templates.put(json.readTree(file.toFile()).get("id").asText(), json.readTree(file.toFile()));
			}
		}
		int templated = 0;
		for (BpmnModelInstance model : models().values()) {
			for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
				String templateId = element.getAttributeValueNs(CAMUNDA, "modelerTemplate");
				if (templateId == null) {
					continue;
				}
				templated++;
				JsonNode template = templates.get(templateId);
				assertThat(template).as("template " + templateId + " of " + element.getId()).isNotNull();
				assertThat(template.get("version").asText()).isEqualTo(element.getAttributeValueNs(CAMUNDA, "modelerTemplateVersion"));
				List<String> appliesTo = new ArrayList<>();
				template.get("appliesTo").forEach(type -> appliesTo.add(type.asText().replace("bpmn:", "")));
				assertThat(appliesTo).contains(element.getElementType().getTypeName().substring(0, 1).toUpperCase()
						+ element.getElementType().getTypeName().substring(1));
				for (JsonNode property : template.get("properties")) {
					String value = bound(element, property.get("binding"));
					if ("Hidden".equals(property.path("type").asText())) {
						assertThat(value).as(element.getId() + " " + property.get("binding")).isEqualTo(property.get("value").asText());
					}
					if (property.path("constraints").path("notEmpty").asBoolean() && !property.path("optional").asBoolean()) {
						assertThat(value).as(element.getId() + " " + property.get("label")).isNotBlank();
					}
				}
			}
		}
		assertThat(templated).as("the example is built from templates").isGreaterThanOrEqualTo(2);
	}

	private static String bound(BaseElement element, JsonNode binding) {
		String name = binding.get("name").asText();
		return switch (binding.get("type").asText()) {
			case "property" -> name.startsWith("camunda:") ? element.getAttributeValueNs(CAMUNDA, name.substring("camunda:".length()))
					: element.getAttributeValue(name);
			case "camunda:property" -> element.getModelInstance()
				.getModelElementsByType(CamundaProperty.class)
				.stream()
				.filter(p -> p.getParentElement().getParentElement().getParentElement() == element && name.equals(p.getCamundaName()))
				.map(CamundaProperty::getCamundaValue)
				.findFirst()
				.orElse(null);
			case "camunda:inputParameter" -> element.getModelInstance()
				.getModelElementsByType(CamundaInputParameter.class)
				.stream()
				.filter(p -> p.getParentElement().getParentElement().getParentElement() == element && name.equals(p.getCamundaName()))
				.map(CamundaInputParameter::getTextContent)
				.findFirst()
				.orElse(null);
			default -> throw new AssertionError("binding type not checked yet: " + binding);
		};
	}

	private Map<String, JsonNode> forms() throws IOException {
		Map<String, JsonNode> forms = new HashMap<>();
		try (Stream<Path> files = Files.list(MODELS)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".form")).toList()) {
				JsonNode form = json.readTree(file.toFile());
				assertThat(form.path("schemaVersion").asInt()).as(file + " schemaVersion").isPositive();
				assertThat(forms.put(form.get("id").asText(), form)).as("form id used twice: " + form.get("id")).isNull();
			}
		}
		return forms;
	}

	private static Map<String, BpmnModelInstance> models() throws IOException {
		Map<String, BpmnModelInstance> models = new HashMap<>();
		try (Stream<Path> files = Files.list(MODELS)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
				models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
			}
		}
		return models;
	}

	private static List<String> keys(JsonNode form) {
		List<String> keys = new ArrayList<>();
		form.get("components").forEach(component -> {
			if (component.has("key")) {
				keys.add(component.get("key").asText());
			}
		});
		return keys;
	}

	private static List<String> values(JsonNode form, String key) {
		List<String> values = new ArrayList<>();
		form.get("components").forEach(component -> {
			if (key.equals(component.path("key").asText())) {
				component.get("values").forEach(value -> values.add(value.get("value").asText()));
			}
		});
		return values;
	}

}
