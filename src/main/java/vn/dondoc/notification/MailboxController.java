package vn.dondoc.notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.dondoc.security.Viewer;

/**
 * {@code /mailbox}: what the embedded SMTP server received, so that a new user sees the reminders
 * without a mail client. A message's HTML is shown in a sandboxed frame (no scripts, no forms, no access
 * to this page), its plain text escaped.
 */
@Controller
@RequestMapping("/mailbox")
class MailboxController {

	private static final int SHOWN = 500;

	private final ObjectProvider<EmbeddedSmtpServer> smtp;

	private final Environment environment;

	MailboxController(ObjectProvider<EmbeddedSmtpServer> smtp, Environment environment) {
		this.smtp = smtp;
		this.environment = environment;
	}

	/** The reader, for the dashboard's top bar the mailbox pages share (its menu and the help link). */
	@ModelAttribute("viewer")
	Viewer viewer(Authentication authentication) {
		return Viewer.of(authentication);
	}

	@GetMapping
	String list(Model model) {
		EmbeddedSmtpServer server = smtp.getIfAvailable();
		model.addAttribute("available", server != null);
		model.addAttribute("port", server == null ? null : server.port());
		model.addAttribute("relay", environment.getProperty("spring.mail.host", "") + ":"
				+ environment.getProperty("spring.mail.port", "25"));
		List<ReceivedMail> messages = server == null ? List.of() : received(server);
		model.addAttribute("total", messages.size());
		model.addAttribute("messages", messages.size() > SHOWN ? messages.subList(0, SHOWN) : messages);
		return "mail/web/mailbox";
	}

	@GetMapping("/message")
	String show(@RequestParam String id, Model model) {
		EmbeddedSmtpServer server = smtp.getIfAvailable();
		ReceivedMail message = server == null ? null
				: received(server).stream().filter(mail -> id.equals(mail.messageId())).findFirst().orElse(null);
		if (message == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có thư này trong hộp thư");
		}
		model.addAttribute("mail", message);
		return "mail/web/mailbox-message";
	}

	/**
	 * Newest first, each message once: the server keeps a copy per recipient, and the copies share their
	 * Message-ID.
	 */
	private static List<ReceivedMail> received(EmbeddedSmtpServer server) {
		Map<String, ReceivedMail> unique = new LinkedHashMap<>();
		int position = 0;
		for (MimeMessage message : server.receivedMessages()) {
			ReceivedMail mail = ReceivedMail.of(message);
			String key = mail.messageId() != null ? mail.messageId() : "#" + position;
			unique.putIfAbsent(key, mail);
			position++;
		}
		List<ReceivedMail> messages = new ArrayList<>(unique.values());
		messages.sort(Comparator.comparing(ReceivedMail::sentAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
		return messages;
	}

}
