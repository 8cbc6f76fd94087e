package vn.dondoc.production;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import vn.dondoc.support.NodeProcess;
import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outside world failing under a running node on PostgreSQL: first the SMTP relay is down while 200
 * assignment notices are queued (they wait in the outbox and go out once it is back), then, in the middle
 * of the 07:30 reminder burst, the database drops every connection of dondoc several times (dondoc
 * reconnects by itself and no reminder is lost).
 */
class OutagesIT {

	static final int TASKS = 200;

	@Test
	void mailWaitsForTheSmtpRelayAndNoReminderIsLostWhenTheDatabaseDropsItsConnections() throws Exception {
		// 07:30 comes 2 minutes after this: start-up, import and the SMTP outage take about 50 s here
		try (ReminderBurst burst = new ReminderBurst("outage", TASKS, Duration.ofMinutes(2))) {
			// no SMTP server yet: every attempt meets a refused connection
			// a short lease: rows a failed dispatcher run had claimed are sent again within the test
			var settings = burst.settings("dondoc.notification.retry-initial", "2s", "dondoc.notification.retry-max", "5s",
					"dondoc.notification.lease", "20s");
			try (NodeProcess node = NodeProcess.start("outage", settings, Duration.ofMinutes(3))) {
				HttpResponse<String> imported = burst.importDocument(node, "OUTAGE-1");
				assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);

				// SMTP down: the assignment notices are queued and retried, none is lost or given up
				await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
					.until(() -> burst.count("SELECT COUNT(*) FROM notification WHERE state = 'PENDING' AND attempts >= 2") == TASKS);
				assertThat(burst.count("SELECT COUNT(*) FROM notification WHERE state IN ('SENT', 'DEAD')")).isZero();
				System.out.println("outage: SMTP down, " + TASKS + " notices waiting; last error: "
						+ burst.rows("SELECT last_error FROM notification WHERE last_error IS NOT NULL LIMIT 1"));

				burst.startSmtp();
				await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
					.until(() -> burst.count("SELECT COUNT(*) FROM notification WHERE state = 'SENT'") == TASKS);
				assertThat(burst.messageIds()).hasSize(TASKS);
				assertThat(burst.businessNow()).as("the SMTP phase must end before the burst; raise the lead time")
					.isBefore(ReminderBurst.BURST);

				// the burst begins; the database then drops every dondoc connection, six times in three seconds
				await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100))
					.until(() -> burst.steps("den-han") >= TASKS / 10);
				long atOutage = burst.steps("den-han");
				AtomicInteger rounds = new AtomicInteger();
				AtomicInteger terminated = new AtomicInteger();
				try (Connection admin = DriverManager.getConnection(TestPostgres.server().getJdbcUrl("postgres", "postgres"),
						"postgres", "postgres")) {
					String database = burst.url.substring(burst.url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
					await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
						try (ResultSet rs = admin.createStatement().executeQuery("SELECT COUNT(pg_terminate_backend(pid)) "
								+ "FROM pg_stat_activity WHERE datname = '" + database + "' AND pid <> pg_backend_pid() "
								+ "AND application_name NOT LIKE 'test-probe%'")) {
							rs.next();
							terminated.addAndGet(rs.getInt(1));
						}
						return rounds.incrementAndGet() >= 6;
					});
				}
				System.out.printf("outage: %d of %d den-han steps recorded when the database dropped %d connections in %d rounds%n",
						atOutage, TASKS, terminated.get(), rounds.get());
				assertThat(atOutage).as("the outage hit the middle of the burst").isLessThan(TASKS);
				assertThat(terminated.get()).isPositive();

				try {
					await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
						.until(() -> burst.steps("den-han") == TASKS
								&& burst.count("SELECT COUNT(*) FROM notification WHERE state <> 'SENT'") == 0
								&& burst.messageIds().size() >= 2 * TASKS);
				}
				catch (org.awaitility.core.ConditionTimeoutException e) {
					throw new AssertionError("reminders lost after the database outage: " + burst.diagnosis(), e);
				}
				assertThat(burst.count("SELECT COUNT(*) FROM notification")).isEqualTo(2L * TASKS);
				assertThat(burst.count("SELECT COUNT(*) FROM reminder_wake WHERE wake_at IS NOT NULL")).isEqualTo(TASKS);
				assertThat(burst.wakeUpsAfterTheBurst()).isEqualTo(TASKS);
				List<String> ids = burst.messageIds();
				Set<String> expected = new HashSet<>(burst.rows("SELECT message_id FROM notification"));
				assertThat(new HashSet<>(ids)).as("every e-mail arrived").isEqualTo(expected);
				System.out.printf("outage: %d e-mails for %d notifications, %d repeated%n", ids.size(), expected.size(),
						ids.size() - expected.size());
				assertThat(ids.size() - expected.size()).as("repeats only for a batch whose marking failed").isLessThanOrEqualTo(50);

				// and the node carries on serving
				assertThat(burst.get(node, "/actuator/health").body()).contains("\"UP\"");
				assertThat(burst.get(node, "/api/directives?document=OUTAGE-1&size=1").statusCode()).isEqualTo(200);
			}
		}
	}

}
