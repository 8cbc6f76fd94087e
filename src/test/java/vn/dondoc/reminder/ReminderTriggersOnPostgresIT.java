package vn.dondoc.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
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
 * The reminder triggers on PostgreSQL, several nodes' worth of them: a firing sets its task's next trigger
 * (an insert, without Quartz's lock) while a unit completes the same task on another node, which removes
 * the task's job. PostgreSQL does not show the removal the firing's uncommitted trigger, and the job row
 * the trigger refers to must not go from under it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dondoc.mail.embedded-port=0", "dondoc.admin.password=Thu-nghiem-2023!", "dondoc.demo.enabled=false",
				"dondoc.notification.poll-interval=0" })
@ActiveProfiles("postgres")
class ReminderTriggersOnPostgresIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres.useNewDatabase(registry, "reminder");
	}

	@Autowired
	ReminderTriggers triggers;

	@Autowired
	Scheduler scheduler;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTaskClosedWhileItsFiringSetsTheNextTriggerLeavesNeitherJobNorTrigger() throws Exception {
		String task = "race-" + System.nanoTime();
		Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
		// the task's job, its trigger used up by the firing under way
		transactions.executeWithoutResult(status -> triggers.setFirst(task, tomorrow));
		transactions.executeWithoutResult(status -> triggers.set(task, null, false));
		assertThat(scheduler.checkExists(JobKey.jobKey(task, ReminderTriggers.GROUP))).isTrue();

		CountDownLatch set = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Future<?> firing = nodes.submit(() -> transactions.executeWithoutResult(status -> {
				triggers.set(task, tomorrow.plus(Duration.ofDays(1)), true);
				set.countDown();
				Latches.awaitQuietly(commit);
			}));
			assertThat(set.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> closing = nodes.submit(() -> transactions.executeWithoutResult(status -> triggers.remove(task)));
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
		assertThat(scheduler.checkExists(JobKey.jobKey(task, ReminderTriggers.GROUP))).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM qrtz_triggers WHERE job_name = ?").param(task).query(Long.class).single()).isZero();
	}

}
