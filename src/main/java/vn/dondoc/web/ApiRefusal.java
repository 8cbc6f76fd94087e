package vn.dondoc.web;

import org.springframework.http.HttpStatus;

/** A refusal with its HTTP status; {@code field}/{@code value} name the bad input. */
class ApiRefusal extends RuntimeException {

	final HttpStatus status;

	final String title;

	final String field;

	final String value;

	ApiRefusal(HttpStatus status, String title, String field, String value, String detail) {
		super(detail);
		this.status = status;
		this.title = title;
		this.field = field;
		this.value = value;
	}

	static ApiRefusal badInput(String field, String value, String detail) {
		return new ApiRefusal(HttpStatus.BAD_REQUEST, "Dữ liệu không hợp lệ", field, value, detail);
	}

}
