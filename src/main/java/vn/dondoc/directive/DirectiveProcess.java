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

	public static final String VAR_DOCUMENT_CODE = "documentCode";

	public static final String VAR_DOCUMENT_TITLE = "documentTitle";

	public static final String VAR_SECTION = "section";

	/** The directive in the document's own words. */
	public static final String VAR_TEXT = "directiveText";

	/** {@code List<String>} of unit codes; the multi-instance collection. */
	public static final String VAR_LEAD_UNITS = "leadUnits";

	/** The element variable of the multi-instance: the unit code of one lead unit. */
	public static final String VAR_UNIT = "unit";

	/** {@code List<String>} of unit codes that coordinate (phối hợp). */
	public static final String VAR_COORDINATING_UNITS = "coordinatingUnits";

	/** {@code java.util.Date} (end of the due day in Vietnam) or {@code null} for ongoing or event deadlines. */
	public static final String VAR_DUE_DATE = "dueDate";

	/** The first due date, kept when extensions move {@link #VAR_DUE_DATE}. */
	public static final String VAR_ORIGINAL_DUE_DATE = "originalDueDate";

	/** The deadline as the document writes it ("hoàn thành trong quý II năm 2023"). */
	public static final String VAR_DEADLINE_TEXT = "deadlineText";

	/** The deadline's kind as the calendar resolved it (FIXED_DATE, ONGOING, EVENT, ...). */
	public static final String VAR_DEADLINE_KIND = "deadlineKind";

	/** {@code true} for ongoing work ("thường xuyên", "tiếp tục"): periodic reports, no final due date. */
	public static final String VAR_ONGOING = "ongoing";

	/** The Camunda group of the tracking office (Văn phòng), who reviews reports and extensions. */
	public static final String GROUP_TRACKING_OFFICE = "tracking-office";

	private DirectiveProcess() {
	}

}
