package vn.dondoc.directive;

import java.time.LocalDate;
import java.util.List;

/**
 * What importing a document would do, answered before anything changes ({@code POST /api/documents?dryRun=true}
 * and the import page's "Xem trước" step). Nothing is stored to compute it; importing the same text right after
 * does exactly this.
 *
 * @param code the document code
 * @param title its title
 * @param outcome CREATED (a new document), UPDATED (changes would be applied) or UNCHANGED (the same content again)
 * @param added directives that would start
 * @param updated directives whose text or deadline would change
 * @param unchanged directives already there as they are
 * @param addedDirectives the directives that would start, in document order
 * @param moves every open lead unit part whose due date would move, old and new date
 * @param textChanged sections whose text would change
 * @param removed sections imported before and no longer in the document (their processes keep running)
 * @param overdueAtOnce open parts that would be overdue as soon as the import is applied
 * @param needsAttention {@code true} when the import moves deadlines into the past or makes more than
 * {@link #HANDFUL} parts overdue at once: the page asks for confirmation in red
 * @param rebase how the demo document's dates would be shifted, or {@code null} when it is taken as written
 * @param notices what else the tracking office should know (directives awaiting an event, removed ones)
 */
public record ImportPreview(String code, String title, ImportResult.Outcome outcome, int added, int updated, int unchanged,
		List<AddedDirective> addedDirectives, List<MovedPart> moves, List<String> textChanged, List<String> removed,
		int overdueAtOnce, boolean needsAttention, String rebase, List<String> notices) {

	/** More parts than this made overdue by one import is called out. */
	public static final int HANDFUL = 5;

	/**
	 * A directive that would start.
	 *
	 * @param section its section in the document
	 * @param text the directive in the document's words
	 * @param deadlineText the deadline as the document words it, or {@code null}
	 * @param dueDate the date it resolves to, or {@code null} (ongoing, event-bound, none)
	 * @param leadUnits the lead units' names
	 */
	public record AddedDirective(String section, String text, String deadlineText, LocalDate dueDate, List<String> leadUnits) {
	}

	/**
	 * One lead unit's open part whose due date would change.
	 *
	 * @param section the directive's section
	 * @param unit the unit's code
	 * @param unitName the unit's name
	 * @param from its due date now ({@code null}: none)
	 * @param to its due date after the import ({@code null}: none)
	 * @param overdueAtOnce the new date has passed already: the part is overdue as soon as the import is applied
	 */
	public record MovedPart(String section, String unit, String unitName, LocalDate from, LocalDate to, boolean overdueAtOnce) {
	}

}
