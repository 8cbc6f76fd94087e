package vn.dondoc.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.activation.DataHandler;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Turns an outbox row into the e-mail: headers (one line each, addresses checked), the Message-ID
 * derived from the idempotency key, the HTML and plain-text bodies from the templates, and the
 * calendar file.
 */
class MessageComposer {

	private final JavaMailSender mailSender;

	private final MailTemplates templates;

	private final LinkSettings links;

	private final NotificationSettings settings;

	private final Clock clock;

	private final InternetAddress from;

	private final String domain;

	private final MailFiles files;

	MessageComposer(JavaMailSender mailSender, MailTemplates templates, MailSettings mail, LinkSettings links,
			NotificationSettings settings, Clock clock) {
		this(mailSender, templates, mail, links, settings, clock, MailFiles.none());
	}

	MessageComposer(JavaMailSender mailSender, MailTemplates templates, MailSettings mail, LinkSettings links,
			NotificationSettings settings, Clock clock, MailFiles files) {
		MailStreams.pinProvider();
		this.files = files;
		this.mailSender = mailSender;
		this.templates = templates;
		this.links = links;
		this.settings = settings;
		this.clock = clock;
		try {
			this.from = HeaderText.address(mail.from());
		}
		catch (HeaderText.RejectedAddressException e) {
			throw new IllegalStateException("dondoc.mail.from is not a usable sender: " + e.getMessage(), e);
		}
		this.domain = mail.domain();
	}

	/**
	 * The same key always gives the same Message-ID, so a message sent again after a crash is the same
	 * message to the servers and clients that recognise repeats.
	 */
	String messageId(String idempotencyKey) {
		return "<" + Digests.sha256Hex(idempotencyKey).substring(0, 40) + ".dondoc@" + domain + ">";
	}

	String subject(NotificationRequest request) {
		return Subjects.of(request);
	}

	StableIdMimeMessage compose(OutboxRow row) throws MessagingException {
		StableIdMimeMessage message = new StableIdMimeMessage(session(), row.messageId());
		MimeMessageHelper helper = new Helper(message);
		helper.setFrom(from);
		helper.setTo(addresses(row.to()));
		if (!row.cc().isEmpty()) {
			helper.setCc(addresses(row.cc()));
		}
		helper.setSubject(HeaderText.subject(row.subject()));
		helper.setSentDate(Date.from(clock.instant()));
		// an automatic message: auto-responders and out-of-office replies stay quiet (RFC 3834)
		message.setHeader("Auto-Submitted", "auto-generated");
		message.setHeader("X-Auto-Response-Suppress", "All");

		Map<String, Object> variables = new HashMap<>();
		variables.put("subject", HeaderText.subject(row.subject()));
		variables.put("to", row.to());
		variables.put("cc", row.cc());
		variables.put("sentOn", VietnameseDates.withWeekday(VietnameseDates.today(clock.instant())));
		variables.put("helpUrl", links.help());
		String template;
		Optional<CalendarFile.Attachment> calendar;
		if (row.isReport()) {
			ReportMail.Payload report = Payloads.report(row.payload());
			variables.put("recipientNames", report.recipientNames());
			variables.put("title", report.title());
			variables.put("lines", report.lines());
			variables.put("fileName", report.fileName());
			variables.put("dashboardUrl", links.baseUrl() + "/");
			template = templates.pick("report");
			calendar = Optional.empty();
		}
		else if (row.isDigest()) {
			Payloads.Digest digest = Payloads.digest(row.payload());
			List<Notice> notices = new ArrayList<>();
			Set<String> names = new LinkedHashSet<>();
			for (Payloads.Item item : digest.items()) {
				message.about.add(item.request());
				notices.add(Notice.of(item.request(), links, item.remindedOn()));
				names.addAll(item.request().recipientNames());
			}
			variables.put("notices", notices);
			variables.put("recipientNames", List.copyOf(names));
			variables.put("digestDay", VietnameseDates.withWeekday(digest.day()));
			if (digest.office()) {
				List<Notice> awaiting = new ArrayList<>();
				List<Notice> overdue = new ArrayList<>();
				for (int i = 0; i < digest.items().size(); i++) {
					(Payloads.AWAITING_REVIEW.equals(digest.items().get(i).list()) ? awaiting : overdue).add(notices.get(i));
				}
				variables.put("awaiting", awaiting);
				variables.put("overdue", overdue);
				variables.put("awaitingUrl", links.baseUrl() + "/directives?status=AWAITING_REVIEW");
				variables.put("overdueUrl", links.baseUrl() + "/directives?status=OVERDUE");
				template = templates.pick("office-digest");
				calendar = Optional.empty();
			}
			else {
				template = templates.pick("digest");
				calendar = CalendarFile.of(digest.items().stream().map(Payloads.Item::request).toList(), digest.day(), links,
						domain, clock.instant());
			}
		}
		else {
			NotificationRequest request = Payloads.request(row.payload());
			message.about.add(request);
			variables.put("notice", Notice.of(request, links, null));
			variables.put("recipientNames", request.recipientNames());
			template = templates.pick(request.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
					request.kind() == NotificationKind.ESCALATION ? "escalation" : request.kind().isDecision() ? "decision" : "task");
			calendar = CalendarFile.of(request, links, domain, clock.instant());
		}
		MailTemplates.Rendered body = templates.render(template, variables);
		helper.setText(body.text(), body.html());
		if (settings.calendarAttachment() && calendar.isPresent()) {
			attach(helper, calendar.get());
		}
		if (row.isReport()) {
			for (MailFile file : files.of(row.idempotencyKey())) {
				attach(helper, file);
			}
		}
		return message;
	}

