package vn.dondoc.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Text that goes into a mail header. Whatever a document or a settings file says, a header stays one
 * line: a CR or LF in a subject or a display name would let text start a header of its own (say, a
 * {@code Bcc:}), so line breaks and other control characters become spaces, and an address carrying
 * them is refused outright.
 */
final class HeaderText {

	static final int MAX_SUBJECT = 250;

	/** Control characters, and the Unicode line and paragraph separators that some clients break on. */
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private HeaderText() {
	}

	/** One line: control characters become spaces, runs of white space one space. */
	static String singleLine(String text) {
		if (text == null) {
			return "";
		}
		return SPACES.matcher(CONTROL.matcher(text).replaceAll(" ")).replaceAll(" ").trim();
	}

	/** A subject line: one line, at most {@value #MAX_SUBJECT} characters. */
	static String subject(String text) {
		return shorten(singleLine(text), MAX_SUBJECT);
	}

	/** At most {@code max} characters, cut at a word boundary where one is near, with an ellipsis. */
	static String shorten(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		int cut = text.lastIndexOf(' ', max - 1);
		if (cut < max / 2) {
			cut = max - 1;
		}
		return text.substring(0, cut).stripTrailing() + "…";
	}

	static boolean hasControlCharacters(String text) {
		return text != null && CONTROL.matcher(text).find();
	}

	/** Makes a line break visible instead of acting on it: for storing and showing a refused address. */
	static String visible(String text) {
		return text == null ? null : text.replace("\r", "\\r").replace("\n", "\\n");
	}

	/**
	 * Parses one address ({@code ban-to-chuc@thanhuy-haiphong.example} or
	 * {@code Ban Tổ chức <ban-to-chuc@…>}) strictly; the display name, if any, is kept on one line and
	 * encoded as UTF-8.
	 * @throws RejectedAddressException if it carries control characters or is not an address
	 */
	static InternetAddress address(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new RejectedAddressException("Địa chỉ trống");
		}
		if (hasControlCharacters(raw)) {
			throw new RejectedAddressException("Địa chỉ chứa ký tự xuống dòng hoặc ký tự điều khiển: " + visible(raw));
		}
		try {
			InternetAddress[] parsed = InternetAddress.parse(raw.trim(), true);
			if (parsed.length != 1) {
				throw new RejectedAddressException("Mỗi mục phải là đúng một địa chỉ: " + raw);
			}
			InternetAddress address = parsed[0];
			address.validate();
			String name = singleLine(address.getPersonal());
			return name.isEmpty() ? new InternetAddress(address.getAddress())
					: new InternetAddress(address.getAddress(), name, StandardCharsets.UTF_8.name());
		}
		catch (AddressException | UnsupportedEncodingException e) {
			throw new RejectedAddressException("Địa chỉ không hợp lệ: " + raw + " (" + e.getMessage() + ")");
		}
	}

	/** An address that can never be delivered to: the message goes to the dead letters at once. */
	static class RejectedAddressException extends RuntimeException {

		RejectedAddressException(String message) {
			super(message);
		}

	}

}
