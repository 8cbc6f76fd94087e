package vn.dondoc.notification;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How dondoc sends mail.
 *
 * @param from the sender address of every message
 * @param embeddedPort the port of the embedded SMTP server used when {@code spring.mail.host} is not set
 * (0 picks a free port, for tests)
 */
@ConfigurationProperties("dondoc.mail")
public record MailSettings(String from, Integer embeddedPort) {

	public MailSettings {
		from = (from == null || from.isBlank()) ? "dondoc@localhost" : from.trim();
		embeddedPort = embeddedPort == null ? 2525 : embeddedPort;
	}

	/**
	 * The domain of the sender address, in lower case: every Message-ID and calendar UID dondoc writes ends with it
	 * (fails when {@code from} is no usable address, as the start-up does).
	 */
	public String domain() {
		String address = HeaderText.address(from).getAddress();
		return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
	}

}
