package vn.dondoc.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;


/**
 * Mirrors the unit directory as Camunda groups (type {@value #TYPE}) at start-up, so that candidate
 * groups, Tasklist filters and authorizations speak of the same units. Idempotent: only what differs is
 * written. A group whose unit left the file is deleted when it owns no open task, and kept and reported
 * (log and {@code GET /api/units}) when it still does.
 */
@Component
class UnitGroups implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(UnitGroups.class);

	static final String TYPE = "UNIT";

	private final UnitDirectory directory;

	private final IdentityService identity;

	private final TaskService tasks;

	private volatile List<RemovedUnit> removedWithOpenTasks = List.of();

	record RemovedUnit(String code, String name, long openTasks) {
	}

	UnitGroups(UnitDirectory directory, IdentityService identity, TaskService tasks) {
		this.directory = directory;
		this.identity = identity;
		this.tasks = tasks;
	}

	@Override
	public void afterSingletonsInstantiated() {
		sync();
	}

	void sync() {
		int created = 0;
		int renamed = 0;
		for (Unit unit : directory.all()) {
			Group group = identity.createGroupQuery().groupId(unit.code()).singleResult();
			if (group == null) {
				group = identity.newGroup(unit.code());
				group.setName(unit.name());
				group.setType(TYPE);
				identity.saveGroup(group);
				created++;
			}
			else if (!Objects.equals(group.getName(), unit.name()) || !TYPE.equals(group.getType())) {
				group.setName(unit.name());
				group.setType(TYPE);
				identity.saveGroup(group);
				renamed++;
			}
		}
		List<RemovedUnit> kept = new ArrayList<>();
		for (Group group : identity.createGroupQuery().groupType(TYPE).list()) {
			if (directory.exists(group.getId())) {
				continue;
			}
			long open = tasks.createTaskQuery().taskCandidateGroup(group.getId()).count();
			if (open == 0) {
				identity.deleteGroup(group.getId());
				log.info("Unit '{}' ({}) is no longer in {} and owns no open task: its Camunda group was removed",
						group.getId(), group.getName(), directory.origin());
			}
			else {
				kept.add(new RemovedUnit(group.getId(), group.getName(), open));
				log.warn("Unit '{}' ({}) is no longer in {} but still owns {} open task(s): its group is kept."
						+ " Reassign or close those tasks, or put the unit back.", group.getId(), group.getName(),
						directory.origin(), open);
			}
		}
		removedWithOpenTasks = List.copyOf(kept);
		log.info("Unit groups in Camunda: {} created, {} updated, {} unchanged", created, renamed,
				directory.all().size() - created - renamed);
	}

	List<RemovedUnit> removedWithOpenTasks() {
		return removedWithOpenTasks;
	}

}
