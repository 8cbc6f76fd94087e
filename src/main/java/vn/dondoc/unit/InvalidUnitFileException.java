package vn.dondoc.unit;

import java.util.List;

/** {@code units.yml} cannot be used: every problem found, each naming its place in the file. */
public class InvalidUnitFileException extends RuntimeException {

	private final List<String> problems;

	public InvalidUnitFileException(String file, List<String> problems) {
		super("The unit directory " + file + " is not valid:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
