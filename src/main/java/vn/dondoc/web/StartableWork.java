package vn.dondoc.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.security.Viewer;

/**
 * The modelled processes a person may start from the dashboard, by Camunda's authorizations (CREATE_INSTANCE
 * on the process definition and CREATE on process instances, what Tasklist's "start process" checks too),
 * and the start itself under that person's Camunda identity. The directive process is started by imports
 * only and is never offered. {@code @startableWork} in templates (the top bar's link).
 */
@Component("startableWork")
class StartableWork {

	/** A process the viewer may start, with its start form. */
	public record Startable(ProcessDefinition definition, String name, StartForm form) {

		public String key() {
			return definition.getKey();
		}

		public boolean renderedHere() {
			return form.unsupported().isEmpty();
		}

	}

	private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi-VN"));

	private final RepositoryService repository;

	private final FormService forms;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final ObjectMapper mapper;

	StartableWork(RepositoryService repository, FormService forms, RuntimeService runtime, IdentityService identity, ObjectMapper mapper) {
		this.repository = repository;
		this.forms = forms;
		this.runtime = runtime;
		this.identity = identity;
		this.mapper = mapper;
	}

	/** Whether {@code viewer} may start at least one process (the top bar shows the page then). */
	public boolean any(Viewer viewer) {
		return viewer != null && viewer.userId() != null && !definitions(viewer).isEmpty();
	}

	/** The latest version of each process {@code viewer} may start, by name. */
	List<Startable> list(Viewer viewer) {
		List<Startable> startable = new ArrayList<>();
		for (ProcessDefinition definition : definitions(viewer)) {
			startable.add(new Startable(definition, name(definition), startForm(definition)));
		}
		return startable;
	}

	Optional<Startable> find(Viewer viewer, String key) {
		return list(viewer).stream().filter(s -> s.key().equals(key)).findFirst();
	}

	/** Starts the latest version of {@code startable} as {@code viewer}; the engine checks the grants again. */
	ProcessInstance start(Viewer viewer, Startable startable, VariableMap variables) {
		return asUser(viewer, () -> runtime.startProcessInstanceById(startable.definition().getId(), variables));
	}

	static String name(ProcessDefinition definition) {
		return definition.getName() == null || definition.getName().isBlank() ? definition.getKey() : definition.getName();
	}

	private List<ProcessDefinition> definitions(Viewer viewer) {
		if (viewer.userId() == null) {
			return List.of();
		}
		List<ProcessDefinition> found = asUser(viewer,
				() -> repository.createProcessDefinitionQuery().latestVersion().active().startablePermissionCheck().list());
		return found.stream()
			.filter(definition -> !DirectiveProcess.KEY.equals(definition.getKey()))
			.sorted(Comparator.comparing(StartableWork::name, VIETNAMESE))
			.toList();
	}

	private StartForm startForm(ProcessDefinition definition) {
		StartFormData data = forms.getStartFormData(definition.getId());
		if (data == null || (data.getCamundaFormRef() == null && data.getFormKey() == null)) {
			return data != null && !data.getFormFields().isEmpty()
					? new StartForm(List.of(), List.of(), List.of("biểu mẫu sinh từ thuộc tính camunda:formData"))
					: StartForm.NONE;
		}
		if (data.getCamundaFormRef() == null && !data.getFormKey().startsWith("camunda-forms:")) {
			return new StartForm(List.of(), List.of(), List.of("biểu mẫu riêng «" + data.getFormKey() + "»"));
		}
		try (InputStream json = forms.getDeployedStartForm(definition.getId())) {
			return StartForm.read(new String(json.readAllBytes(), StandardCharsets.UTF_8), mapper);
		}
		catch (Exception e) {
			return new StartForm(List.of(), List.of(), List.of("không đọc được biểu mẫu khởi tạo (" + e.getMessage() + ")"));
		}
	}

	/** Runs {@code work} with the engine's authorization checks for {@code viewer}, then puts back whoever was there. */
	private <T> T asUser(Viewer viewer, Supplier<T> work) {
		Authentication before = identity.getCurrentAuthentication();
		List<String> groups = new ArrayList<>(viewer.units());
		if (viewer.office()) {
			groups.add(DirectiveProcess.GROUP_TRACKING_OFFICE);
		}
		if (viewer.admin()) {
			groups.add(Groups.CAMUNDA_ADMIN);
		}
		identity.setAuthentication(viewer.userId(), groups);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				identity.clearAuthentication();
			}
			else {
				identity.setAuthentication(before);
			}
		}
	}

}
