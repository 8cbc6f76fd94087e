package vn.dondoc.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens when the SMTP server is not there, is busy, or refuses: each case against a real server
 * on a real socket (GreenMail, or a scripted SMTP responder), with a dispatcher pointed at it.
 */
@NotificationIT
class DeliveryFailuresIT {

	@Autowired
	Notifications notifications;

	@Autowired
	Outbox outbox;

	@Autowired
	MessageComposer composer;

	@Autowired
	NotificationSettings settings;

	@Autowired
	EmbeddedSmtpServer smtp;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void emptyOutbox() {
		jdbc.sql("DELETE FROM notification").update();
	}

	@Test
	void retriesWhileTheServerIsDownAndDeliversOnceItIsUp() throws Exception {
		int port = freePort();
		OutboxDispatcher dispatcher = dispatcherFor(port);
		queue(Requests.reminder("down-then-up"));

		DispatchCounts whileDown = dispatcher.dispatchDue();

		assertThat(whileDown.retrying()).isOne();
		OutboxRow afterFailure = outbox.find("down-then-up").orElseThrow();
		assertThat(afterFailure.state()).isEqualTo(DeliveryState.PENDING);
		assertThat(afterFailure.attempts()).isOne();
		assertThat(afterFailure.lastError()).containsIgnoringCase("connect");
		assertThat(afterFailure.nextAttemptAt()).isAfter(Instant.now().minusSeconds(1));
		assertThat(afterFailure.claimedBy()).as("the lease is given back").isNull();

		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				dispatcher.dispatchDue();
				assertThat(server.getReceivedMessages()).hasSize(2); // to and cc each get their copy
			});
			OutboxRow sent = outbox.find("down-then-up").orElseThrow();
			assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
			assertThat(sent.attempts()).isGreaterThanOrEqualTo(2);
			assertThat(sent.lastError()).isNull();
			assertThat(server.getReceivedMessages()[0].getMessageID()).isEqualTo(sent.messageId());
		}
		finally {
			server.stop();
		}
	}

	@Test
	void a550IsADeadLetterWithTheServersAnswerAndTheRestOfTheBatchGoesOutOnTheSameConnection() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			OutboxDispatcher dispatcher = dispatcherFor(server.port());
			transactions.executeWithoutResult(status -> {
				notifications.enqueue(Requests.to("batch/1", "ban-to-chuc@thanhuy-haiphong.example"));
				notifications.enqueue(Requests.to("batch/2", "reject-khong-ton-tai@thanhuy-haiphong.example"));
				notifications.enqueue(Requests.to("batch/3", "ban-tuyen-giao@thanhuy-haiphong.example"));
			});

			DispatchCounts counts = dispatcher.dispatchDue();

			assertThat(counts).isEqualTo(new DispatchCounts(2, 0, 1, 0));
			OutboxRow dead = outbox.find("batch/2").orElseThrow();
			assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
			assertThat(dead.attempts()).isOne();
			assertThat(dead.lastError()).startsWith("550 5.1.1").contains("User unknown");
			assertThat(outbox.find("batch/1").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
			assertThat(outbox.find("batch/3").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
			assertThat(server.accepted.get()).isEqualTo(2);
			assertThat(server.connections.get()).as("one SMTP connection for the batch").isOne();

			// a dead letter stays dead
			assertThat(dispatcher.dispatchDue().attempted()).isZero();
		}
	}

	@Test
	void eachMessageIsRecordedAsSentAsSoonAsTheServerAcceptsItNotWhenItsBatchEnds() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			List<String> keys = List.of("accepted/1", "accepted/2", "accepted/3", "accepted/4");
			transactions.executeWithoutResult(status -> keys.forEach(key -> notifications.enqueue(
					Requests.to(key, "ban-to-chuc@thanhuy-haiphong.example"))));
			// how many messages the server had accepted when each row was recorded as sent: a node killed
			// after the server's "250 OK" repeats only the one message it had not recorded yet
			List<Integer> acceptedWhenRecorded = new ArrayList<>();
			Outbox recording = new Outbox(jdbc, dataSource) {

				@Override
				boolean markSent(long id, Instant sentAt) {
					acceptedWhenRecorded.add(server.accepted.get());
					return super.markSent(id, sentAt);
				}

			};
			OutboxDispatcher dispatcher = new OutboxDispatcher(recording, composer, senderFor(server.port()), settings,
					Clock.system(VietnameseDates.ZONE), events, "test-node");

			assertThat(dispatcher.dispatchDue().sent()).isEqualTo(4);

			assertThat(acceptedWhenRecorded).containsExactly(1, 2, 3, 4);
			assertThat(server.connections.get()).as("one batch, one connection").isOne();
			for (String key : keys) {
				assertThat(outbox.find(key).orElseThrow().state()).as(key).isEqualTo(DeliveryState.SENT);
			}
			dispatcher.close();
		}
	}

	@Test
	void theNextRunSendsOnTheConnectionLeftOpenAndOnANewOneOnceTheServerDroppedIt() throws Exception {
		int port = freePort();
		OutboxDispatcher dispatcher = dispatcherFor(port);
		GreenMail first = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		first.start();
		try {
			queue(Requests.reminder("open/1"));
			assertThat(dispatcher.dispatchDue().sent()).isOne();
			queue(Requests.reminder("open/2"));
			assertThat(dispatcher.dispatchDue().sent()).isOne();
			assertThat(first.getReceivedMessages()).as("to and cc of both").hasSize(4);
		}
		finally {
			first.stop();
		}
		// the connection kept for the next run is now dead: the run asks first (NOOP), opens a new one, loses nothing
		GreenMail second = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		second.start();
		try {
			queue(Requests.reminder("open/3"));
			DispatchCounts counts = dispatcher.dispatchDue();
			assertThat(counts.sent()).isOne();
			assertThat(counts.retrying()).isZero();
			assertThat(second.getReceivedMessages()).hasSize(2);
			assertThat(outbox.find("open/3").orElseThrow().attempts()).isOne();
		}
		finally {
			dispatcher.close();
			second.stop();
		}
	}

	@Test
	void runsOneAfterAnotherShareOneConnectionUntilItCarriedABatch() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			OutboxDispatcher dispatcher = dispatcherFor(server.port());
			for (int i = 0; i < 3; i++) {
				queue(Requests.to("again/" + i, "ban-to-chuc@thanhuy-haiphong.example"));
				assertThat(dispatcher.dispatchDue().sent()).isOne();
			}
			assertThat(server.accepted.get()).isEqualTo(3);
			assertThat(server.connections.get()).as("three runs, one connection").isOne();

			dispatcher.close();
			queue(Requests.to("again/closed", "ban-to-chuc@thanhuy-haiphong.example"));
			assertThat(dispatcher.dispatchDue().sent()).isOne();
			assertThat(server.connections.get()).as("closed on shutdown: a new one").isEqualTo(2);
			dispatcher.close();
		}
	}

	@Test
	void a4xxIsRetriedWithGrowingPausesThenGivenUp() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			OutboxDispatcher dispatcher = dispatcherFor(server.port());
			queue(Requests.to("busy", "busy-hop-thu@thanhuy-haiphong.example"));

			assertThat(dispatcher.dispatchDue().retrying()).isOne();
			OutboxRow first = outbox.find("busy").orElseThrow();
			assertThat(first.lastError()).startsWith("451 4.3.0");
			assertThat(Duration.between(Instant.now(), first.nextAttemptAt())).isPositive();
			// not due yet: nothing is tried before the pause is over
			assertThat(dispatcher.dispatchDue().attempted()).isZero();

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				dispatcher.dispatchDue();
				assertThat(outbox.find("busy").orElseThrow().state()).isEqualTo(DeliveryState.DEAD);
			});
			OutboxRow dead = outbox.find("busy").orElseThrow();
			assertThat(dead.attempts()).isEqualTo(settings.maxAttempts());
			assertThat(dead.lastError()).isEqualTo("Đã thử " + settings.maxAttempts() + " lần, lần cuối: "
					+ ScriptedSmtpServer.BUSY_ANSWER);
			assertThat(server.accepted.get()).isZero();
		}
	}

	@Test
	void anAddressThatIsNoAddressIsADeadLetterWithoutBotheringTheServer() throws Exception {
		try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
			OutboxDispatcher dispatcher = dispatcherFor(server.port());
			queue(Requests.to("no-address", "ban to chuc (at) thanhuy"));

			assertThat(dispatcher.dispatchDue().dead()).isOne();
			OutboxRow dead = outbox.find("no-address").orElseThrow();
			assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
			assertThat(dead.attempts()).isZero();
			assertThat(dead.lastError()).startsWith("Địa chỉ không hợp lệ: ban to chuc (at) thanhuy");
			assertThat(server.connections.get()).isZero();
		}
	}

	@Test
	void anAddressCarryingALineBreakIsRefusedWhenQueued() {
		String injected = "ban-to-chuc@thanhuy-haiphong.example\r\nBcc: evil@attacker.example";
		int before = smtp.receivedMessages().size();

		assertThat(queue(Requests.to("header-injection", injected))).isTrue();

		OutboxRow refused = outbox.find("header-injection").orElseThrow();
		assertThat(refused.state()).isEqualTo(DeliveryState.DEAD);
		assertThat(refused.to()).containsExactly("ban-to-chuc@thanhuy-haiphong.example\\r\\nBcc: evil@attacker.example");
		assertThat(refused.lastError()).contains("CR/LF");
		assertThat(notifications.dispatchPending().attempted()).isZero();
		assertThat(smtp.receivedMessages()).hasSize(before);
	}

	private boolean queue(NotificationRequest request) {
		Boolean written = transactions.execute(status -> notifications.enqueue(request));
		return Boolean.TRUE.equals(written);
	}

	private OutboxDispatcher dispatcherFor(int port) {
		return new OutboxDispatcher(outbox, composer, senderFor(port), settings, Clock.system(VietnameseDates.ZONE), events,
				"test-node");
	}

	private static JavaMailSenderImpl senderFor(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.setDefaultEncoding("UTF-8");
		sender.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "2000");
		sender.getJavaMailProperties().setProperty("mail.smtp.timeout", "5000");
		return sender;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
