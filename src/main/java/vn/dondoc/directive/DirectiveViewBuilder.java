package vn.dondoc.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.UnitPart;
import vn.dondoc.directive.DirectiveRows.DirectiveRow;
import vn.dondoc.directive.DirectiveRows.UnitRow;
import vn.dondoc.unit.UnitDirectory;

/**
 * Turns stored directives into what the API and the pages show: each lead part with its unit's name, its
 * status by {@link StatusRules} and (on a directive's own page) its planned reminders; the directive with
 * the most urgent status of its parts, lead units first.
 */
@Component
class DirectiveViewBuilder {

	private final DirectiveRows rows;

	private final UnitDirectory units;

	private final StatusRules status;

	private final ObjectProvider<TaskReminders> reminders;

	DirectiveViewBuilder(DirectiveRows rows, UnitDirectory units, StatusRules status, ObjectProvider<TaskReminders> reminders) {
		this.rows = rows;
		this.units = units;
		this.status = status;
		this.reminders = reminders;
	}

	List<DirectiveView> of(List<DirectiveRow> directives, boolean withReminders) {
		LocalDate today = status.day();
		Map<String, String> titles = rows.titles(directives.stream().map(DirectiveRow::documentCode).collect(Collectors.toSet()));
		Map<Long, List<UnitRow>> unitRows = rows.unitsOf(directives.stream().map(DirectiveRow::id).toList());
		TaskReminders steps = withReminders ? reminders.getIfAvailable() : null;
		List<DirectiveView> views = new ArrayList<>();
		for (DirectiveRow row : directives) {
			List<UnitPart> parts = new ArrayList<>();
			List<DirectiveStatus> statuses = new ArrayList<>();
			for (UnitRow unit : unitRows.getOrDefault(row.id(), List.of())) {
				String name = units.nameOf(unit.unitCode());
				if (DirectiveRows.LEAD.equals(unit.role())) {
					DirectiveStatus partStatus = status.of(unit.dueDate(), unit.completedAt(), today);
					statuses.add(partStatus);
					List<TaskReminders.Step> planned = steps != null && unit.taskId() != null ? steps.stepsOf(unit.taskId()) : List.of();
					parts.add(new UnitPart(unit.unitCode(), name, unit.role(), unit.dueDate(), DirectiveViews.display(unit.dueDate()),
							unit.originalDueDate(), unit.taskId(), unit.completedAt(), partStatus.name(), partStatus.label(), planned));
				}
				else {
					parts.add(new UnitPart(unit.unitCode(), name, unit.role(), null, null, null, null, null, null, null, List.of()));
				}
			}
			parts.sort(Comparator.comparing((UnitPart part) -> !DirectiveRows.LEAD.equals(part.role())));
			DirectiveStatus worst = DirectiveStatus.worst(statuses);
			views.add(new DirectiveView(row.id(), row.businessKey(), row.documentCode(), titles.get(row.documentCode()),
					row.section(), row.text(), row.deadlineText(), row.deadlineKind(), row.deadlineExplanation(), row.dueDate(),
					DirectiveViews.display(row.dueDate()), row.statedDueDate(), row.movedToWorkingDay(), row.awaitingEvent(),
					row.awaitingEvent() != null, row.processInstanceId(), worst.name(), worst.label(), parts));
		}
		return views;
	}

}
