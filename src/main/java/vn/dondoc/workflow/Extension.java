package vn.dondoc.workflow;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One extension request of a unit and the decision on it; every one stays on record.
 *
 * @param requestedDueDate the day the unit asked for
 * @param previousDueDate the due day when it asked ({@code null} without one)
 * @param reason why the unit asked
 * @param period the reporting period, for ongoing work, else {@code null}
 * @param requestedBy user id, if known
 * @param decision pending, approved, rejected or withdrawn
 * @param decidedBy user id of the office member who decided, if known
 * @param decisionNote the office's note (the reason of a rejection)
 */
public record Extension(LocalDate requestedDueDate, LocalDate previousDueDate, String reason, String period, String requestedBy,
		Instant requestedAt, ExtensionDecision decision, String decidedBy, Instant decidedAt, String decisionNote) {

}
