package vn.dondoc.support;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * The variables dondoc's import started a directive's process with before migration 37, for a test that
 * starts one itself: with the copies of the directive's row (title, text, deadline in words, coordinating
 * units) that processes imported since no longer hold. Its directive id names no row of dondoc's, so the
 * mails and forms of such a process show what it holds.
 */
public final class DirectiveStart {

	private DirectiveStart() {
	}

	/** A dated directive of document "IT", section 1, led by these units, due at the given moment. */
	public static Map<String, Object> variables(String id, List<String> leadUnits, Date due) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(VAR_DIRECTIVE_ID, id);
		variables.put(VAR_DOCUMENT_CODE, "IT");
		variables.put(VAR_DOCUMENT_TITLE, "Văn bản thử");
		variables.put(VAR_SECTION, "1");
		variables.put(VAR_TEXT, "Nhiệm vụ thử");
		variables.put(VAR_LEAD_UNITS, new ArrayList<>(leadUnits));
		variables.put(VAR_COORDINATING_UNITS, new ArrayList<String>());
		variables.put(VAR_DUE_DATE, due);
		variables.put(VAR_ORIGINAL_DUE_DATE, due);
		variables.put(VAR_DEADLINE_TEXT, "thử");
		variables.put(VAR_DEADLINE_KIND, "FIXED_DATE");
		variables.put(VAR_ONGOING, false);
		return variables;
	}

}
