package vn.dondoc.notification;

/**
 * A file sent with an e-mail (a report in Word), kept in the database with its outbox row so that every node can
 * send it, and send it again after a failure.
 *
 * @param name the file name readers see, in Vietnamese
 * @param contentType its MIME type
 * @param content its bytes
 */
public record MailFile(String name, String contentType, byte[] content) {

	public MailFile {
		if (name == null || name.isBlank() || contentType == null || content == null) {
			throw new IllegalArgumentException("A mail file needs a name, a content type and its bytes");
		}
	}

}
