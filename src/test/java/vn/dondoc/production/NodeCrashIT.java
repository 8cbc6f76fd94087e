package vn.dondoc.production;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.dondoc.support.NodeProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node killed like a crashed machine (SIGKILL) in the middle of a reminder burst on PostgreSQL, then
 * started again: every step is still sent, every e-mail arrives, and the only repeats are messages the
 * SMTP server had accepted before the kill and not yet recorded: at most one per connection (the window the
 * README documents), counted and printed.
 */
class NodeCrashIT {

	static final int TASKS = 200;

	/** dondoc.notification.poll-interval as shipped in application.yml. */
	static final Duration SHIPPED_POLL_INTERVAL = Duration.ofSeconds(15);

	@Test
	void aNodeKilledMidBurstAndRestartedSendsEveryStepWithRepeatsOnlyInsideTheSmtpWindow() throws Exception {
		// 07:30 comes 90 s after this: start-up and import take about 35 s here
		try (ReminderBurst burst = new ReminderBurst("crash", TASKS, Duration.ofSeconds(90))) {
			burst.startSmtp();
			// the lease as shipped (5 minutes): the restarted node, with the same identity, takes its rows back at once
			Map<String, String> settings = burst.settings("dondoc.notification.node-id", "crash-node");
			long killedAt;
			Set<String> beforeKill;
			List<String> heldAtKill;
			try (NodeProcess first = NodeProcess.start("crash-1", settings, Duration.ofMinutes(3))) {
				HttpResponse<String> imported = burst.importDocument(first, "CRASH-1");
				assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
				assertThat(burst.businessNow()).as("the import must end before the burst; raise the lead time")
					.isBefore(ReminderBurst.BURST);

				await().atMost(Duration.ofMinutes(4)).dontCatchUncaughtExceptions().pollInterval(Duration.ofMillis(100))
					.failFast("no burst: " + burst.diagnosis(), () -> !first.isAlive())
					.until(() -> burst.steps("den-han") >= TASKS / 5);
				first.kill();
				killedAt = burst.steps("den-han");
				beforeKill = new HashSet<>(burst.messageIds());
				heldAtKill = burst.rows("SELECT CAST(id AS VARCHAR(20)) FROM notification WHERE state = 'PENDING' "
						+ "AND claimed_by LIKE 'crash-node:" + first.pid() + ":%'");
			}
			System.out.printf("crash: node killed with %d of %d den-han steps recorded, %d e-mails received%n", killedAt,
					TASKS, beforeKill.size());
			assertThat(killedAt).as("killed in the middle of the burst, not after it").isLessThan(TASKS);

			// the restarted node polls as shipped (every 15 s): what the dead run held must not wait for that poll
			Map<String, String> restart = new HashMap<>(settings);
			restart.put("dondoc.notification.poll-interval", SHIPPED_POLL_INTERVAL.toSeconds() + "s");
			try (NodeProcess second = NodeProcess.start("crash-2", restart, Duration.ofMinutes(3))) {
				long ready = System.nanoTime();
				if (!heldAtKill.isEmpty()) {
					// what the dead run had taken goes out as the node comes up, within one poll interval of its start,
					// not when its 5-minute lease would have run out
					await().atMost(SHIPPED_POLL_INTERVAL).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
						.until(() -> burst.count("SELECT COUNT(*) FROM notification WHERE state = 'SENT' AND id IN ("
								+ String.join(",", heldAtKill) + ")") == heldAtKill.size());
					System.out.printf("crash: the %d messages the killed node held were sent %.1f s after the restart%n",
							heldAtKill.size(), (System.nanoTime() - ready) / 1e9);
					assertThat(second.logLines()).anyMatch(line -> line.contains("Took back"));
				}
				try {
					await().atMost(Duration.ofMinutes(4)).dontCatchUncaughtExceptions().pollInterval(Duration.ofSeconds(1))
						.until(() -> burst.steps("den-han") == TASKS
								&& burst.count("SELECT COUNT(*) FROM notification WHERE state <> 'SENT'") == 0
								&& burst.messageIds().size() >= 2 * TASKS);
				}
				catch (org.awaitility.core.ConditionTimeoutException e) {
					throw new AssertionError("not every step went out after the restart: " + burst.diagnosis(), e);
				}

				assertThat(burst.steps("giao-nhiem-vu")).isEqualTo(TASKS);
				assertThat(burst.count("SELECT COUNT(*) FROM notification")).isEqualTo(2L * TASKS);
				// one wake-up per open task, at its next step (quá hạn on 29/6)
				assertThat(burst.count("SELECT COUNT(*) FROM reminder_wake WHERE wake_at IS NOT NULL")).isEqualTo(TASKS);
				assertThat(burst.wakeUpsAfterTheBurst()).isEqualTo(TASKS);

				List<String> ids = burst.messageIds();
				Set<String> expected = new HashSet<>(burst.rows("SELECT message_id FROM notification"));
				assertThat(new HashSet<>(ids)).as("every e-mail arrived").isEqualTo(expected);
				Map<String, Integer> times = new HashMap<>();
				ids.forEach(id -> times.merge(id, 1, Integer::sum));
				Set<String> repeated = new HashSet<>();
				times.forEach((id, n) -> {
					if (n > 1) {
						repeated.add(id);
					}
				});
				System.out.printf("crash: %d e-mails for %d notifications; %d repeated (accepted by SMTP before the kill, "
						+ "not yet recorded, sent again after the restart)%n", ids.size(), expected.size(), ids.size() - expected.size());
				assertThat(times.values()).as("no message more than twice").allMatch(n -> n <= 2);
				assertThat(beforeKill).as("a repeat is a message the server had accepted before the kill").containsAll(repeated);
				// each message is recorded as sent once the server accepts it: at most the one in flight on each of
				// the node's connections (dondoc.notification.senders, 4) can go out again
				assertThat(repeated.size()).as("at most one message in flight per connection").isLessThanOrEqualTo(4);
			}
		}
	}

}
