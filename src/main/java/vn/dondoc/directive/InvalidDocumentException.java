package vn.dondoc.directive;

import java.util.List;

/** A document was refused: nothing of it was stored or started. Lists every problem found. */
public class InvalidDocumentException extends RuntimeException {

	private final List<DocumentProblem> problems;

	public InvalidDocumentException(List<DocumentProblem> problems) {
		super(problems.size() + " problem(s) in the document: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<DocumentProblem> problems() {
		return problems;
	}

}
