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
 * SMTP server had accepted before the kill (the window the README documents), counted and printed.
 */
class NodeCrashIT {

	static final int TASKS = 200;

	@Test
	void aNodeKilledMidBurstAndRestartedSendsEveryStepWithRepeatsOnlyInsideTheSmtpWindow() throws Exception {
		try (ReminderBurst burst = new ReminderBurst("crash", TASKS, Duration.ofMinutes(3))) {
			burst.startSmtp();
			// a short lease, so that the rows the dead node held are taken over within the test
			Map<String, String> settings = burst.settings("dondoc.notification.lease", "20s");
			long killedAt;
			Set<String> beforeKill;
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
			}
			System.out.printf("crash: node killed with %d of %d den-han steps recorded, %d e-mails received%n", killedAt,
					TASKS, beforeKill.size());
			assertThat(killedAt).as("killed in the middle of the burst, not after it").isLessThan(TASKS);

			try (NodeProcess second = NodeProcess.start("crash-2", settings, Duration.ofMinutes(3))) {
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
				// one trigger per open task, at its next step (quá hạn on 29/6)
				assertThat(burst.count("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group = 'reminder'")).isEqualTo(TASKS);

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
						+ "sent again after the lease)%n", ids.size(), expected.size(), ids.size() - expected.size());
				assertThat(times.values()).as("no message more than twice").allMatch(n -> n <= 2);
				assertThat(beforeKill).as("a repeat is a message the server had accepted before the kill").containsAll(repeated);
				assertThat(repeated.size()).as("at most one batch in flight").isLessThanOrEqualTo(50);
			}
		}
	}

}
