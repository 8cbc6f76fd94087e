package vn.dondoc.workflow;

/** A model in the model folder is not valid BPMN/DMN/form: dondoc refuses to start with it. */
public class ModelDoesNotParseException extends RuntimeException {

	private final String file;

	private final String problems;

	public ModelDoesNotParseException(String file, String problems) {
		super("The model " + file + " does not parse:\n  " + problems);
		this.file = file;
		this.problems = problems;
	}

	public String file() {
		return file;
	}

	public String problems() {
		return problems;
	}

}
