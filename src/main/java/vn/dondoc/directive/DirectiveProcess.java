package vn.dondoc.directive;

/**
 * The names that {@code bpmn/directive.bpmn}, the import and the reminder engine share: process key,
 * element ids and variable names. Change them here and in the model together.
 */
public final class DirectiveProcess {

	/** Process definition key of {@code bpmn/directive.bpmn}. */
	public static final String KEY = "directive";

	/** The user task a lead unit works on (one per lead unit, multi-instance). */
	public static final String TASK_CARRY_OUT = "carryOut";

	/** Business key and directive id: {@code <document code>/<section>}, e.g. {@code 45-KL/TU/I.2.3.1}. */
	public static final String VAR_DIRECTIVE_ID = "directiveId";

	/**
	 * The document's code, for task names: passed to the process's start as a transient variable, and put next to
	 * a later task by the application (DirectiveTrackingPlugin); processes imported before migration 39 held it.
	 */
	public static final String VAR_DOCUMENT_CODE = "documentCode";

	/**
	 * The document's title.
	 * A form variable filled from dondoc's row (workflow's DirectiveFormVariables); processes imported since
	 * migration 37 hold no copy of it.
	 */
	public static final String VAR_DOCUMENT_TITLE = "documentTitle";

	/** The directive's section in its document, for task names, as {@link #VAR_DOCUMENT_CODE}. */
	public static final String VAR_SECTION = "section";

	/**
	 * The directive in the document's own words.
	 * A form variable filled from dondoc's row (workflow's DirectiveFormVariables); processes imported since
	 * migration 37 hold no copy of it.
	 */
	public static final String VAR_TEXT = "directiveText";

	/** {@code List<String>} of unit codes; the multi-instance collection. */
	public static final String VAR_LEAD_UNITS = "leadUnits";

	/** The element variable of the multi-instance: the unit code of one lead unit. */
	public static final String VAR_UNIT = "unit";

	/**
	 * The lead unit's name ("Ban Tổ chức Thành ủy") for task names, a transient variable the application puts next
	 * to a new task (DirectiveTrackingPlugin; without it the name says the unit's code), and a form variable filled
	 * from the unit directory (workflow's DirectiveFormVariables). Parts started before migration 39 held it.
	 */
	public static final String VAR_UNIT_NAME = "unitName";

	/** {@code List<String>} of unit codes that coordinate (phối hợp): held by processes imported before migration 37 only. */
	public static final String VAR_COORDINATING_UNITS = "coordinatingUnits";

	/** {@code java.util.Date} (end of the due day in Vietnam) or {@code null} for ongoing or event deadlines. */
	public static final String VAR_DUE_DATE = "dueDate";

	/** The first due date, kept when extensions move {@link #VAR_DUE_DATE}. */
	public static final String VAR_ORIGINAL_DUE_DATE = "originalDueDate";

	/**
	 * The deadline as the document writes it ("hoàn thành trong quý II năm 2023").
	 * A form variable filled from dondoc's row (workflow's DirectiveFormVariables); processes imported since
	 * migration 37 hold no copy of it.
	 */
	public static final String VAR_DEADLINE_TEXT = "deadlineText";

	/** The deadline's kind as the calendar resolved it (FIXED_DATE, ONGOING, EVENT, ...): processes imported before migration 37 only. */
	public static final String VAR_DEADLINE_KIND = "deadlineKind";

	/** {@code true} for ongoing work ("thường xuyên", "tiếp tục"): periodic reports, no final due date. */
	public static final String VAR_ONGOING = "ongoing";

	/** The Camunda group of the tracking office (Văn phòng), who reviews reports and extensions. */
	public static final String GROUP_TRACKING_OFFICE = "tracking-office";

	// ---- Lifecycle of one lead unit's part (bpmn/directive.bpmn, issue 7) ------------------------------
	// Everything below lives in the scope of one instance of the multi-instance sub-process
	// ELEMENT_UNIT_PART, so each lead unit has its own copy; read them from that scope, not from the
	// process instance.

	/** The multi-instance sub-process: one instance per lead unit. */
	public static final String ELEMENT_UNIT_PART = "unitPart";

	/** The tracking office reviews a unit's result report (no due date: no reminders). */
	public static final String TASK_REVIEW_REPORT = "reviewReport";

	/** The tracking office approves or rejects a requested extension. */
	public static final String TASK_REVIEW_EXTENSION = "reviewExtension";

	/** The tracking office follows up a unit that is late ("Đôn đốc đơn vị chậm"). */
	public static final String TASK_FOLLOW_UP_LATE = "followUpLate";

	/** Service task that records a unit's part as completed (on time, late, or tracking ended). */
	public static final String TASK_RECORD_COMPLETION = "recordCompletion";

	/** Non-interrupting timer on {@link #TASK_CARRY_OUT} at the unit's due date. */
	public static final String EVENT_CARRY_OUT_OVERDUE = "carryOutOverdue";

	/** Timer that watches a new due date when the unit was already late before its extension. */
	public static final String EVENT_NEW_DUE_DATE_REACHED = "newDueDateReached";

	/** Non-interrupting message boundary on {@link #TASK_CARRY_OUT}: the unit asks for an extension. */
	public static final String EVENT_EXTENSION_REQUESTED = "extensionRequested";

