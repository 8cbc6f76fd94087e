package vn.dondoc.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where one lead unit's part of a directive stands.
 *
 * @param unit the unit's code
 * @param open {@code true} while the part runs
 * @param ongoing ongoing work, reported periodically
 * @param dueDate the unit's current due day (moved by approved extensions; for ongoing work, the current
 *        period's report), {@code null} without one
 * @param originalDueDate the first due day (of the current period, for ongoing work)
 * @param reportPeriod the period the next report covers (ongoing work), else {@code null}
 * @param late the due date passed while the unit held its task
 * @param lateSince when the overdue timer marked it late
 * @param extensionPending a request waits for the office
 * @param outcome how the part ended, {@code null} while open
 * @param completedAt when it ended
 * @param carryOutTaskId the unit's open carryOut task, or {@code null} (e.g. while its report is reviewed)
 * @param extensions every extension request, oldest first
 * @param reports every report submitted, oldest first
 */
public record UnitPartStatus(String unit, boolean open, boolean ongoing, LocalDate dueDate, LocalDate originalDueDate,
		String reportPeriod, boolean late, Instant lateSince, boolean extensionPending, Outcome outcome, Instant completedAt,
		String carryOutTaskId, List<Extension> extensions, List<Report> reports) {

	public UnitPartStatus {
		extensions = List.copyOf(extensions);
		reports = List.copyOf(reports);
	}

}
