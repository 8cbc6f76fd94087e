package vn.dondoc.notification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the outbox promises, checked on a real database and a real SMTP server: the same checks run on
 * H2 and on PostgreSQL (see the subclasses).
 */
abstract class OutboxChecks {

	@Autowired
	Notifications notifications;

	@Autowired
	Outbox outbox;

	@Autowired
	MessageComposer composer;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	NotificationSettings settings;

	@Autowired
	EmbeddedSmtpServer smtp;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void emptyOutbox() {
		jdbc.sql("DELETE FROM notification").update();
	}

	@Test
	void queuesTheSameKeyOnceWithoutHarmingTheCallersTransaction() {
		String key = "task-1/reminder-1/2023-06-30";
		Boolean[] results = new Boolean[2];
		transactions.executeWithoutResult(status -> {
			results[0] = notifications.enqueue(Requests.reminder(key));
			results[1] = notifications.enqueue(Requests.reminder(key));
			// on PostgreSQL a failed statement would poison the transaction: this one must still work
			jdbc.sql("INSERT INTO history_entry (occurred_at, subject, kind) VALUES (CURRENT_TIMESTAMP, 'outbox-probe', 'TEST')")
				.update();
		});
		boolean later = notifications.enqueue(Requests.reminder(key));

		assertThat(results).containsExactly(true, false);
		assertThat(later).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE idempotency_key = :key").param("key", key)
			.query(Long.class).single()).isOne();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM history_entry WHERE subject = 'outbox-probe'").query(Long.class).single())
			.isOne();
		jdbc.sql("DELETE FROM history_entry WHERE subject = 'outbox-probe'").update();
	}

	@Test
	void aNotificationQueuedInARolledBackTransactionDoesNotExist() {
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			assertThat(notifications.enqueue(Requests.reminder("rolled-back"))).isTrue();
			throw new IllegalStateException("roll back");
		})).hasMessage("roll back");

		assertThat(outbox.find("rolled-back")).isEmpty();
		assertThat(notifications.dispatchPending().attempted()).isZero();

		// and the same, committed, is there: the check above can fail
		transactions.executeWithoutResult(status -> notifications.enqueue(Requests.reminder("rolled-back")));
		assertThat(outbox.find("rolled-back")).isPresent();
	}

	@Test
	void queuesInTheCallersTransactionInvisibleToOthersUntilItCommits() {
		transactions.executeWithoutResult(status -> {
			notifications.enqueue(Requests.reminder("in-transaction"));
			assertThat(outbox.find("in-transaction")).as("seen inside the caller's transaction").isPresent();
			assertThat(countFromAnotherConnection("in-transaction")).as("seen by another connection").isZero();
		});
		assertThat(countFromAnotherConnection("in-transaction")).isOne();
	}

	@Test
	void twoDispatchersOverTheSameDatabaseSendEachMessageOnce() throws Exception {
		List<String> keys = new ArrayList<>();
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < 30; i++) {
				String key = "concurrent/" + i + "/" + System.nanoTime();
				keys.add(key);
				notifications.enqueue(Requests.to(key, "don-vi-" + i + "@thanhuy-haiphong.example"));
			}
		});
		assertThat(outbox.find(keys.get(0)).orElseThrow().payload()).as("a row to send holds its request").contains(keys.get(0));
		NotificationSettings smallBatches = withBatchSize(3);
		OutboxDispatcher nodeA = dispatcher(smallBatches, "node-a");
		OutboxDispatcher nodeB = dispatcher(smallBatches, "node-b");
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> sentByA = threads.submit(() -> drain(nodeA, start));
			Future<Integer> sentByB = threads.submit(() -> drain(nodeB, start));
			assertThat(sentByA.get(2, TimeUnit.MINUTES) + sentByB.get(2, TimeUnit.MINUTES)).isEqualTo(30);
		}
		finally {
			threads.shutdownNow();
		}

		Set<String> expectedIds = new HashSet<>();
		for (String key : keys) {
			OutboxRow row = outbox.find(key).orElseThrow();
			assertThat(row.state()).isEqualTo(DeliveryState.SENT);
			assertThat(row.attempts()).as("attempts of " + key).isOne();
			assertThat(row.payload()).as("a sent row keeps no request (issue 18)").isEmpty();
			assertThat(row.subject()).isNotBlank();
			expectedIds.add(row.messageId());
		}
		await().untilAsserted(() -> {
			List<String> receivedIds = new ArrayList<>();
			for (MimeMessage message : smtp.receivedMessages()) {
				if (expectedIds.contains(message.getMessageID())) {
					receivedIds.add(message.getMessageID());
				}
			}
			assertThat(receivedIds).hasSize(30).doesNotHaveDuplicates();
		});
	}

	/** Migration 38 on this database: rows sent before it lose their payload, rows still to send or retry keep theirs. */
	@Test
	void migration38EmptiesThePayloadOfSentRowsOnly() throws SQLException {
		String sent = "m38/sent/" + System.nanoTime();
		String dead = "m38/dead/" + System.nanoTime();
		// as rows were before it: a sent one with its request, and one given up (an operator may send it again)
		for (String key : List.of(sent, dead)) {
			jdbc.sql("""
					INSERT INTO notification (idempotency_key, kind, recipients, copy_recipients, subject, payload, message_id,
					    state, attempts, created_at, next_attempt_at, sent_at)
					VALUES (?, 'REMINDER', 'ban-to-chuc@thanhuy-haiphong.example', '', 'Nhắc hạn', ?, ?, ?, 1,
					    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
				.params(key, "{\"idempotencyKey\":\"" + key + "\",\"directiveText\":\"Giao Ban Tổ chức Thành ủy…\"}", "<" + key + "@dondoc>",
						key.equals(sent) ? "SENT" : "DEAD")
				.update();
		}

		try (Connection connection = dataSource.getConnection()) {
			org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(connection,
					new org.springframework.core.io.ClassPathResource("db/migration/V38__sent_notification_payload.sql"));
		}

		OutboxRow sentRow = outbox.find(sent).orElseThrow();
		assertThat(sentRow.payload()).isEmpty();
		assertThat(sentRow.state()).isEqualTo(DeliveryState.SENT);
		assertThat(sentRow.subject()).isEqualTo("Nhắc hạn");
		assertThat(sentRow.to()).containsExactly("ban-to-chuc@thanhuy-haiphong.example");
		assertThat(outbox.find(dead).orElseThrow().payload()).as("a row given up keeps its request").contains("Giao Ban Tổ chức");
	}

	@Test
	void afterACrashAMessageIsSentOnceItsLeaseRunsOutAndNotBefore() {
		transactions.executeWithoutResult(status -> {
			notifications.enqueue(Requests.reminder("crash/held"));
			notifications.enqueue(Requests.reminder("crash/expired"));
		});
		// a node took both and died: one lease still runs, the other has run out
		lease("crash/held", Instant.now().plus(Duration.ofHours(1)));
		lease("crash/expired", Instant.now().minusSeconds(1));

		DispatchCounts counts = notifications.dispatchPending();

		assertThat(counts.sent()).isOne();
		assertThat(outbox.find("crash/expired").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
		assertThat(outbox.find("crash/held").orElseThrow().state()).isEqualTo(DeliveryState.PENDING);

		lease("crash/held", Instant.now().minusSeconds(1));
		assertThat(notifications.dispatchPending().sent()).isOne();
		assertThat(outbox.find("crash/held").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
	}

	@Test
	void aRestartedNodeTakesBackAtOnceWhatItsEarlierRunHeldAndLeavesOtherNodesLeasesAlone() {
		List<String> keys = List.of("restart/earlier-run", "restart/this-run", "restart/other-node", "restart/longer-id",
				"restart/look-alike");
		transactions.executeWithoutResult(status -> keys.forEach(key -> notifications.enqueue(Requests.reminder(key))));
		MockEnvironment environment = new MockEnvironment().withProperty("dondoc.notification.node-id", "hai_phong");
		NotificationConfiguration configuration = new NotificationConfiguration();
		OutboxDispatcher restarted = configuration.outboxDispatcher(outbox, composer, mailSender, settings, events,
				Clock.system(VietnameseDates.ZONE), environment);
		// every lease runs for another hour: only the restart can free one before that
		Instant until = Instant.now().plus(Duration.ofHours(1));
		lease("restart/earlier-run", "hai_phong:4242:0badcafe/7", until);
		lease("restart/this-run", restarted.node() + "/1", until);
		lease("restart/other-node", "ha-noi:4242:0badcafe/7", until);
		lease("restart/longer-id", "hai_phong-2:4242:0badcafe/7", until);
		lease("restart/look-alike", "haiXphong:4242:0badcafe/7", until);   // '_' is no wildcard here
		// an hour between polls: only the wake at start-up can send it within the test
		DispatchPoller poller = hourlyPoller();
		poller.start();
		try {
			configuration.releaseOwnLeases(outbox, restarted, poller, environment)
				.onApplicationEvent(new ApplicationStartedEvent(new SpringApplication(), new String[0], null, Duration.ZERO));

			String messageId = outbox.find("restart/earlier-run").orElseThrow().messageId();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(outbox.find("restart/earlier-run").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
				assertThat(smtp.receivedMessages()).anySatisfy(m -> assertThat(m.getMessageID()).isEqualTo(messageId));
			});
		}
		finally {
			poller.stop();
		}
		assertThat(outbox.find("restart/this-run").orElseThrow().claimedBy()).isEqualTo(restarted.node() + "/1");
		assertThat(outbox.find("restart/other-node").orElseThrow().claimedBy()).isEqualTo("ha-noi:4242:0badcafe/7");
		assertThat(outbox.find("restart/longer-id").orElseThrow().claimedBy()).isEqualTo("hai_phong-2:4242:0badcafe/7");
		assertThat(outbox.find("restart/look-alike").orElseThrow().claimedBy()).isEqualTo("haiXphong:4242:0badcafe/7");
		for (String key : keys.subList(1, keys.size())) {
			assertThat(outbox.find(key).orElseThrow().state()).as(key).isEqualTo(DeliveryState.PENDING);
		}
	}

	@Test
	void aRunWhoseLeaseRanOutWhileComposingSendsNothingThatAnotherRunTookOver() throws Exception {
		List<String> keys = List.of("slow/1/" + System.nanoTime(), "slow/2/" + System.nanoTime(), "slow/3/" + System.nanoTime());
		transactions.executeWithoutResult(status -> keys.forEach(key -> notifications.enqueue(
				Requests.to(key, "van-phong-thanh-uy@thanhuy-haiphong.example"))));
		// node B's clock is past node A's lease: to B, A looks dead
		OutboxDispatcher nodeB = new OutboxDispatcher(outbox, composer, mailSender, settings,
				Clock.offset(Clock.system(VietnameseDates.ZONE), settings.lease().plusMinutes(1)), events, "node-b");
		boolean[] tookOver = { false };
		Outbox slowOnA = new Outbox(jdbc, dataSource) {

			@Override
			List<OutboxRow> claimedBy(String token) {
				List<OutboxRow> batch = super.claimedBy(token);
				if (!tookOver[0]) {
					// A has its batch but is slow to compose it: meanwhile B takes the rows over and sends them
					tookOver[0] = true;
					assertThat(nodeB.dispatchDue().sent()).isEqualTo(3);
				}
				return batch;
			}

		};
		OutboxDispatcher nodeA = new OutboxDispatcher(slowOnA, composer, mailSender, settings,
				Clock.system(VietnameseDates.ZONE), events, "node-a");

		assertThat(nodeA.dispatchDue().sent()).as("sent by the run that had lost its lease").isZero();

		Set<String> expectedIds = new HashSet<>();
		for (String key : keys) {
			assertThat(outbox.find(key).orElseThrow().attempts()).as("attempts of " + key).isOne();
			expectedIds.add(outbox.find(key).orElseThrow().messageId());
		}
		List<String> receivedIds = new ArrayList<>();
		for (MimeMessage message : smtp.receivedMessages()) {
			if (expectedIds.contains(message.getMessageID())) {
				receivedIds.add(message.getMessageID());
			}
		}
		assertThat(receivedIds).hasSize(3).doesNotHaveDuplicates();
	}

	@Test
	void theBackgroundDispatcherSendsWithoutBeingAsked() {
		NotificationSettings polling = new NotificationSettings(Duration.ofMillis(100), settings.batchSize(),
				settings.lease(), settings.retryInitial(), settings.retryMax(), settings.maxAttempts(), false, null, true,
				settings.templateDir(), settings.senders());
		DispatchPoller poller = new DispatchPoller(notifications, polling);
		poller.start();
		try {
			transactions.executeWithoutResult(status -> notifications.enqueue(Requests.reminder("background")));
			String messageId = outbox.find("background").orElseThrow().messageId();
			await().untilAsserted(() -> {
				assertThat(outbox.find("background").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
				assertThat(smtp.receivedMessages()).anySatisfy(m -> assertThat(m.getMessageID()).isEqualTo(messageId));
			});
		}
		finally {
			poller.stop();
		}
	}

	@Test
	void mailQueuedInATransactionGoesOutOnceItCommitsWithoutWaitingForThePoll() {
		// an hour between polls: only the commit of the queuing transaction can start the run
		DispatchPoller poller = hourlyPoller();
		poller.start();
		try {
			transactions.executeWithoutResult(status -> {
				for (int i = 0; i < 120; i++) {
					notifications.enqueue(Requests.reminder("woken-" + i));
				}
				// not committed yet: nothing may leave
				assertThat(outbox.find("woken-0").orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
			});
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				for (int i = 0; i < 120; i++) {
					assertThat(outbox.find("woken-" + i).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
				}
			});
			transactions.executeWithoutResult(status -> {
				notifications.enqueue(Requests.reminder("rolled-back"));
				status.setRollbackOnly();
			});
			assertThat(outbox.find("rolled-back")).isEmpty();
		}
		finally {
			poller.stop();
		}
	}

	private int drain(OutboxDispatcher dispatcher, CyclicBarrier start) throws Exception {
		start.await(1, TimeUnit.MINUTES);
		int sent = 0;
		DispatchCounts counts;
		do {
			counts = dispatcher.dispatchDue();
			sent += counts.sent();
		}
		while (counts.attempted() > 0);
		return sent;
	}

	OutboxDispatcher dispatcher(NotificationSettings dispatcherSettings, String node) {
		return new OutboxDispatcher(outbox, composer, mailSender, dispatcherSettings, Clock.system(VietnameseDates.ZONE),
				events, node);
	}

	NotificationSettings withBatchSize(int batchSize) {
		return new NotificationSettings(settings.pollInterval(), batchSize, settings.lease(), settings.retryInitial(),
				settings.retryMax(), settings.maxAttempts(), settings.digest(), settings.digestAt(),
				settings.calendarAttachment(), settings.templateDir(), settings.senders());
	}

	private void lease(String key, Instant until) {
		lease(key, "crashed-node/1", until);
	}

	private void lease(String key, String token, Instant until) {
		jdbc.sql("UPDATE notification SET claimed_by = :token, claimed_until = :until WHERE idempotency_key = :key")
			.param("token", token)
			.param("until", until.atOffset(ZoneOffset.UTC))
			.param("key", key)
			.update();
	}

	/** Counted on a connection of its own, outside any Spring transaction. */
	private long countFromAnotherConnection(String key) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM notification WHERE idempotency_key = '" + key + "'")) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A poller with an hour between polls: within a test, only a wake-up makes it send. */
	private DispatchPoller hourlyPoller() {
		NotificationSettings hourly = new NotificationSettings(Duration.ofHours(1), settings.batchSize(), settings.lease(),
				settings.retryInitial(), settings.retryMax(), settings.maxAttempts(), false, null, true, settings.templateDir(), 2);
		return new DispatchPoller(notifications, hourly);
	}

}
