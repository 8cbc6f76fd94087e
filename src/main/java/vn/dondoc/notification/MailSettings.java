package vn.dondoc.notification;

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

}
