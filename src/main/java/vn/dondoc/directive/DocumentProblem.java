package vn.dondoc.directive;

/**
 * One thing wrong with a document.
 *
 * @param path where, as {@code directives[3].lead[0]}
 * @param line the line in the submitted text, or {@code null} when it is not known
 * @param value the offending value, shortened, or {@code null}
 * @param message what is wrong
 */
public record DocumentProblem(String path, Integer line, String value, String message) {

	@Override
	public String toString() {
		return path + (line == null ? "" : " (line " + line + ")") + ": " + message
				+ (value == null ? "" : " [" + value + "]");
	}

}
