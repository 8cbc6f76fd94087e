package vn.dondoc.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import vn.dondoc.security.Viewer;
import vn.dondoc.unit.UnitDirectory;

/**
 * Names where the data holds codes: a Camunda user id becomes the person's (or the account's) name, a
 * unit code the unit's name. {@code @people} in templates. Names are read from Camunda's identity service
 * and kept for a few minutes, so that a history of a hundred lines costs a handful of lookups.
 */
@Component("people")
class People {

	private static final Duration KEPT = Duration.ofMinutes(5);

	/** The account dondoc itself acts under (timers, imports at start-up). */
	static final String SYSTEM = "dondoc";

	private final IdentityService identity;

	private final UnitDirectory units;

	private final Clock clock;

	private final Map<String, Known> names = new ConcurrentHashMap<>();

	private record Known(String name, Instant until) {
	}

	People(IdentityService identity, UnitDirectory units, Clock clock) {
		this.identity = identity;
		this.units = units;
		this.clock = clock;
	}

	/** The name of the person (or account) {@code userId}; the id itself when nobody by that id is known. */
	public String name(String userId) {
		if (userId == null || userId.isBlank()) {
			return "";
		}
		if (SYSTEM.equals(userId)) {
			return "dondoc (tự động)";
		}
		Instant now = clock.instant();
		Known known = names.get(userId);
		if (known == null || known.until().isBefore(now)) {
			known = new Known(lookUp(userId), now.plus(KEPT));
			names.put(userId, known);
		}
		return known.name();
	}

	/** The name of a unit; its code when the unit is not in units.yml (any more). */
	public String unit(String code) {
		return code == null ? "" : units.nameOf(code);
	}

	/** What the page header says after the person's name: the units' names, or the role. */
	public String role(Viewer viewer) {
		if (viewer.seesAll() || viewer.units().isEmpty()) {
			return viewer.roleLabel();
		}
		return units(viewer.units());
	}

	/** The names of {@code codes}, joined. */
	public String units(Collection<String> codes) {
		return codes.stream().map(this::unit).collect(Collectors.joining(", "));
	}

	private String lookUp(String userId) {
		User user = identity.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return unit(userId);
		}
		String first = blankToEmpty(user.getFirstName());
		String last = blankToEmpty(user.getLastName());
		// demo accounts carry "(tài khoản thử)" as their last name: a remark, not part of the name
		String name = (first + (last.isEmpty() || last.startsWith("(") ? "" : " " + last)).strip();
		return name.isEmpty() ? userId : name;
	}

	private static String blankToEmpty(String value) {
		return value == null ? "" : value.strip();
	}

}
