package vn.dondoc.directive;

import java.util.List;

/**
 * What an import did.
 *
 * @param code the document code
 * @param outcome CREATED (new document), UPDATED (changes applied) or UNCHANGED (same content again)
 * @param started directives started now
 * @param updated directives whose text or due date changed
 * @param unchanged directives already there as they are
 * @param notices things the tracking office should know (directives awaiting an event, directives
 * missing from a re-import)
 */
public record ImportResult(String code, Outcome outcome, int started, int updated, int unchanged, List<String> notices) {

	public enum Outcome {
		CREATED, UPDATED, UNCHANGED
	}

}
