package vn.dondoc.calendar;

/** {@code config/holidays.yml} cannot be used; the message names the file, the year and the entry. */
class InvalidHolidayFileException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	InvalidHolidayFileException(String message) {
		super(message);
	}

	InvalidHolidayFileException(String message, Throwable cause) {
		super(message, cause);
	}
}
