package vn.dondoc.reminder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reminder pump's ticks are shared by the nodes of a cluster: two clustered Quartz schedulers (two
 * "nodes" in this JVM) on one real PostgreSQL database, with the settings dondoc's nodes run with, and a job
 * scheduled as the pump is. Each node counts the ticks it ran.
 * <p>
 * With a single repeating trigger, the node that holds it takes it again right after each firing, and the
 * other nodes, which look every idle wait (5 s), find it always taken: in a three-node cluster test, one node
 * fired all 500 reminders of a burst (ReminderClusterIT, once in CI). With the pump's
 * {@link ReminderPump#TICKS} triggers, a node that looks finds one that no other node holds.
 */
class PumpTicksInAClusterIT {

	private static final Logger log = LoggerFactory.getLogger(PumpTicksInAClusterIT.class);

	static final JobKey JOB = JobKey.jobKey("reminder-pump", "dondoc");

	/** Ticks run, by the scheduler instance that ran them. */
	static final Map<String, AtomicInteger> ticks = new ConcurrentHashMap<>();

	private final List<Scheduler> nodes = new ArrayList<>();

	@AfterEach
	void stopNodes() throws SchedulerException {
		for (Scheduler node : nodes) {
			node.shutdown(true);
		}
		ticks.clear();
	}

	@Test
	void everyNodeOfTheClusterTakesTicksOfThePump() throws Exception {
		String url = TestPostgres.newDatabase("ticks");
		createQuartzTables(url);
		// each node stores the job at its start, as every dondoc node does; the trigger stored last is free,
		// and the node whose scheduler thread takes it first would keep it
		for (String name : List.of("node-a", "node-b")) {
			Scheduler node = node(url, name);
			RepeatingJobs.schedule(node, JOB, CountingJob.class, "thử", Instant.now(), Duration.ofSeconds(1), ReminderPump.TICKS);
			node.start();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> ticksOf("node-a") + ticksOf("node-b") >= 2 * ReminderPump.TICKS);

		// from now on, for longer than two idle waits of a node's scheduler thread: both nodes take ticks
		int a = ticksOf("node-a");
		int b = ticksOf("node-b");
		await().atMost(Duration.ofSeconds(30)).until(() -> ticksOf("node-a") >= a + 3 && ticksOf("node-b") >= b + 3);
		log.info("Pump ticks by node: {}", ticks);
		assertThat(nodes.get(0).getTriggersOfJob(JOB)).hasSize(ReminderPump.TICKS);
	}

	@Test
	void storingThePumpWithFewerTicksRemovesTheTriggersLeftOver() throws Exception {
		String url = TestPostgres.newDatabase("ticks");
		createQuartzTables(url);
		Scheduler node = node(url, "node-a");
		RepeatingJobs.schedule(node, JOB, CountingJob.class, "thử", Instant.now(), Duration.ofSeconds(1), 4);
		assertThat(node.getTriggersOfJob(JOB)).hasSize(4);
		Instant first = Instant.now().plusSeconds(60);
		RepeatingJobs.schedule(node, JOB, CountingJob.class, "thử", first, Duration.ofSeconds(2), 2);
		assertThat(node.getTriggersOfJob(JOB)).extracting(trigger -> trigger.getKey().getName())
			.containsExactlyInAnyOrder("reminder-pump", "reminder-pump-2");
		assertThat(node.getTriggersOfJob(JOB)).extracting(trigger -> trigger.getStartTime().toInstant())
			.containsExactlyInAnyOrder(first.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
					first.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(1));
	}

	private int ticksOf(String node) {
		AtomicInteger count = ticks.get(node);
		return count == null ? 0 : count.get();
	}

	/** A clustered scheduler with dondoc's settings (application.yml and application-postgres.yml). */
	private Scheduler node(String url, String instanceId) throws SchedulerException {
		Properties settings = new Properties();
		settings.setProperty("org.quartz.scheduler.instanceName", "dondoc");
		settings.setProperty("org.quartz.scheduler.instanceId", instanceId);
		settings.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
		settings.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "8");
		settings.setProperty("org.quartz.threadPool.threadCount", "8");
		settings.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
		settings.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
		settings.setProperty("org.quartz.jobStore.dataSource", "db-" + instanceId);
		settings.setProperty("org.quartz.jobStore.isClustered", "true");
		settings.setProperty("org.quartz.jobStore.clusterCheckinInterval", "10000");
		settings.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
		settings.setProperty("org.quartz.jobStore.useDBLocks", "true");
		settings.setProperty("org.quartz.jobStore.misfireThreshold", "600000");
		settings.setProperty("org.quartz.dataSource.db-" + instanceId + ".provider", "hikaricp");
		settings.setProperty("org.quartz.dataSource.db-" + instanceId + ".driver", "org.postgresql.Driver");
		settings.setProperty("org.quartz.dataSource.db-" + instanceId + ".URL", url);
		settings.setProperty("org.quartz.dataSource.db-" + instanceId + ".user", "postgres");
		settings.setProperty("org.quartz.dataSource.db-" + instanceId + ".password", "postgres");
		settings.setProperty("org.quartz.dataSource.db-" + instanceId + ".maxConnections", "10");
		Scheduler scheduler = new StdSchedulerFactory(settings).getScheduler();
		// a cluster's nodes share the scheduler's name; in one JVM, a factory would hand out the node made before
		SchedulerRepository.getInstance().remove("dondoc");
		nodes.add(scheduler);
		return scheduler;
	}

	private static void createQuartzTables(String url) throws IOException, SQLException {
		String script;
		try (InputStream in = StdSchedulerFactory.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		StringBuilder sql = new StringBuilder();
		script.lines().filter(line -> !line.stripLeading().startsWith("--")).forEach(line -> sql.append(line).append('\n'));
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			for (String command : sql.toString().split(";")) {
				if (!command.isBlank() && !command.strip().equalsIgnoreCase("commit")) {
					statement.execute(command);
				}
			}
		}
	}

	/** Counts the ticks each node runs. */
	public static class CountingJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			try {
				ticks.computeIfAbsent(context.getScheduler().getSchedulerInstanceId(), node -> new AtomicInteger())
					.incrementAndGet();
			}
			catch (SchedulerException e) {
				throw new IllegalStateException(e);
			}
		}

	}

}
