package vn.dondoc.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;

/**
 * Camunda's side of the roles, so that Tasklist shows what the dashboard shows. Task permissions per
 * unit come from the engine itself: with authorizations on, every candidate group of a task is granted
 * the default task permission (read, update) on that task when it is created, so a unit's group sees and
 * works on exactly the tasks handed to it. Added here, idempotently at every start:
 * <ul>
 * <li>each unit group and the tracking office may open Tasklist (application {@code tasklist}) and read
 * process definitions (names and forms in Tasklist);</li>
 * <li>a Tasklist filter {@value #FILTER_NAME} (tasks of the user's groups, and tasks assigned to them)
 * readable by all of them;</li>
 * <li>the tracking office also opens Cockpit and reads and works on every directive's tasks and
 * instances;</li>
 * <li>the tracking office may start every deployed process except the directive process (started by imports
 * only): CREATE_INSTANCE on each of those process definitions and CREATE on process instances, which the
 * dashboard's «Khởi tạo công việc» and Tasklist's start dialog check. A model deployed later (Modeler's
 * Deploy) gets its grant as it is deployed ({@link StartGrantOnDeploy}).</li>
 * </ul>
 */
@Component
class CamundaGrants {

	private static final Logger log = LoggerFactory.getLogger(CamundaGrants.class);

	static final String FILTER_NAME = "Việc của đơn vị tôi";

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	private final UnitDirectory units;

	private final RepositoryService repository;

	CamundaGrants(AuthorizationService authorizations, FilterService filters, TaskService tasks, UnitDirectory units,
			RepositoryService repository) {
		this.authorizations = authorizations;
		this.filters = filters;
		this.tasks = tasks;
		this.units = units;
		this.repository = repository;
	}

	@EventListener(ApplicationStartedEvent.class)
	void grant() {
		String filterId = unitFilter();
		List<String> groups = new ArrayList<>(units.all().stream().map(Unit::code).toList());
		groups.add(DirectiveProcess.GROUP_TRACKING_OFFICE);
		for (String group : groups) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.FILTER, filterId, Permissions.READ);
			grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ);
		}
		String office = DirectiveProcess.GROUP_TRACKING_OFFICE;
		grant(office, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(office, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
				ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
		grant(office, Resources.TASK, Authorization.ANY, TaskPermissions.READ, TaskPermissions.UPDATE);
		grant(office, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
		for (Filter filter : filters.createFilterQuery().list()) {
			grant(office, Resources.FILTER, filter.getId(), Permissions.READ);
		}
		// per key, not ANY: the directive process must not be started by hand (Tasklist would offer it too)
		List<String> startable = startableByHand(repository.createProcessDefinitionQuery().latestVersion().list());
		for (String key : startable) {
			grant(office, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
		}
		grant(office, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ, ProcessInstancePermissions.CREATE);
		log.info("Camunda authorizations: Tasklist and the filter '{}' for {} unit groups and {}; Cockpit and every task for {}; "
				+ "{} may start {}", FILTER_NAME, groups.size() - 1, office, office, office, startable);
	}

	/**
	 * The keys of the given process definitions that the tracking office may start by hand: all but the
	 * directive process, which only imports start.
	 */
	static List<String> startableByHand(List<? extends ProcessDefinition> definitions) {
		return definitions.stream()
			.map(ProcessDefinition::getKey)
			.filter(key -> !DirectiveProcess.KEY.equals(key))
			.distinct()
			.toList();
	}

	private String unitFilter() {
		// list, not singleResult: nodes starting together may each have created it once
		List<Filter> existing = filters.createFilterQuery().filterName(FILTER_NAME).list();
		if (!existing.isEmpty()) {
			return existing.get(0).getId();
		}
		Filter filter = filters.newTaskFilter(FILTER_NAME);
		filter.setQuery(tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
		filter.setProperties(Map.of("description", "Nhiệm vụ giao cho đơn vị của tôi và việc tôi đang giữ", "priority", -10,
				"refresh", true));
		return filters.saveFilter(filter).getId();
	}

	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		if (authorization == null) {
			authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			authorization.setGroupId(group);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		else {
			boolean complete = true;
			for (Permission permission : permissions) {
				complete &= authorization.isPermissionGranted(permission);
			}
			if (complete) {
				return;
			}
		}
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		try {
			authorizations.saveAuthorization(authorization);
		}
		catch (RuntimeException e) {
			// another node starting at the same time wrote the same grant first; it will be checked again next start
			log.warn("Could not save the grant {} {} '{}' for group {}: {}", resource.resourceName(), List.of(permissions), resourceId,
					group, e.getMessage());
		}
	}

}
