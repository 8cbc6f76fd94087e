package vn.dondoc.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.UnitPart;
import vn.dondoc.security.Viewer;

/**
 * Which lead units a row of the directive list shows in full, and which it folds into one line: a unit
 * member sees its own part, the office the first few; the rest are counted by status
 * ("33 đơn vị khác: 20 trong hạn, 13 quá hạn") and open on a click. A directive handed to every district
 * then takes one line of the list, not thirty-four. {@code @leadFolding} in templates.
 */
@Component("leadFolding")
class LeadFolding {

	/** The office sees this many lead units in full; more are folded. */
	static final int SHOWN = 3;

	/**
	 * @param shown the parts shown in full
	 * @param folded the parts behind the fold
	 * @param summary the fold's line, empty when nothing is folded
	 */
	record Folded(List<UnitPart> shown, List<UnitPart> folded, String summary) {
	}

	public Folded leads(DirectiveView directive, Viewer viewer) {
		List<UnitPart> leads = Dashboard.leadParts(directive);
		List<UnitPart> shown;
		if (!viewer.seesAll()) {
			shown = leads.stream().filter(part -> viewer.units().contains(part.code())).toList();
		}
		else {
			shown = leads.size() <= SHOWN + 1 ? leads : leads.subList(0, SHOWN);
		}
		List<UnitPart> folded = leads.stream().filter(part -> !shown.contains(part)).toList();
		return new Folded(shown, folded, summary(folded, !shown.isEmpty()));
	}

	private static String summary(List<UnitPart> folded, boolean others) {
		if (folded.isEmpty()) {
			return "";
		}
		Map<String, Long> byStatus = folded.stream()
			.collect(Collectors.groupingBy(UnitPart::statusLabel, LinkedHashMap::new, Collectors.counting()));
		return folded.size() + (others ? " đơn vị khác: " : " đơn vị: ")
				+ byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
	}

}
