package vn.dondoc.draft;

import java.time.LocalDate;
import java.util.List;

/**
 * A conclusion read into directives, for a person to correct: {@code document} is accepted unchanged by
 * {@code POST /api/documents} (JSON) once every directive has a lead unit; {@code warnings} say what the
 * reading was unsure of, each with its place.
 */
public record Draft(Document document, List<String> warnings) {

	/** The document in dondoc's import format. */
	public record Document(String code, String title, String issuedBy, LocalDate issuedOn, String signer,
			List<Directive> directives) {
	}

	/**
	 * One directive.
	 *
	 * @param section the document's own numbering (I.2.1.3)
	 * @param text the directive in the document's words
	 * @param lead unit codes or {@code @group}s of the directory
	 * @param coordinating unit codes or {@code @group}s
	 * @param deadline the deadline as the document writes it, or inherited from its heading; {@code null} when none
	 * @param due the date it resolves to; {@code null} for ongoing, periodic or event-bound work or none
	 * @param evidence the sentence the directive was read from
	 * @param confidence 0 to 1: how much of it was read from its own words rather than inherited or guessed
	 */
	public record Directive(String section, String text, List<String> lead, List<String> coordinating, String deadline,
			LocalDate due, String evidence, double confidence) {
	}

}
