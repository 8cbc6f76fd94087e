package vn.dondoc.attachment;

import java.util.Optional;

/**
 * A virus scanner for report attachments, asked about every file before anything of the report is saved.
 * dondoc ships a scanner that finds nothing ({@link AttachmentConfiguration}); declare a bean of this type
 * (e.g. one that sends the bytes to clamd's {@code INSTREAM} command) and it is used instead.
 */
public interface AttachmentScanner {

	/**
	 * @param fileName the file's name as uploaded (cleaned)
	 * @param content its bytes
	 * @return empty when the file is clean, else what was found, in words for the user (the report is refused)
	 * @throws RuntimeException when the scanner cannot be reached: the report is refused too, nothing saved
	 */
	Optional<String> findThreat(String fileName, byte[] content);

}
