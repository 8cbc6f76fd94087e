package vn.dondoc.notification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * A message the embedded SMTP server received, decoded for the mailbox page: headers as text, the HTML
 * and plain-text bodies, the names of the attachments.
 */
record ReceivedMail(String messageId, Date sentAt, String date, String from, String to, String cc, String subject,
		String html, String text, List<String> attachments) {

	static ReceivedMail of(MimeMessage message) {
		try {
			Parts parts = new Parts();
			parts.collect(message);
			Date sent = message.getSentDate();
			return new ReceivedMail(message.getMessageID(), sent,
					sent == null ? "" : VietnameseDates.dateTime(sent.toInstant()), join(message.getFrom()),
					join(message.getRecipients(Message.RecipientType.TO)),
					join(message.getRecipients(Message.RecipientType.CC)), message.getSubject(), parts.html, parts.text,
					parts.attachments);
		}
		catch (MessagingException | IOException e) {
			return new ReceivedMail(null, null, "", "", "", "", "(không đọc được thư: " + e.getMessage() + ")", null, null,
					List.of());
		}
	}

	private static String join(Address[] addresses) {
		if (addresses == null) {
			return "";
		}
		List<String> shown = new ArrayList<>();
		for (Address address : addresses) {
			try {
				shown.add(MimeUtility.decodeText(address.toString()));
			}
			catch (IOException e) {
				shown.add(address.toString());
			}
		}
		return String.join(", ", shown);
	}

	/** Walks a MIME tree: the first HTML and plain-text bodies, and every named attachment. */
	private static final class Parts {

		String html;

		String text;

		final List<String> attachments = new ArrayList<>();

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i));
				}
			}
			else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				attachments.add(part.getFileName() == null ? "(không tên)" : part.getFileName());
			}
			else if (part.isMimeType("text/html") && html == null) {
				html = part.getContent().toString();
			}
			else if (part.isMimeType("text/plain") && text == null) {
				text = part.getContent().toString();
			}
		}

	}

}
