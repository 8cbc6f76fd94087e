package vn.dondoc.reminder;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * What the deployed models say of a user task and of its process, for reminders: the task's {@code dondoc.}
 * extension properties and the process's name. A deployed definition never changes, so each is read once.
 */
@Component
class TaskModels {

	private final RepositoryService repository;

	private final Map<String, Map<String, String>> properties = new ConcurrentHashMap<>();

	private final Map<String, String> processNames = new ConcurrentHashMap<>();

	TaskModels(RepositoryService repository) {
		this.repository = repository;
	}

	/**
	 * The {@code dondoc.} extension properties of a user task in its model.
	 *
	 * @param element the task in the model when the caller has it at hand, else {@code null} (it is read)
	 */
	Map<String, String> properties(String processDefinitionId, String taskKey, ModelElementInstance element) {
		if (processDefinitionId == null || taskKey == null) {
			return Map.of();
		}
		return properties.computeIfAbsent(processDefinitionId + "/" + taskKey, key -> {
			ModelElementInstance model = element != null ? element
					: repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
			Map<String, String> found = new HashMap<>();
			if (model instanceof BaseElement base && base.getExtensionElements() != null) {
				ExtensionElements extensions = base.getExtensionElements();
				for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
					for (CamundaProperty property : group.getCamundaProperties()) {
						if (property.getCamundaName() != null && property.getCamundaName().startsWith("dondoc.")) {
							found.put(property.getCamundaName(), property.getCamundaValue());
						}
					}
				}
			}
			return Map.copyOf(found);
		});
	}

	/** The name of the process definition, or "" when it has none. */
	String processName(String processDefinitionId) {
		if (processDefinitionId == null) {
			return "";
		}
		return processNames.computeIfAbsent(processDefinitionId, id -> {
			String name = repository.getProcessDefinition(id).getName();
			return name == null ? "" : name;
		});
	}

}
