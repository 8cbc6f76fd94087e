package vn.dondoc.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.directive.DirectiveStatus;

/**
 * The filters of the overview, the list and the export, as they travel in the URL: document code, unit
 * code, status (machine name), quarter ({@code 2023-Q2}) and process ({@value DirectiveProcess#KEY} for the
 * directives of conclusions, or the key of a modelled process); blank means any.
 */
record DirectiveQuery(String document, String unit, String status, String quarter, int page, String process) {

	private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q([1-4])$");

	DirectiveQuery {
		document = blankToNull(document);
		unit = blankToNull(unit);
		status = blankToNull(status);
		quarter = blankToNull(quarter);
		page = Math.max(page, 0);
		process = blankToNull(process);
	}

	DirectiveQuery(String document, String unit, String status, String quarter, int page) {
		this(document, unit, status, quarter, page, null);
	}

	/** Whether directives of conclusions are asked for: no process chosen, or the directive process. */
	boolean showsDirectives() {
		return process == null || DirectiveProcess.KEY.equals(process);
	}

	/**
	 * Whether modelled work is asked for: not only conclusions, no document (work has none), and not the office's
	 * review queue (work is reviewed in its own process).
	 */
	boolean showsWork() {
		return !DirectiveProcess.KEY.equals(process) && document == null && !awaitingReview();
	}

	/** The modelled process asked for, or {@code null} for any (or for conclusions only). */
	String modelledProcess() {
		return DirectiveProcess.KEY.equals(process) ? null : process;
	}

	/** Whether the list asks for what awaits the office's review ({@code status=AWAITING_REVIEW}). */
	boolean awaitingReview() {
		return DirectiveCatalog.isAwaitingReview(status);
	}

	/** The status asked for, or {@code null}; an unknown value counts as none. */
	DirectiveStatus statusValue() {
		if (status == null || awaitingReview()) {
			return null;
		}
		try {
			return DirectiveStatus.parse(status);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	boolean inQuarter(LocalDate day) {
		if (quarter == null) {
			return true;
		}
		Matcher m = QUARTER.matcher(quarter);
		return day != null && m.matches() && day.getYear() == Integer.parseInt(m.group(1))
				&& (day.getMonthValue() - 1) / 3 + 1 == Integer.parseInt(m.group(2));
	}

	/** The days of a quarter. */
	record Quarter(LocalDate first, LocalDate last) {
	}

	/** The quarter asked for; empty without one, or when it is not a quarter (which matches no day). */
	Optional<Quarter> quarterDays() {
		Matcher m = quarter == null ? null : QUARTER.matcher(quarter);
		if (m == null || !m.matches()) {
			return Optional.empty();
		}
		LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
		return Optional.of(new Quarter(first, first.plusMonths(3).minusDays(1)));
	}

	static LocalDate firstDayOfNextQuarter(LocalDate day) {
		return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1).plusMonths(3);
	}

	static String quarterOf(LocalDate day) {
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

	/** {@code 2023-Q2} as "Quý II/2023". */
	static String quarterLabel(String quarter) {
		Matcher m = quarter == null ? null : QUARTER.matcher(quarter);
		if (m == null || !m.matches()) {
			return quarter;
		}
		return "Quý " + List.of("I", "II", "III", "IV").get(Integer.parseInt(m.group(2)) - 1) + "/" + m.group(1);
	}

	DirectiveQuery withPage(int newPage) {
		return new DirectiveQuery(document, unit, status, quarter, newPage, process);
	}

	DirectiveQuery with(String newUnit, String newStatus) {
		return new DirectiveQuery(document, newUnit, newStatus, quarter, 0, process);
	}

	/** The list (or export) URL with these filters. */
	String url(String path) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (document != null) {
			uri.queryParam("document", document);
		}
		if (unit != null) {
			uri.queryParam("unit", unit);
		}
		if (status != null) {
			uri.queryParam("status", status);
		}
		if (quarter != null) {
			uri.queryParam("quarter", quarter);
		}
		if (process != null) {
			uri.queryParam("process", process);
		}
		if (page > 0) {
			uri.queryParam("page", page);
		}
		return uri.encode().build().toUriString();
	}

	/** The filters in words, for titles and the workbook. */
	String describe(java.util.function.Function<String, String> unitName) {
		return describe(unitName, key -> key);
	}

	/** The filters in words, the process by its name. */
	String describe(java.util.function.Function<String, String> unitName, java.util.function.Function<String, String> processName) {
		List<String> parts = new ArrayList<>();
		if (process != null) {
			parts.add(DirectiveProcess.KEY.equals(process) ? "Kết luận" : "Quy trình «" + processName.apply(process) + "»");
		}
		if (quarter != null) {
			parts.add(quarterLabel(quarter));
		}
		if (document != null) {
			parts.add("văn bản " + document);
		}
		if (unit != null) {
			parts.add(unitName.apply(unit));
		}
		if (statusValue() != null) {
			parts.add(statusValue().label());
		}
		if (awaitingReview()) {
			parts.add("chờ Văn phòng xem xét");
		}
		return parts.isEmpty() ? "Tất cả nhiệm vụ" : String.join(", ", parts);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
