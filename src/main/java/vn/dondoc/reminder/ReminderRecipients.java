package vn.dondoc.reminder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;

/**
 * The people a reminder step reaches: the task's lead units (its candidate groups that are units, or its
 * {@code unit} variable), their heads for the steps that name them, and the units above for an escalation,
 * with the lead units in copy.
 */
@Component
class ReminderRecipients {

	private final UnitDirectory units;

	ReminderRecipients(UnitDirectory units) {
		this.units = units;
	}

	/**
	 * @param to the addresses the mail goes to
	 * @param cc the addresses it is copied to
	 * @param names the units it reaches, by name
	 * @param leadCodes the task's lead units, by code
	 * @param leadNames the task's lead units, by name
	 */
	record Recipients(List<String> to, List<String> cc, List<String> names, List<String> leadCodes, List<String> leadNames) {
	}

	/** Who a step of the task goes to, as its audience says, and the names its mail and log give them. */
	Recipients of(TaskSnapshot task, Audience audience) {
		List<Unit> leads = new ArrayList<>();
		for (String group : task.candidateGroups()) {
			units.find(group).ifPresent(leads::add);
		}
		// a task with candidate groups that are no units (the office's review) has no unit to remind
		if (leads.isEmpty() && task.candidateGroups().isEmpty() && task.variables().get("unit") != null) {
			units.find(task.variables().get("unit").toString()).ifPresent(leads::add);
		}
		Set<String> to = new LinkedHashSet<>();
		Set<String> cc = new LinkedHashSet<>();
		Set<String> names = new LinkedHashSet<>();
		for (Unit lead : leads) {
			switch (audience) {
				case UNIT -> to.addAll(lead.mailboxes());
				case UNIT_AND_HEAD -> {
					to.addAll(lead.mailboxes());
					if (lead.head() != null) {
						to.add(lead.head());
					}
				}
				case ESCALATION, ESCALATION_AND_TOP -> {
					List<Unit> chain = units.escalationChain(lead.code());
					List<Unit> above = chain.isEmpty() ? List.of() : new ArrayList<>(List.of(chain.get(0)));
					if (audience == Audience.ESCALATION_AND_TOP && chain.size() > 1) {
						above.add(chain.get(chain.size() - 1));
					}
					for (Unit up : above) {
						to.addAll(up.mailboxes());
						if (up.head() != null) {
							to.add(up.head());
						}
						names.add(up.name());
					}
					cc.addAll(lead.mailboxes());
					if (lead.head() != null) {
						cc.add(lead.head());
					}
				}
			}
			names.add(lead.name());
		}
		if (to.isEmpty()) {
			to.addAll(cc);
			cc.clear();
		}
		cc.removeAll(to);
		return new Recipients(List.copyOf(to), List.copyOf(cc), List.copyOf(names), leads.stream().map(Unit::code).toList(),
				leads.stream().map(Unit::name).toList());
	}

}
