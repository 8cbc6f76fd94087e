package vn.dondoc.security;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Camunda's own grants on a task for its candidate groups and users (what lets a unit see and work on its task
 * in Tasklist), without looking for an existing grant on a task that the running command has just created.
 * <p>
 * For each candidate group of a task Camunda first reads the grant that group may already hold on that task,
 * to add the permissions to it, and creates one when there is none. A task that is not yet written (created
 * in this command, its id new) cannot have one: that read was one database round trip per unit part of every
 * import, always answered with nothing (issue 18). The grant created is Camunda's, unchanged; a task read
 * from the database is handled exactly as before.
 */
@Component
public class NewTaskAuthorizations extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new Provider());
	}

	/** Camunda's default provider, which skips the look-up for a task the running command created. */
	public static class Provider extends DefaultAuthorizationProvider {

		@Override
		protected AuthorizationEntity createOrUpdateAuthorization(Task task, String userId, String groupId, Resource resource,
				boolean provideRemovalTime, Permission... permissions) {
			if (!isNew(task)) {
				return super.createOrUpdateAuthorization(task, userId, groupId, resource, provideRemovalTime, permissions);
			}
			// what Camunda does when its look-up finds nothing
			AuthorizationEntity grant = createAuthorization(userId, groupId, resource, task.getId(), permissions);
			if (provideRemovalTime) {
				provideRemovalTime(grant, task);
			}
			return grant;
		}

		/** Whether the task was created by the running command and is not yet written to the database. */
		public static boolean isNew(Task task) {
			CommandContext context = Context.getCommandContext();
			return context != null && task instanceof TaskEntity entity
					&& context.getDbEntityManager().getDbEntityCache().isTransient(entity);
		}

	}

}
