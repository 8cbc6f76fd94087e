package vn.dondoc.unit;

import java.util.List;
import java.util.Optional;

/**
 * A unit that receives directives.
 *
 * @param code stable id, also its Camunda group id
 * @param name Vietnamese name
 * @param kind what sort of unit it is
 * @param mailboxes addresses that receive the unit's messages
 * @param head the mailbox of the unit's head, or {@code null}
 * @param escalatesTo code of the unit told when this one is late, or {@code null} at the top
 */
public record Unit(String code, String name, UnitKind kind, List<String> mailboxes, String head, String escalatesTo) {

	public Unit {
		mailboxes = List.copyOf(mailboxes);
	}

	public Optional<String> escalation() {
		return Optional.ofNullable(escalatesTo);
	}

}
