package vn.dondoc.directive;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How directive dates are written for people: dd/MM/yyyy. */
final class DirectiveViews {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private DirectiveViews() {
	}

	static String display(LocalDate date) {
		return date == null ? null : date.format(DATE);
	}

}
