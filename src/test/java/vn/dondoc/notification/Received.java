package vn.dondoc.notification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** A message as a mail client reads it: decoded headers, the text and HTML bodies, the attachments. */
record Received(String raw, MimeMessage parsed, String subject, String messageId, String from, String to, String text,
		String html, List<String> attachmentNames, List<byte[]> attachments) {

	static Received of(String raw, MimeMessage message) throws MessagingException, IOException {
		Walker walker = new Walker();
		walker.walk(message);
		return new Received(raw, message, message.getSubject(), message.getMessageID(), join(message.getFrom()),
				join(message.getRecipients(Message.RecipientType.TO)), walker.text, walker.html, walker.names, walker.files);
	}

	private static String join(Address[] addresses) throws IOException {
		List<String> all = new ArrayList<>();
		for (Address address : addresses == null ? new Address[0] : addresses) {
			all.add(MimeUtility.decodeText(address.toString()));
		}
		return String.join(", ", all);
	}

	private static final class Walker {

		String text;

		String html;

		final List<String> names = new ArrayList<>();

		final List<byte[]> files = new ArrayList<>();

		void walk(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					walk(multipart.getBodyPart(i));
				}
			}
			else if (part.getFileName() != null) {
				names.add(part.getFileName());
				files.add(part.getInputStream().readAllBytes());
			}
			else if (part.isMimeType("text/plain")) {
				text = part.getContent().toString();
			}
			else if (part.isMimeType("text/html")) {
				html = part.getContent().toString();
			}
		}

	}

}
