package vn.dondoc.unit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/units}: the directory, and units removed from it that still own open tasks. */
@RestController
class UnitController {

	private final UnitDirectory directory;

	private final UnitGroups groups;

	UnitController(UnitDirectory directory, UnitGroups groups) {
		this.directory = directory;
		this.groups = groups;
	}

	record UnitView(String code, String name, String kind, String kindLabel, List<String> mailboxes, String head,
			String escalatesTo, String status, Long openTasks) {
	}

	@GetMapping("/api/units")
	List<UnitView> units() {
		List<UnitView> views = new ArrayList<>();
		for (Unit unit : directory.all()) {
			views.add(new UnitView(unit.code(), unit.name(), unit.kind().name(), unit.kind().label(), unit.mailboxes(),
					unit.head(), unit.escalatesTo(), "ACTIVE", null));
		}
		for (UnitGroups.RemovedUnit removed : groups.removedWithOpenTasks()) {
			views.add(new UnitView(removed.code(), removed.name(), null, null, List.of(), null, null,
					"REMOVED_WITH_OPEN_TASKS", removed.openTasks()));
		}
		return views;
	}

}
