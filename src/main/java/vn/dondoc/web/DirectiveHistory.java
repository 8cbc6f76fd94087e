package vn.dondoc.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.UnitPart;
import vn.dondoc.directive.EventDates;
import vn.dondoc.security.Viewer;
import vn.dondoc.workflow.Extension;
import vn.dondoc.workflow.Report;
import vn.dondoc.workflow.ReviewDecision;
import vn.dondoc.workflow.UnitPartStatus;

/**
 * The "Diễn biến" of a directive's page: the process start, the mails sent, requests, decisions, reports,
 * reviews and completions, in time order. A unit reads its own part's story; mails of one kind sent together
 * fold into one line.
 */
final class DirectiveHistory {

	private DirectiveHistory() {
	}

	/** One line of the directive's history, whoever wrote it (process, reminders, units, office). */
	record Event(Instant at, String what, String unit, String actor, String detail, List<String> folded) {

		Event(Instant at, String what, String unit, String actor, String detail) {
			this(at, what, unit, actor, detail, List.of());
		}

	}

	/** Mails of one kind sent in the same minute (a notice to 34 units) read as one line with the list folded. */
	static final int FOLD_FROM = 3;

	/** The process start, reminders sent, requests, decisions, reports, reviews and completions, in time order. */
	static List<Event> of(DirectiveView view, List<UnitPartStatus> statuses, List<DirectiveCatalog.HistoryLine> lines, Viewer viewer,
			HistoryService history) {
		Map<String, String> names = view.units().stream().collect(Collectors.toMap(UnitPart::code, UnitPart::name, (a, b) -> a));
		// a unit reads its own part's story: the mails sent to it, its reports and requests, not the other units'
		List<String> own = viewer.seesAll() ? null : viewer.units().stream().map(code -> names.getOrDefault(code, code)).toList();
		List<Event> events = new ArrayList<>();
		if (view.processInstanceId() != null) {
			HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(view.processInstanceId()).singleResult();
			if (instance != null) {
				events.add(new Event(instance.getStartTime().toInstant(), "Giao nhiệm vụ, bắt đầu theo dõi", null,
						instance.getStartUserId() == null ? "dondoc" : instance.getStartUserId(),
						"Đơn vị chủ trì: " + Dashboard.leadParts(view).stream().map(UnitPart::name).collect(Collectors.joining(", "))));
			}
		}
		for (DirectiveCatalog.HistoryLine line : lines) {
			String kind = line.kind() == null ? "" : line.kind();
			if (EventDates.HISTORY_KIND.equals(kind)) {
				events.add(new Event(line.at(), "Nhập ngày diễn ra sự kiện: " + line.detail(), null, line.actor(), null));
				continue;
			}
			boolean mail = kind.startsWith("REMINDER_");
			if (mail && own != null && (line.detail() == null || own.stream().noneMatch(line.detail()::contains))) {
				continue;
			}
			String what = mail ? "Gửi thư: " + WebDates.kindLabel(kind.substring("REMINDER_".length())) : kind;
			events.add(new Event(line.at(), what, null, line.actor(), line.detail()));
		}
		for (UnitPartStatus part : statuses) {
			if (own != null && !viewer.units().contains(part.unit())) {
				continue;
			}
			String unit = names.getOrDefault(part.unit(), part.unit());
			if (part.lateSince() != null) {
				events.add(new Event(part.lateSince(), "Quá hạn", unit, "dondoc", "Hết thời hạn mà đơn vị chưa báo cáo"));
			}
			for (Extension e : part.extensions()) {
				if (e.requestedAt() != null) {
					events.add(new Event(e.requestedAt(), "Đề nghị gia hạn", unit, e.requestedBy(),
							"Đến " + WebDates.DAY.format(e.requestedDueDate()) + (e.reason() == null ? "" : ": " + e.reason())));
				}
				if (e.decidedAt() != null) {
					events.add(new Event(e.decidedAt(), e.decision().label(), unit, e.decidedBy(), e.decisionNote()));
				}
			}
			for (Report r : part.reports()) {
				if (r.submittedAt() != null) {
					events.add(new Event(r.submittedAt(), "Báo cáo kết quả: " + r.status().label(), unit, r.submittedBy(),
							r.text() == null ? null : (r.text().length() > 300 ? r.text().substring(0, 300) + "…" : r.text())));
				}
				if (r.reviewedAt() != null) {
					events.add(new Event(r.reviewedAt(), r.review() == ReviewDecision.ACCEPT ? "Chấp nhận báo cáo" : "Trả lại báo cáo", unit,
							r.reviewedBy(), r.comment()));
				}
			}
			if (part.completedAt() != null && part.outcome() != null) {
				events.add(new Event(part.completedAt(), part.outcome().label(), unit, null, null));
			}
		}
		events.sort(Comparator.comparing(Event::at));
		return folded(events);
	}

	/** Runs of at least {@link #FOLD_FROM} mails of one kind by one actor in one minute become one line. */
	static List<Event> folded(List<Event> events) {
		List<Event> result = new ArrayList<>();
		int i = 0;
		while (i < events.size()) {
			Event first = events.get(i);
			int j = i + 1;
			while (j < events.size() && first.what().startsWith("Gửi thư") && first.unit() == null && sameRun(first, events.get(j))) {
				j++;
			}
			if (j - i >= FOLD_FROM) {
				List<String> details = events.subList(i, j).stream().map(Event::detail).filter(Objects::nonNull).toList();
				result.add(new Event(first.at(), first.what() + " (" + (j - i) + " thư)", null, first.actor(), null, details));
			}
			else {
				result.addAll(events.subList(i, j));
			}
			i = j;
		}
		return result;
	}

	private static boolean sameRun(Event first, Event next) {
		return first.what().equals(next.what()) && next.unit() == null && Objects.equals(first.actor(), next.actor())
				&& Duration.between(first.at(), next.at()).abs().toMinutes() < 1;
	}

}
