package vn.dondoc.workflow.lifecycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.variable.Variables;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * One lead unit's part of a directive: the rules of reporting, reviewing, extending and being late, applied
 * to the variables of the unit's scope (one instance of the multi-instance sub-process {@code unitPart}).
 * Each state change is a named method that refuses what the rules do not allow ({@link RequestRefused}).
 * It reads through any variable scope inside that instance (an execution or a task) and writes to the unit's
 * scope itself ({@link #set}): a variable that is not there yet is created there, so nothing this class
 * records lands on the process instance shared by all units.
 */
final class UnitPart {

	static final int MAX_REPORT_LENGTH = 4000;

	static final int MAX_REASON_LENGTH = 2000;

	/** Display variables for the review-extension form. */
	static final String VAR_PENDING_DUE_DATE_LABEL = "pendingDueDateLabel";

	static final String VAR_PENDING_REASON = "pendingReason";

	private static final Pattern LINK = Pattern.compile("^https?://\\S+$");

	private final VariableScope scope;

	private VariableScope unitScope;

	/** What {@link #takeSubmitted} took off the process instance, by name (a value may be null). */
	private final Map<String, Object> taken = new HashMap<>();

	private UnitPart(VariableScope scope) {
		this.scope = scope;
	}

	static UnitPart in(VariableScope scope) {
		return new UnitPart(scope);
	}

	/**
	 * The variables a form or a message may set on the unit's part. A part does not create them (issue 18):
	 * what Tasklist, the engine's REST API or a message submits lands on the process instance, where Camunda
	 * puts a variable that no scope has, and the listener of that task or message moves it to the unit's scope
	 * at once, in the same command ({@link #takeSubmitted}). Parts started before hold them as locals, and a
	 * submission lands there as it always did.
	 */
	static final List<String> SUBMITTED = List.of(VAR_UNIT_ACTION, VAR_REPORT_TEXT, VAR_REPORT_LINK, VAR_REPORT_STATUS,
			VAR_REVIEW_DECISION, VAR_REVIEW_COMMENT, VAR_END_TRACKING, VAR_REQUESTED_DUE_DATE, VAR_EXTENSION_REASON,
			VAR_EXTENSION_REQUESTED_BY, VAR_EXTENSION_DECISION, VAR_EXTENSION_DECISION_NOTE, VAR_FOLLOW_UP_NOTE);

	/** The submitted choices that the model's gateways read after the task, and no rule stores. */
	static final Set<String> CHOICES = Set.of(VAR_UNIT_ACTION, VAR_REVIEW_DECISION, VAR_EXTENSION_DECISION);

	/**
	 * Creates the unit's variables as locals of its sub-process instance: its unit and its own due date (an
	 * extension of one unit must not move another's). What this class writes later (histories, late, pending
	 * extension, outcome, the report shown to the office…) is created by {@link #set} when it first gets a
	 * value, and what forms submit arrives through {@link #takeSubmitted}: absent reads as null or false, and
	 * costs no rows (issue 18).
	 */
	static void start(DelegateExecution unitScope) {
		boolean ongoing = isTrue(unitScope.getVariable(VAR_ONGOING));
		Date due;
		Date original;
		String period = null;
		Date periodEnd = null;
		if (ongoing) {
			ReportingCycle.Period first = ReportingCycle.of(unitScope.getVariable(VAR_REPORTING_CYCLE)).periodOf(Dates.today());
			due = Dates.endOfDay(first.end());
			original = due;
			period = first.label();
			periodEnd = due;
		}
		else {
			due = asDate(unitScope.getVariable(VAR_DUE_DATE));
			Date recorded = asDate(unitScope.getVariable(VAR_ORIGINAL_DUE_DATE));
			original = recorded != null ? recorded : due;
		}
		Map<String, Object> locals = new LinkedHashMap<>();
		// a copy of the element variable in this scope, so that the history of the scope names its unit
		locals.put(VAR_UNIT, unitScope.getVariable(VAR_UNIT));
		locals.put(VAR_DUE_DATE, due);
		// whether the work is ongoing, and a dated part's original due date, are the directive's: read through
		// to the process instance (DirectiveLifecycle.parts, DueDateMoves), not copied into every part
		if (ongoing || !Objects.equals(original, unitScope.getVariable(VAR_ORIGINAL_DUE_DATE))) {
			locals.put(VAR_ORIGINAL_DUE_DATE, original);
		}
		if (ongoing) {
			locals.put(VAR_REPORT_PERIOD, period);
			locals.put(VAR_REPORT_PERIOD_END, periodEnd);
		}
		unitScope.setVariablesLocal(locals);
	}

	String unit() {
		return (String) scope.getVariable(VAR_UNIT);
	}

	/**
	 * Takes what a form or a message has just submitted ({@link #SUBMITTED}) off the process instance, where
	 * Camunda put it: the rules read it from here ({@link #submitted}) and write what is worth keeping (the
	 * report, the office's comment…) to the unit's scope. The choices the model's gateways read
	 * ({@link #CHOICES}) stay in the unit's scope as transient variables, for this command only. Created and
	 * removed in one command, the process instance's variable is never written to the database, so units that
	 * submit at the same moment do not meet on it, and none of it is left in the history. Called first by
	 * every listener of a task or message that submits.
	 */
	UnitPart takeSubmitted() {
		AbstractVariableScope unit = (AbstractVariableScope) unitScope();
		AbstractVariableScope top = (AbstractVariableScope) ((DelegateExecution) unit).getProcessInstance();
		for (String name : SUBMITTED) {
			if (top != unit && top.hasVariableLocal(name) && !unit.hasVariableLocal(name)) {
				Object value = top.getVariableLocal(name);
				top.removeVariableLocal(name);
				taken.put(name, value);
				if (CHOICES.contains(name)) {
					unit.setVariableLocal(name, Variables.untypedValue(value, true));
				}
			}
		}
		return this;
	}

	/** A submitted field: as {@link #takeSubmitted} took it, or where a part started before keeps it. */
	Object submitted(String name) {
		return taken.containsKey(name) ? taken.get(name) : scope.getVariable(name);
	}

	Date dueDate() {
		return asDate(scope.getVariable(VAR_DUE_DATE));
	}

	boolean late() {
		return isTrue(scope.getVariable(VAR_LATE));
	}

	/** A fresh carryOut task: the unit's choice and a previous extension request are not pre-filled. */
	void clearChoice() {
		set(VAR_UNIT_ACTION, null);
		set(VAR_REQUESTED_DUE_DATE, null);
		set(VAR_EXTENSION_REASON, null);
	}

	/** The unit asks for a new due date; one request at a time, for a later day that has not passed. */
	void requestExtension(Object requestedDay, Object reason, String by) {
		List<String> problems = new ArrayList<>();
		Date current = dueDate();
		if (isTrue(scope.getVariable(VAR_EXTENSION_PENDING))) {
			problems.add("Đơn vị đã có một đề nghị gia hạn đang chờ Văn phòng xem xét");
		}
		LocalDate day = null;
		try {
			day = Dates.parseDay(requestedDay);
			if (day == null) {
				problems.add("Cần nhập thời hạn đề nghị");
			}
			else if (day.isBefore(Dates.today())) {
				problems.add("Thời hạn đề nghị " + Dates.label(Dates.endOfDay(day)) + " đã qua");
			}
			else if (current != null && !day.isAfter(Dates.day(current))) {
				problems.add("Thời hạn đề nghị phải sau thời hạn hiện tại " + Dates.label(current));
			}
		}
		catch (IllegalArgumentException e) {
			problems.add("Thời hạn đề nghị: " + e.getMessage());
		}
		String why = text(reason);
		if (why == null) {
			problems.add("Cần nêu lý do đề nghị gia hạn");
		}
		else if (why.length() > MAX_REASON_LENGTH) {
			problems.add("Lý do dài quá " + MAX_REASON_LENGTH + " ký tự");
		}
		refuseIf(problems);

		Date requested = Dates.endOfDay(day);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put(Entries.REQUESTED_DUE_DATE, requested);
		entry.put(Entries.PREVIOUS_DUE_DATE, current);
		entry.put(Entries.REASON, why);
		entry.put(Entries.REQUESTED_BY, by);
		entry.put(Entries.REQUESTED_AT, Dates.now());
		entry.put(Entries.PERIOD, scope.getVariable(VAR_REPORT_PERIOD));
		entry.put(Entries.DECISION, EXTENSION_PENDING);
		List<Map<String, Object>> extensions = history(VAR_EXTENSIONS);
		extensions.add(entry);
		set(VAR_EXTENSIONS, extensions);
		set(VAR_EXTENSION_PENDING, true);
		set(VAR_PENDING_DUE_DATE_LABEL, Dates.label(requested));
		set(VAR_PENDING_REASON, why);
		set(VAR_EXTENSION_DECISION, null);
		set(VAR_EXTENSION_DECISION_NOTE, null);
	}

	/** The office decides on the pending request; rejecting needs a reason. */
	void decideExtension(Object decision, Object note, String by) {
		List<String> problems = new ArrayList<>();
		String choice = text(decision);
		String why = text(note);
		if (!EXTENSION_APPROVED.equals(choice) && !EXTENSION_REJECTED.equals(choice)) {
			problems.add("Cần chọn đồng ý hoặc không đồng ý gia hạn");
		}
		if (EXTENSION_REJECTED.equals(choice) && why == null) {
			problems.add("Không đồng ý gia hạn thì cần nêu lý do");
		}
		if (why != null && why.length() > MAX_REASON_LENGTH) {
			problems.add("Ý kiến dài quá " + MAX_REASON_LENGTH + " ký tự");
		}
		List<Map<String, Object>> extensions = history(VAR_EXTENSIONS);
		Map<String, Object> pending = pending(extensions);
		if (pending == null) {
			problems.add("Không có đề nghị gia hạn nào đang chờ xem xét");
		}
		refuseIf(problems);
		pending.put(Entries.DECISION, choice);
		pending.put(Entries.DECIDED_BY, by);
		pending.put(Entries.DECIDED_AT, Dates.now());
		pending.put(Entries.DECISION_NOTE, why);
		set(VAR_EXTENSIONS, extensions);
		set(VAR_EXTENSION_PENDING, false);
	}

	/**
	 * Moves the unit's due date to the approved one. The unit is no longer late: the new date is later
	 * than today (checked when it was requested, and extensions only move forward).
	 *
	 * @return the new due date
	 */
	Date applyApprovedExtension() {
		Map<String, Object> approved = last(history(VAR_EXTENSIONS));
		if (approved == null || !EXTENSION_APPROVED.equals(approved.get(Entries.DECISION))) {
			throw new IllegalStateException("no approved extension to apply for unit " + unit());
		}
		Date newDue = (Date) approved.get(Entries.REQUESTED_DUE_DATE);
		set(VAR_DUE_DATE, newDue);
		keepLabel(newDue);
		set(VAR_LATE, false);
		set(VAR_LATE_SINCE, null);
		return newDue;
	}

	/** The unit submits its result report. */
	void submitReport(Object status, Object report, Object link, String by) {
		List<String> problems = new ArrayList<>();
		String state = text(status);
		if (!REPORT_COMPLETED.equals(state) && !REPORT_PARTLY_COMPLETED.equals(state)) {
			problems.add("Cần chọn kết quả: hoàn thành hoặc hoàn thành một phần");
		}
		String body = text(report);
		if (body == null) {
			problems.add("Cần nhập nội dung báo cáo kết quả");
		}
		else if (body.length() > MAX_REPORT_LENGTH) {
			problems.add("Báo cáo dài quá " + MAX_REPORT_LENGTH + " ký tự: đính kèm đường dẫn tới văn bản đầy đủ");
		}
		String url = text(link);
		if (url != null && (url.length() > 1000 || !LINK.matcher(url).matches())) {
			problems.add("Đường dẫn phải bắt đầu bằng http:// hoặc https://");
		}
		refuseIf(problems);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put(Entries.PERIOD, scope.getVariable(VAR_REPORT_PERIOD));
		entry.put(Entries.STATUS, state);
		entry.put(Entries.TEXT, body);
		entry.put(Entries.LINK, url);
		entry.put(Entries.SUBMITTED_BY, by);
		entry.put(Entries.SUBMITTED_AT, Dates.now());
		entry.put(Entries.DUE_DATE, dueDate());
		List<Map<String, Object>> reports = history(VAR_REPORTS);
		reports.add(entry);
		set(VAR_REPORTS, reports);
		set(VAR_REPORT_TEXT, body);
		set(VAR_REPORT_LINK, url);
		set(VAR_REPORT_STATUS, state);
		// the review of an earlier report must not pre-fill the next review
		set(VAR_REVIEW_DECISION, null);
		set(VAR_REVIEW_COMMENT, null);
	}

	/** The office accepts the report or returns it with a reason. */
	void review(Object decision, Object comment, Object endTracking, String by) {
		List<String> problems = new ArrayList<>();
		String choice = text(decision);
		String why = text(comment);
		if (!REVIEW_ACCEPT.equals(choice) && !REVIEW_RETURN.equals(choice)) {
			problems.add("Cần chọn chấp nhận hoặc trả lại báo cáo");
		}
		if (REVIEW_RETURN.equals(choice) && why == null) {
			problems.add("Trả lại báo cáo thì cần nêu lý do");
		}
		if (why != null && why.length() > MAX_REASON_LENGTH) {
			problems.add("Ý kiến dài quá " + MAX_REASON_LENGTH + " ký tự");
		}
		List<Map<String, Object>> reports = history(VAR_REPORTS);
		Map<String, Object> report = last(reports);
		if (report == null || report.get(Entries.REVIEW) != null) {
			problems.add("Không có báo cáo nào đang chờ xem xét");
		}
		refuseIf(problems);
		report.put(Entries.REVIEW, choice);
		report.put(Entries.REVIEWED_BY, by);
		report.put(Entries.REVIEWED_AT, Dates.now());
		report.put(Entries.COMMENT, why);
		Date due = dueDate();
		if (REVIEW_ACCEPT.equals(choice) && due != null) {
			// against the due date in force now: an extension approved meanwhile counts
			report.put(Entries.ON_TIME, !((Date) report.get(Entries.SUBMITTED_AT)).after(due));
		}
		set(VAR_REPORTS, reports);
		set(VAR_REVIEW_COMMENT, why);
		set(VAR_END_TRACKING, REVIEW_ACCEPT.equals(choice) && isTrue(endTracking));
	}

	/**
	 * The due date passed. Late only while the unit holds its task: a report waiting for review is not late
	 * work of the unit.
	 *
	 * @return whether to open a follow-up task for the office (none if one is open already)
	 */
	boolean markLate(boolean carryOutOpen) {
		if (!carryOutOpen) {
			return false;
		}
		if (!late()) {
			set(VAR_LATE, true);
			set(VAR_LATE_SINCE, Dates.now());
		}
		if (isTrue(scope.getVariable(VAR_FOLLOW_UP_OPEN))) {
			return false;
		}
		set(VAR_FOLLOW_UP_OPEN, true);
		return true;
	}

	/** The office's note on how it followed the late unit up, kept in the unit's scope. */
	void recordFollowUp(Object note) {
		set(VAR_FOLLOW_UP_NOTE, text(note));
	}

	/** Ongoing work: the next period's report, due at the end of that period. */
	void nextPeriod() {
		ReportingCycle cycle = ReportingCycle.of(scope.getVariable(VAR_REPORTING_CYCLE));
		Date end = asDate(scope.getVariable(VAR_REPORT_PERIOD_END));
		ReportingCycle.Period next = cycle.after(Dates.day(end != null ? end : Dates.now()));
		Date due = Dates.endOfDay(next.end());
		set(VAR_REPORT_PERIOD, next.label());
		set(VAR_REPORT_PERIOD_END, due);
		set(VAR_DUE_DATE, due);
		set(VAR_ORIGINAL_DUE_DATE, due);
		keepLabel(due);
		set(VAR_LATE, false);
		set(VAR_LATE_SINCE, null);
		for (String field : List.of(VAR_REPORT_TEXT, VAR_REPORT_LINK, VAR_REPORT_STATUS, VAR_REVIEW_DECISION, VAR_REVIEW_COMMENT)) {
			set(field, null);
		}
		set(VAR_END_TRACKING, false);
	}

	/** The part is done: records how (on time, late, without a deadline, tracking ended) and when. */
	String complete() {
		List<Map<String, Object>> extensions = history(VAR_EXTENSIONS);
		Map<String, Object> pending = pending(extensions);
		if (pending != null) {
			pending.put(Entries.DECISION, EXTENSION_WITHDRAWN);
			pending.put(Entries.DECIDED_AT, Dates.now());
			set(VAR_EXTENSIONS, extensions);
			set(VAR_EXTENSION_PENDING, false);
		}
		String outcome;
		Map<String, Object> accepted = last(history(VAR_REPORTS));
		if (isTrue(scope.getVariable(VAR_ONGOING))) {
			outcome = OUTCOME_TRACKING_ENDED;
		}
		else if (dueDate() == null || accepted == null || accepted.get(Entries.ON_TIME) == null) {
			outcome = OUTCOME_NO_DEADLINE;
		}
		else {
			outcome = isTrue(accepted.get(Entries.ON_TIME)) ? OUTCOME_ON_TIME : OUTCOME_LATE;
		}
		set(VAR_OUTCOME, outcome);
		set(VAR_COMPLETED_AT, Dates.now());
		return outcome;
	}

	/**
	 * Writes a variable of the unit's part in the unit's scope, creating it there if it is not there yet
	 * (parts started before issue 18 have them all already); a null is not created, absent reads as null.
	 * A choice submitted in this command stays transient.
	 */
	/**
	 * The due date's label where a part started before issue 18's sixth slice keeps one; a newer part has none
	 * (the forms get it from the date, {@code DirectiveFormVariables}).
	 */
	private void keepLabel(Date due) {
		if (((AbstractVariableScope) unitScope()).hasVariableLocal(VAR_DUE_DATE_LABEL)) {
			set(VAR_DUE_DATE_LABEL, Dates.label(due));
		}
	}

	private void set(String name, Object value) {
		AbstractVariableScope unitScope = (AbstractVariableScope) unitScope();
		if (unitScope.getVariableInstanceLocal(name) instanceof VariableInstanceEntity choice && choice.isTransient()) {
			// a choice submitted in this command ({@link #takeSubmitted}) stays transient: Camunda keeps a removed
			// variable's kind until the command ends and refuses to store one of the same name meanwhile
			unitScope.setVariableLocal(name, Variables.untypedValue(value, true));
			return;
		}
		if (value != null || unitScope.hasVariableLocal(name)) {
			unitScope.setVariableLocal(name, value);
		}
	}

	/**
	 * The unit's sub-process instance: the nearest execution above {@link #scope} (or the scope itself) that
	 * holds the unit as a local ({@link #start}). A task's own scope is never it.
	 */
	private VariableScope unitScope() {
		if (unitScope == null) {
			AbstractVariableScope candidate = (AbstractVariableScope) scope;
			while (candidate != null && !(candidate instanceof DelegateExecution && candidate.hasVariableLocal(VAR_UNIT))) {
				candidate = candidate.getParentVariableScope();
			}
			if (candidate == null) {
				throw new IllegalStateException("no unit part around " + scope + ": " + VAR_UNIT + " is not a local of any scope");
			}
			unitScope = candidate;
		}
		return unitScope;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> history(String name) {
		Object value = scope.getVariable(name);
		List<Map<String, Object>> copy = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object entry : list) {
				copy.add(new LinkedHashMap<>((Map<String, Object>) entry));
			}
		}
		return copy;
	}

	private static Map<String, Object> last(List<Map<String, Object>> entries) {
		return entries.isEmpty() ? null : entries.get(entries.size() - 1);
	}

	private static Map<String, Object> pending(List<Map<String, Object>> extensions) {
		Map<String, Object> last = last(extensions);
		return last != null && EXTENSION_PENDING.equals(last.get(Entries.DECISION)) ? last : null;
	}

	private static void refuseIf(List<String> problems) {
		if (!problems.isEmpty()) {
			throw new RequestRefused(problems);
		}
	}

	static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	static boolean isTrue(Object value) {
		return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString().trim());
	}

	private static Date asDate(Object value) {
		return value instanceof Date date ? date : null;
	}

}
