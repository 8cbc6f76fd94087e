package vn.dondoc.workflow;

import java.util.Objects;

/**
 * A unit's result report, as the dashboard submits it.
 *
 * @param status completed or partly completed
 * @param text the report (at most 4000 characters; link a longer document)
 * @param link an optional http(s) link to the full report, or {@code null}
 */
public record ResultReport(ReportStatus status, String text, String link) {

	public ResultReport {
		Objects.requireNonNull(status, "status");
	}

}
