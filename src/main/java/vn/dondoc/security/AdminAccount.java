package vn.dondoc.security;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes sure the admin account from {@code dondoc.admin.*} exists, with that password and full rights,
 * as soon as the engine is built: before the web server answers, so Camunda's first-admin set-up page is
 * never reachable. A changed password in the configuration is applied at the next start.
 */
@Component
class AdminAccount extends AbstractCamundaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	/** Profiles that mean "real users and data": the dev default password is refused there. */
	static final String[] PRODUCTION_PROFILES = { "postgres", "prod", "production" };

	private final AdminSettings settings;

	private final Environment environment;

	AdminAccount(AdminSettings settings, Environment environment) {
		this.settings = settings;
		this.environment = environment;
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		refuseUnsafePassword();
		IdentityService identity = engine.getIdentityService();
		String id = settings.username();
		User user = identity.createUserQuery().userId(id).singleResult();
		if (user == null) {
			user = identity.newUser(id);
			user.setFirstName("Quản trị");
			user.setLastName("dondoc");
			user.setPassword(settings.password());
			identity.saveUser(user);
			log.info("Created the admin account '{}'", id);
		}
		else if (!identity.checkPassword(id, settings.password())) {
			user.setPassword(settings.password());
			identity.saveUser(user);
			log.info("Updated the password of the admin account '{}' from dondoc.admin.password", id);
		}
		if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult() == null) {
			Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
			group.setName("Quản trị hệ thống");
			group.setType(Groups.GROUP_TYPE_SYSTEM);
			identity.saveGroup(group);
		}
		if (identity.createUserQuery().userId(id).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
			identity.createMembership(id, Groups.CAMUNDA_ADMIN);
		}
		grantAllTo(Groups.CAMUNDA_ADMIN, engine.getAuthorizationService());
	}

	void refuseUnsafePassword() {
		boolean production = environment.acceptsProfiles(Profiles.of(PRODUCTION_PROFILES));
		if (settings.password().isBlank()) {
			throw new UnsafeAdminPasswordException("dondoc.admin.password is empty. Set it (for example with the"
					+ " environment variable DONDOC_ADMIN_PASSWORD) before starting dondoc.");
		}
		if (settings.usesDevDefault()) {
			if (production) {
				throw new UnsafeAdminPasswordException("dondoc.admin.password is still the development default"
						+ " 'admin' while the profile " + Arrays.toString(environment.getActiveProfiles())
						+ " is active. Set a real password (for example DONDOC_ADMIN_PASSWORD) and start again.");
			}
			log.warn("The admin account '{}' uses the development default password 'admin'."
					+ " Set dondoc.admin.password before anyone else can reach this machine.", settings.username());
		}
	}

	private static void grantAllTo(String groupId, AuthorizationService authorizations) {
		for (Resource resource : Resources.values()) {
			boolean granted = authorizations.createAuthorizationQuery()
				.groupIdIn(groupId)
				.resourceType(resource)
				.resourceId(Authorization.ANY)
				.count() > 0;
			if (!granted) {
				Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				grant.setGroupId(groupId);
				grant.setResource(resource);
				grant.setResourceId(Authorization.ANY);
				grant.addPermission(Permissions.ALL);
				authorizations.saveAuthorization(grant);
			}
		}
	}

}
