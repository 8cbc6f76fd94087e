package vn.dondoc.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;

/**
 * Demo accounts of the embedded set-up, so that each role can be tried at once: one per unit of
 * {@code config/units.yml} (user name = unit code, member of the unit's group) and {@value #OFFICE_USER}
 * for the tracking office, all with the password {@value #PASSWORD}. Never with the {@code postgres}
 * (production) profiles; {@code dondoc.demo.users=false} turns them off in the embedded set-up too.
 * Existing accounts are left as they are.
 */
@Component
class DemoUsers {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	static final String PASSWORD = "demo";

	static final String OFFICE_USER = "vanphong";

	private final IdentityService identity;

	private final UnitDirectory units;

	private final Environment environment;

	DemoUsers(IdentityService identity, UnitDirectory units, Environment environment) {
		this.identity = identity;
		this.units = units;
		this.environment = environment;
	}

	boolean enabled() {
		return !environment.acceptsProfiles(Profiles.of(AdminAccount.PRODUCTION_PROFILES))
				&& environment.getProperty("dondoc.demo.users", Boolean.class, true);
	}

	@EventListener(ApplicationStartedEvent.class)
	void create() {
		if (!enabled()) {
			return;
		}
		int created = 0;
		created += ensure(OFFICE_USER, "Văn phòng", "theo dõi, đôn đốc", null, DirectiveProcess.GROUP_TRACKING_OFFICE);
		List<String> names = new ArrayList<>();
		for (Unit unit : units.all()) {
			created += ensure(unit.code(), unit.name(), "(tài khoản thử)", unit.mailboxes().isEmpty() ? null : unit.mailboxes().get(0),
					unit.code());
			names.add(unit.code());
		}
		log.info("Demo accounts (embedded set-up only; password '{}'; {} created now):{}  {} — tracking office (Văn phòng)"
				+ "{}  one per unit, user name = unit code: {}", PASSWORD, created, System.lineSeparator(), OFFICE_USER,
				System.lineSeparator(), String.join(", ", names));
	}

	private int ensure(String id, String firstName, String lastName, String email, String group) {
		int created = 0;
		if (identity.createUserQuery().userId(id).singleResult() == null) {
			User user = identity.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(email);
			user.setPassword(PASSWORD);
			identity.saveUser(user);
			created = 1;
		}
		if (identity.createGroupQuery().groupId(group).singleResult() != null
				&& identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
			identity.createMembership(id, group);
		}
		return created;
	}

}
