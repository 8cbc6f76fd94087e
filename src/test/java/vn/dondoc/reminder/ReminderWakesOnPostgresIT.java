package vn.dondoc.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dondoc.support.Latches;
import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reminder wake-ups on PostgreSQL, as several nodes use them at once: a firing holds its task's row, so
 * that another node's pump passes over it without waiting, and a unit completing the task meanwhile waits
 * for the firing to commit and then removes what it left. The pump is off here ({@code poll-interval=0}):
 * the test's transactions play the nodes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.mail.embedded-port=0", "dondoc.admin.password=Thu-nghiem-2023!", "dondoc.demo.enabled=false",
				"dondoc.notification.poll-interval=0", "dondoc.reminder.poll-interval=0" })
@ActiveProfiles("postgres")
class ReminderWakesOnPostgresIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.useNewDatabase(registry, "reminder");
	}

	@Autowired
	ReminderWakes wakes;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTaskBeingFiredIsPassedOverByTheOtherNodesAndTheNextDueTaskTaken() throws Exception {
		String held = "held-" + System.nanoTime();
		String free = "free-" + System.nanoTime();
		Instant now = Instant.now();
		transactions.executeWithoutResult(status -> {
			wakes.setFirst(held, now.minusSeconds(2));
			wakes.setFirst(free, now.minusSeconds(1));
		});
		CountDownLatch claimed = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Future<Boolean> first = nodes.submit(() -> transactions.execute(status -> {
				boolean mine = wakes.claim(held, now);
				claimed.countDown();
				Latches.awaitQuietly(commit);
				return mine;
			}));
			assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
			// another node: the held task is passed over at once, without waiting for the first to commit
			Future<boolean[]> second = nodes.submit(() -> transactions.execute(status -> new boolean[] {
					wakes.claim(held, now), wakes.claim(free, now), wakes.claim(free, now.minusSeconds(5)) }));
			boolean[] claims = second.get(30, TimeUnit.SECONDS);
			assertThat(claims[0]).as("the held task").isFalse();
			assertThat(claims[1]).as("the free task, due").isTrue();
			assertThat(claims[2]).as("a task not yet due at the moment asked").isFalse();
			// several at once, as the pump claims them: the held one is passed over, the free one (taken by the
			// transaction above, now ended) is taken again
			assertThat(nodes.submit(() -> transactions.execute(status -> wakes.claimAll(List.of(held, "no-such-task", free), now)))
				.get(30, TimeUnit.SECONDS)).containsExactly(free);
			commit.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			commit.countDown();
			nodes.shutdownNow();
		}
		// once the first transaction has ended, the task is there to be taken again
		Boolean again = transactions.execute(status -> wakes.claim(held, now));
		assertThat(again).isTrue();
		assertThat(wakes.due(now, 1000)).contains(held, free);
	}

	@Test
	void aTaskClosedWhileItsFiringSetsTheNextWakeUpLeavesNone() throws Exception {
		String task = "race-" + System.nanoTime();
		Instant now = Instant.now();
		Instant tomorrow = now.plus(Duration.ofDays(1));
		transactions.executeWithoutResult(status -> wakes.setFirst(task, now));

		CountDownLatch set = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Future<?> firing = nodes.submit(() -> transactions.executeWithoutResult(status -> {
				assertThat(wakes.claim(task, now)).isTrue();
				wakes.set(task, tomorrow);
				set.countDown();
				Latches.awaitQuietly(commit);
			}));
			assertThat(set.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> closing = nodes.submit(() -> transactions.executeWithoutResult(status -> wakes.remove(task)));
			// the removal waits for the firing's transaction
			await().until(() -> jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
				.query(Long.class)
				.single() > 0);
			commit.countDown();
			firing.get(30, TimeUnit.SECONDS);
			closing.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			nodes.shutdownNow();
		}
		assertThat(wakes.wakeAt(task)).isEmpty();
	}

	@Test
	void settingAWakeUpTwiceKeepsOneRowAtTheLastMomentAndClearsItsFailures() {
		String task = "again-" + System.nanoTime();
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		transactions.executeWithoutResult(status -> wakes.set(task, now));
		transactions.executeWithoutResult(status -> assertThat(wakes.failed(task)).isOne());
		transactions.executeWithoutResult(status -> wakes.set(task, now.plusSeconds(60)));
		assertThat(wakes.wakeAt(task)).contains(now.plusSeconds(60));
		assertThat(jdbc.sql("SELECT attempts FROM reminder_wake WHERE task_id = ?").param(task).query(Integer.class).single()).isZero();
		transactions.executeWithoutResult(status -> wakes.set(task, null));
		assertThat(wakes.wakeAt(task)).isEmpty();
	}

	@Test
	void aTaskWithNothingLeftToSendKeepsARowWithoutAMomentThatNeverOverwritesAWakeUp() {
		String task = "settled-" + System.nanoTime();
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		transactions.executeWithoutResult(status -> wakes.settle(task, 3));
		assertThat(settledRevision(task)).isEqualTo(3);
		assertThat(wakes.wakeAt(task)).isEmpty();
		assertThat(wakes.due(now.plusSeconds(3600), 10)).doesNotContain(task);
		transactions.executeWithoutResult(status -> assertThat(wakes.claim(task, now.plusSeconds(3600))).isFalse());
		// read again at a later revision
		transactions.executeWithoutResult(status -> wakes.settle(task, 4));
		assertThat(settledRevision(task)).isEqualTo(4);
		// a task change sets a wake-up over it
		transactions.executeWithoutResult(status -> wakes.set(task, now));
		assertThat(wakes.wakeAt(task)).contains(now);
		assertThat(settledRevision(task)).isNull();
		// and a sweep that read the task before that change leaves the wake-up as it is
		transactions.executeWithoutResult(status -> wakes.settle(task, 4));
		assertThat(wakes.wakeAt(task)).contains(now);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reminder_wake WHERE task_id = ?").param(task).query(Long.class).single()).isOne();
	}

	private Integer settledRevision(String task) {
		List<Integer> revisions = jdbc.sql("SELECT settled_rev FROM reminder_wake WHERE task_id = ?").param(task)
			.query((rs, n) -> (Integer) rs.getObject(1)).list();
		assertThat(revisions).hasSize(1);
		return revisions.get(0);
	}

}
