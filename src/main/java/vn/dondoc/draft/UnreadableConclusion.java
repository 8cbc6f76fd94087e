package vn.dondoc.draft;

import org.springframework.http.HttpStatus;

/** A file that cannot be drafted from: empty, too large, of another kind, a scan without text. Nothing is stored. */
public class UnreadableConclusion extends RuntimeException {

	private final HttpStatus status;

	UnreadableConclusion(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}

}
