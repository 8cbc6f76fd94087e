package vn.dondoc.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveProcess;

/**
 * A process deployed while dondoc runs (Camunda Modeler's Deploy button, any {@code /engine-rest} client) may be
 * started by the tracking office at once, as those of {@code bpmn/} are from start-up ({@link CamundaGrants}):
 * READ and CREATE_INSTANCE on its key for group {@code tracking-office}, written in the deployment's own
 * transaction. The directive process is never granted (imports start it). Without this the office got 403 on
 * «Khởi tạo công việc» and in Tasklist until the next restart or an admin's grant.
 */
@Component
class StartGrantOnDeploy extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(StartGrantOnDeploy.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostDeployers() == null) {
			configuration.setCustomPostDeployers(new ArrayList<>());
		}
		configuration.getCustomPostDeployers().add(this::grant);
	}

	/** After Camunda parsed a new deployment: its process definitions are known, the transaction still open. */
	private void grant(DeploymentEntity deployment) {
		if (!deployment.isNew()) {
			return;   // read again into the cache: granted when it was new, or by CamundaGrants at start-up
		}
		List<String> keys = deployment.getDeployedProcessDefinitions() == null ? List.of()
				: CamundaGrants.startableByHand(deployment.getDeployedProcessDefinitions());
		if (keys.isEmpty()) {
			return;
		}
		CommandContext context = Context.getCommandContext();
		String office = DirectiveProcess.GROUP_TRACKING_OFFICE;
		for (String key : keys) {
			AuthorizationEntity grant = context.runWithoutAuthorization(() -> context.getAuthorizationManager()
				.findAuthorizationByGroupIdAndResourceId(Authorization.AUTH_TYPE_GRANT, office, Resources.PROCESS_DEFINITION, key));
			if (grant != null && grant.isPermissionGranted(ProcessDefinitionPermissions.READ)
					&& grant.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)) {
				continue;
			}
			if (grant == null) {
				grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
				grant.setGroupId(office);
				grant.setResource(Resources.PROCESS_DEFINITION);
				grant.setResourceId(key);
			}
			grant.addPermission(ProcessDefinitionPermissions.READ);
			grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
			// the deploying account need not be allowed to write authorizations: dondoc grants, not the deployer
			context.runWithoutAuthorization(new SaveAuthorizationCmd(grant));
			log.info("Deployment '{}': group {} may start process '{}'", deployment.getName(), office, key);
		}
	}

}
