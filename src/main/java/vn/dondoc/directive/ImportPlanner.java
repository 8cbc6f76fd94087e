package vn.dondoc.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import vn.dondoc.calendar.Deadline;
import vn.dondoc.calendar.DeadlineKind;
import vn.dondoc.directive.DirectiveRows.DirectiveRow;
import vn.dondoc.directive.DirectiveRows.UnitRow;
import vn.dondoc.directive.DocumentSpec.DirectiveSpec;
import vn.dondoc.unit.UnitDirectory;

/**
 * What importing a document would do, worked out from dondoc's rows alone, before anything changes: which
 * directives start, which change, which open parts move to which date, what is refused. The preview shows it;
 * the import applies exactly it ({@link DocumentImporter}).
 */
final class ImportPlanner {

	private final DirectiveRows rows;

	private final UnitDirectory units;

	ImportPlanner(DirectiveRows rows, UnitDirectory units) {
		this.rows = rows;
		this.units = units;
	}

	/** What importing a document does to each of its directives, worked out from dondoc's rows only. */
	record Plan(List<Step> steps, List<String> removed, List<String> notices, List<DocumentProblem> problems) {
	}

	/**
	 * One directive of the document: {@code current} null when it starts now; {@code next} null when it is
	 * unchanged; else its new row and the open parts whose due date moves.
	 */
	record Step(int position, DirectiveSpec spec, DirectiveRow current, DirectiveRow next, List<PartMove> moves) {
	}

	record PartMove(String unit, String taskId, LocalDate from, LocalDate to) {
	}

	Plan plan(DocumentSpec spec) {
		Map<String, DirectiveRow> existing = new LinkedHashMap<>();
		rows.directivesOf(spec.code()).forEach(row -> existing.put(row.section(), row));
		Map<Long, List<UnitRow>> unitsOf = rows.unitsOf(existing.values().stream().map(DirectiveRow::id).toList());
		List<Step> steps = new ArrayList<>();
		List<String> notices = new ArrayList<>();
		List<DocumentProblem> problems = new ArrayList<>();
		Set<String> sections = new HashSet<>();
		for (int position = 0; position < spec.directives().size(); position++) {
			DirectiveSpec directive = spec.directives().get(position);
			sections.add(directive.section());
			DirectiveRow current = existing.get(directive.section());
			if (current == null) {
				steps.add(new Step(position, directive, null, null, List.of()));
			}
			else {
				steps.add(update(current, unitsOf.getOrDefault(current.id(), List.of()), directive, position, problems, notices));
			}
			if (directive.deadline() != null && directive.deadline().kind() == DeadlineKind.EVENT) {
				notices.add(directive.section() + ": thời hạn gắn với sự kiện («" + directive.deadline().event()
						+ "»); nhập ngày khi biết ngày diễn ra");
			}
		}
		List<String> removed = new ArrayList<>();
		for (DirectiveRow old : existing.values()) {
			if (!sections.contains(old.section())) {
				removed.add(old.section());
				notices.add(old.section() + ": không còn trong văn bản; nhiệm vụ vẫn được theo dõi (nếu đã bãi bỏ, hủy quy trình trong Cockpit)");
			}
		}
		return new Plan(steps, removed, notices, problems);
	}

	private Step update(DirectiveRow current, List<UnitRow> units, DirectiveSpec directive, int position,
			List<DocumentProblem> problems, List<String> notices) {
		String path = "directives[" + position + "]";
		List<UnitRow> leads = units.stream().filter(unit -> DirectiveRows.LEAD.equals(unit.role())).toList();
		List<String> leadCodes = leads.stream().map(UnitRow::unitCode).sorted().toList();
		if (!leadCodes.equals(directive.leadUnits().stream().sorted().toList())) {
			problems.add(new DocumentProblem(path + ".lead", null, String.join(", ", directive.leadUnits()),
					"Không đổi được đơn vị chủ trì của nhiệm vụ đã nhập (đang là " + String.join(", ", leadCodes)
							+ "); hãy nhập thay đổi thành mục mới hoặc văn bản mới"));
			return new Step(position, directive, current, null, List.of());
		}
		Deadline deadline = directive.deadline();
		DirectiveRow next = new DirectiveRow(current.id(), current.businessKey(), current.documentCode(), current.section(),
				position, directive.text(), directive.deadlineText(), kindOf(deadline), eventDateKept(current, directive),
				deadline == null ? null : deadline.statedDate(), deadline != null && deadline.movedToWorkingDay(),
				explanationOf(deadline), deadline == null ? null : deadline.event(), current.processInstanceId());
		if (next.equals(current)) {
			return new Step(position, directive, current, null, List.of());
		}
		if (isOngoing(current.deadlineKind()) != isOngoing(next.deadlineKind())) {
			problems.add(new DocumentProblem(path + ".deadline", null, directive.deadlineText(),
					isOngoing(current.deadlineKind())
							? "Nhiệm vụ đã nhập là nhiệm vụ thường xuyên (báo cáo theo kỳ); không đổi được thành nhiệm vụ có thời hạn — hãy nhập thành mục mới"
							: "Nhiệm vụ đã nhập có thời hạn; không đổi được thành nhiệm vụ thường xuyên — hãy nhập thành mục mới"));
			return new Step(position, directive, current, null, List.of());
		}
		List<PartMove> moves = new ArrayList<>();
		if (!Objects.equals(current.dueDate(), next.dueDate()) && !isOngoing(next.deadlineKind())) {
			LocalDate to = next.dueDate();
			for (UnitRow part : leads) {
				if (part.completedAt() != null || Objects.equals(part.dueDate(), to)) {
					continue;
				}
				// an extension the office approved beyond the document's new date stands
				boolean extended = part.dueDate() != null && current.dueDate() != null && part.dueDate().isAfter(current.dueDate());
				if (extended && (to == null || part.dueDate().isAfter(to))) {
					notices.add(directive.section() + " – " + unitName(part.unitCode()) + ": giữ thời hạn đã gia hạn "
							+ DirectiveViews.display(part.dueDate()) + " (muộn hơn thời hạn mới của văn bản)");
					continue;
				}
				moves.add(new PartMove(part.unitCode(), part.taskId(), part.dueDate(), to));
			}
		}
		return new Step(position, directive, current, next, moves);
	}

	/**
	 * The document's due date; for a directive still waiting on its event (no date in the document), the event
	 * date the office entered ({@link EventDates}) stands.
	 */
	private static LocalDate eventDateKept(DirectiveRow current, DirectiveSpec directive) {
		boolean event = directive.deadline() != null && directive.deadline().kind() == DeadlineKind.EVENT;
		return event && directive.dueDate() == null && DeadlineKind.EVENT.name().equals(current.deadlineKind()) ? current.dueDate()
				: directive.dueDate();
	}

	String unitName(String code) {
		return units.nameOf(code);
	}

	/** Ongoing work (no final due date, periodic reports): what the process was started with. */
	private static boolean isOngoing(String deadlineKind) {
		return "NONE".equals(deadlineKind) || DeadlineKind.ONGOING.name().equals(deadlineKind);
	}

	static String kindOf(Deadline deadline) {
		return deadline == null ? "NONE" : deadline.kind().name();
	}

	static String explanationOf(Deadline deadline) {
		return deadline == null ? "Văn bản không nêu thời hạn" : deadline.explanation();
	}

}
