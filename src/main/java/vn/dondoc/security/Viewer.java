package vn.dondoc.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import vn.dondoc.directive.DirectiveProcess;

/**
 * Who is looking, in dondoc's terms: the admin (everything), the tracking office (sees every unit,
 * imports, reviews reports, decides extensions) or a member of one or more units (sees and acts on its
 * own units' directives only). Read from the Camunda groups the user belongs to.
 *
 * @param userId the Camunda user id
 * @param admin member of {@code camunda-admin}
 * @param office member of {@code tracking-office}
 * @param units every other group of the user: the unit codes it belongs to
 */
public record Viewer(String userId, boolean admin, boolean office, Set<String> units) {

	/** Spring Security authority of a Camunda group. */
	public static final String GROUP_PREFIX = CamundaIdentityAuthenticationProvider.GROUP_PREFIX;

	public static final String ADMIN_AUTHORITY = GROUP_PREFIX + Groups.CAMUNDA_ADMIN;

	public static final String OFFICE_AUTHORITY = GROUP_PREFIX + DirectiveProcess.GROUP_TRACKING_OFFICE;

	public Viewer {
		units = Set.copyOf(units);
	}

	public static Viewer of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return new Viewer(null, false, false, Set.of());
		}
		Set<String> units = new TreeSet<>();
		boolean admin = false;
		boolean office = false;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (ADMIN_AUTHORITY.equals(name)) {
				admin = true;
			}
			else if (OFFICE_AUTHORITY.equals(name)) {
				office = true;
			}
			else if (name != null && name.startsWith(GROUP_PREFIX)) {
				units.add(name.substring(GROUP_PREFIX.length()));
			}
		}
		return new Viewer(authentication.getName(), admin, office, units);
	}

	/** The admin and the tracking office see every unit's directives. */
	public boolean seesAll() {
		return admin || office;
	}

	/** Import documents, review reports, decide extensions. */
	public boolean tracks() {
		return admin || office;
	}

	/** Whether a directive concerning {@code unitCodes} (lead or coordinating) is visible. */
	public boolean sees(Collection<String> unitCodes) {
		return seesAll() || unitCodes.stream().anyMatch(units::contains);
	}

	/** Report or ask for an extension on the part of {@code unit}: its members, and the admin. */
	public boolean actsFor(String unit) {
		return admin || units.contains(unit);
	}

	/** The role in words, for the page header. */
	public String roleLabel() {
		if (admin) {
			return "Quản trị";
		}
		if (office) {
			return "Văn phòng theo dõi";
		}
		return units.isEmpty() ? "Không thuộc đơn vị nào" : "Đơn vị";
	}

}