	/** The calendar part, with an ASCII file name and its RFC 2231 Vietnamese twin set by hand. */
	private static void attach(MimeMessageHelper helper, CalendarFile.Attachment file) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
		part.setHeader("Content-Type", file.contentType() + "; name=\"" + file.asciiName() + "\"");
		part.setHeader("Content-Disposition", file.disposition());
		helper.getRootMimeMultipart().addBodyPart(part);
	}

	/** A stored file, named in Vietnamese (RFC 2231) with an ASCII twin for old clients. */
	private static void attach(MimeMessageHelper helper, MailFile file) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
		String ascii = CalendarFile.ascii(file.name());
		part.setHeader("Content-Type", file.contentType() + "; name=\"" + ascii + "\"");
		part.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + CalendarFile.rfc2231(file.name()));
		helper.getRootMimeMultipart().addBodyPart(part);
	}

	private static InternetAddress[] addresses(List<String> raw) {
		return raw.stream().map(HeaderText::address).toArray(InternetAddress[]::new);
	}

	private Session session() {
		if (mailSender instanceof JavaMailSenderImpl impl) {
			return impl.getSession();
		}
		return mailSender.createMimeMessage().getSession();
	}

	Instant now() {
		return clock.instant();
	}

	/**
	 * A multipart UTF-8 helper that shares one MIME type map. Spring's helper reads {@code mime.types} anew for
	 * every message that {@link org.springframework.mail.javamail.JavaMailSenderImpl} did not create, which was
	 * a seventh of the dispatcher's CPU time in a reminder burst.
	 */
	static final class Helper extends MimeMessageHelper {

		private static final FileTypeMap TYPES = sharedTypes();

		Helper(MimeMessage message) throws MessagingException {
			super(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
		}

		@Override
		protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
			return TYPES;
		}

		private static FileTypeMap sharedTypes() {
			ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
			types.afterPropertiesSet();
			return types;
		}

	}

	/**
	 * Keeps the Message-ID it was given: JavaMail would otherwise make up a new one on every save. It also
	 * carries the requests it was composed from, so that announcing it as sent does not read the row's
	 * payload a second time.
	 */
	static final class StableIdMimeMessage extends MimeMessage {

		private final String messageId;

		/** The notifications this message carries: one, those of a digest, none for a report. */
		final List<NotificationRequest> about = new ArrayList<>();

		StableIdMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}

	}

}
