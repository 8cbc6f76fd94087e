package vn.dondoc.notification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dondoc.web.DashboardIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Without {@code dondoc.base-url}, the links in the mail name the port the web server really got (here a random
 * one, {@code server.port=0}), not 8080.
 */
@DashboardIT // the dashboard tests' context sets no base-url either: sharing it saves a context start
class BaseUrlIT {

	@LocalServerPort
	int port;

	@Autowired
	LinkSettings links;

	@Autowired
	Notifications notifications;

	@Autowired
	MessageComposer composer;

	@Autowired
	EmbeddedSmtpServer smtp;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void linksFollowTheWebServersPortWhenNoBaseUrlIsSet() throws Exception {
		assertThat(port).isNotEqualTo(8080);
		assertThat(links.baseUrl()).isEqualTo("http://localhost:" + port);

		NotificationRequest request = Requests.reminder("base-url/" + System.nanoTime());
		transactions.executeWithoutResult(status -> notifications.enqueue(request));
		notifications.dispatchPending();
		String messageId = composer.messageId(request.idempotencyKey());
		Received mail = await().until(() -> received(messageId), found -> found != null);

		assertThat(mail.text()).contains("http://localhost:" + port + "/directives/KL-HNTU11-KXVI%2FI.2.3.1",
				"http://localhost:" + port + "/huong-dan").doesNotContain("localhost:8080");
	}

	private Received received(String messageId) throws Exception {
		for (MimeMessage message : smtp.receivedMessages()) {
			if (messageId.equals(message.getMessageID())) {
				ByteArrayOutputStream raw = new ByteArrayOutputStream();
				message.writeTo(raw);
				return Received.of(raw.toString(StandardCharsets.US_ASCII), message);
			}
		}
		return null;
	}

}
