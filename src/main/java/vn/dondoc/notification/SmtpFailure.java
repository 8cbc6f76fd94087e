package vn.dondoc.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Why a message was not sent, and whether trying again can help. SMTP says so itself: a 4xx reply is
 * temporary, a 5xx reply is final. Without a reply (connection refused, timeout, a dropped line) it is
 * temporary too; an address that is not an address is final.
 *
 * @param permanent {@code true} when retrying cannot help
 * @param answer the server's answer, or what went wrong, for {@code last_error} and the log
 */
record SmtpFailure(boolean permanent, String answer) {

	static SmtpFailure permanent(String answer) {
		return new SmtpFailure(true, answer);
	}

	static SmtpFailure transientFailure(String answer) {
		return new SmtpFailure(false, answer);
	}

	static SmtpFailure of(Throwable failure) {
		List<Throwable> chain = chain(failure);
		for (Throwable cause : chain) {
			int code = replyCode(cause);
			if (code >= 400) {
				return new SmtpFailure(code >= 500, serverAnswer(cause, code));
			}
		}
		for (Throwable cause : chain) {
			if (cause instanceof AddressException) {
				return permanent("Địa chỉ không hợp lệ: " + cause.getMessage());
			}
		}
		return transientFailure(describe(chain));
	}

	/** The SMTP reply code an exception carries, or 0. */
	private static int replyCode(Throwable cause) {
		if (cause instanceof SMTPAddressFailedException address) {
			return address.getReturnCode();
		}
		if (cause instanceof SMTPSenderFailedException sender) {
			return sender.getReturnCode();
		}
		if (cause instanceof SMTPSendFailedException send) {
			return send.getReturnCode();
		}
		return 0;
	}

	private static String serverAnswer(Throwable cause, int code) {
		String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
		return message.startsWith(String.valueOf(code)) ? message : code + " " + message;
	}

	private static String describe(List<Throwable> chain) {
		List<String> parts = new ArrayList<>();
		for (Throwable cause : chain) {
			String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
			if (parts.stream().noneMatch(part -> part.contains(message))) {
				parts.add(message);
			}
		}
		return String.join(": ", parts);
	}

	/** The exception, its causes and JavaMail's "next" exceptions, each once. */
	private static List<Throwable> chain(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Throwable> todo = new ArrayList<>(List.of(failure));
		while (!todo.isEmpty()) {
			Throwable next = todo.remove(0);
			if (next == null || !seen.add(next)) {
				continue;
			}
			chain.add(next);
			todo.add(next.getCause());
			if (next instanceof MessagingException messaging) {
				todo.add(messaging.getNextException());
			}
		}
		return chain;
	}

}
