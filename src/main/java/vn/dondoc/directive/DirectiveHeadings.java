package vn.dondoc.directive;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a Tasklist form or a mail says of the directive a task belongs to (issue 18: a directive's process
 * holds no copy of its title, text or deadline in words), read from dondoc's rows as they are now.
 */
@Component
public class DirectiveHeadings {

	private final JdbcClient jdbc;

	DirectiveHeadings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A directive's document and text as dondoc's tables hold them now (after a re-import too).
	 *
	 * @param documentCode the document's code ({@code 45-KL/TU})
	 * @param documentTitle the document's title
	 * @param section the directive's section in the document ({@code I.2.3})
	 * @param text the directive's text
	 * @param deadlineText the deadline as the document words it, or {@code null}
	 */
	public record Heading(String documentCode, String documentTitle, String section, String text, String deadlineText) {
	}

	/**
	 * The heading of a task's directive: dondoc's row when the id names one, else what the process holds
	 * ({@code variables} by name: a process started with its own copies, as before issue 18's fifth slice, or
	 * by a test), else nothing.
	 */
	public Heading heading(Object directiveId, Function<String, Object> variables) {
		Optional<Heading> row = directiveId instanceof Number id ? heading(id.longValue()) : Optional.empty();
		return row.orElseGet(() -> new Heading(text(variables.apply(DirectiveProcess.VAR_DOCUMENT_CODE)),
				text(variables.apply(DirectiveProcess.VAR_DOCUMENT_TITLE)), text(variables.apply(DirectiveProcess.VAR_SECTION)),
				text(variables.apply(DirectiveProcess.VAR_TEXT)), text(variables.apply(DirectiveProcess.VAR_DEADLINE_TEXT))));
	}

	/** The heading of a directive, or empty when there is no such directive. */
	public Optional<Heading> heading(long directiveId) {
		return jdbc.sql("""
				SELECT d.document_code, doc.title, d.section, d.text, d.deadline_text
				FROM directive d LEFT JOIN document doc ON doc.code = d.document_code WHERE d.id = ?""")
			.param(directiveId)
			.query((rs, n) -> new Heading(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.optional();
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

}