	/** Message name of {@link #EVENT_EXTENSION_REQUESTED}. */
	public static final String MESSAGE_EXTENSION_REQUESTED = "extensionRequested";

	/** Optional process variable: QUARTERLY (default), MONTHLY, HALF_YEARLY or YEARLY reports for ongoing work. */
	public static final String VAR_REPORTING_CYCLE = "reportingCycle";

	/**
	 * The part's due date as dd/MM/yyyy, or "Không thời hạn": a form variable filled from the part's due date
	 * (workflow's DirectiveFormVariables). Parts started before migration 39 held it in their scope.
	 */
	public static final String VAR_DUE_DATE_LABEL = "dueDateLabel";

	/** Unit scope, ongoing work: the period the current report covers ("Quý II/2023"). */
	public static final String VAR_REPORT_PERIOD = "reportPeriod";

	/** Unit scope, ongoing work: last day of that period ({@code java.util.Date}, end of day). */
	public static final String VAR_REPORT_PERIOD_END = "reportPeriodEnd";

	/** carryOut form: {@link #ACTION_REPORT} or {@link #ACTION_REQUEST_EXTENSION}. */
	public static final String VAR_UNIT_ACTION = "unitAction";

	public static final String ACTION_REPORT = "REPORT";

	public static final String ACTION_REQUEST_EXTENSION = "REQUEST_EXTENSION";

	/** The result report: its text, an optional http(s) link and {@link #REPORT_COMPLETED} or {@link #REPORT_PARTLY_COMPLETED}. */
	public static final String VAR_REPORT_TEXT = "reportText";

	public static final String VAR_REPORT_LINK = "reportLink";

	public static final String VAR_REPORT_STATUS = "reportStatus";

	public static final String REPORT_COMPLETED = "COMPLETED";

	public static final String REPORT_PARTLY_COMPLETED = "PARTLY_COMPLETED";

	/** {@code List<Map<String, Object>>}: every report submitted, with its review (keys in the lifecycle package). */
	public static final String VAR_REPORTS = "reports";

	/** reviewReport form: {@link #REVIEW_ACCEPT} or {@link #REVIEW_RETURN}, a comment (the reason when returned). */
	public static final String VAR_REVIEW_DECISION = "reviewDecision";

	public static final String VAR_REVIEW_COMMENT = "reviewComment";

	public static final String REVIEW_ACCEPT = "ACCEPT";

	public static final String REVIEW_RETURN = "RETURN";

	/** reviewReport form, ongoing work: {@code true} ends the periodic reports of this unit. */
	public static final String VAR_END_TRACKING = "endTracking";

	/** An extension request: the new due date (Date, or yyyy-MM-dd from a form), the reason, who asked. */
	public static final String VAR_REQUESTED_DUE_DATE = "requestedDueDate";

	public static final String VAR_EXTENSION_REASON = "extensionReason";

	public static final String VAR_EXTENSION_REQUESTED_BY = "extensionRequestedBy";

	/** {@code true} while a request waits for the tracking office. */
	public static final String VAR_EXTENSION_PENDING = "extensionPending";

	/** {@code List<Map<String, Object>>}: every extension request and its decision. */
	public static final String VAR_EXTENSIONS = "extensions";

	/** reviewExtension form: {@link #EXTENSION_APPROVED} or {@link #EXTENSION_REJECTED}, and a note (required to reject). */
	public static final String VAR_EXTENSION_DECISION = "extensionDecision";

	public static final String VAR_EXTENSION_DECISION_NOTE = "extensionDecisionNote";

	public static final String EXTENSION_PENDING = "PENDING";

	public static final String EXTENSION_APPROVED = "APPROVED";

	public static final String EXTENSION_REJECTED = "REJECTED";

	/** The unit reported before the office decided: the request was not needed any more. */
	public static final String EXTENSION_WITHDRAWN = "WITHDRAWN";

	/** {@code true} once the overdue timer fired while the unit's carryOut task was open; since when. */
	public static final String VAR_LATE = "late";

	public static final String VAR_LATE_SINCE = "lateSince";

	/** {@code true} while a {@link #TASK_FOLLOW_UP_LATE} task is open for the unit (one at a time). */
	public static final String VAR_FOLLOW_UP_OPEN = "followUpOpen";

	/** followUpLate form: what the office did to urge the unit. */
	public static final String VAR_FOLLOW_UP_NOTE = "followUpNote";

	/** How the unit's part ended, and when: one of the OUTCOME_ values. */
	public static final String VAR_OUTCOME = "outcome";

	public static final String VAR_COMPLETED_AT = "completedAt";

	/** Hoàn thành đúng hạn: the accepted report came in by the (possibly extended) due date. */
	public static final String OUTCOME_ON_TIME = "ON_TIME";

	/** Hoàn thành quá hạn: the accepted report came in after the due date. */
	public static final String OUTCOME_LATE = "LATE";

	/** Hoàn thành, without a due date (an event deadline never fixed). */
	public static final String OUTCOME_NO_DEADLINE = "NO_DEADLINE";

	/** Ongoing work: the tracking office ended the periodic reports. */
	public static final String OUTCOME_TRACKING_ENDED = "TRACKING_ENDED";

	private DirectiveProcess() {
	}

}
