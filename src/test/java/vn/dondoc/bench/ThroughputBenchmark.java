package vn.dondoc.bench;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

import vn.dondoc.notification.SmtpSockets;
import vn.dondoc.support.NodeProcess;
import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * dondoc against raw Camunda and raw Quartz, on the same machine and the same embedded PostgreSQL server,
 * in the same run: import throughput, reminder throughput and burst lateness. Prints a table and writes
 * it to {@code BENCHMARKS.md} (between the markers). Run with {@code mvn -Pbench verify}; sizes with
 * {@code -Dbench.import=400 -Dbench.reminders=1000}.
 */
class ThroughputBenchmark {

	static final int IMPORT_N = Integer.getInteger("bench.import", 400);

	static final int REMINDER_N = Integer.getInteger("bench.reminders", 1000);

	static final int THREADS = 4;

	/** Directives started before the clock runs, on both sides, so that neither is measured cold. */
	static final int WARM_UP = Integer.getInteger("bench.warm-up", 200);

	/** Which parts to run: import, reminders or both (the default). */
	static final String PARTS = System.getProperty("bench.parts", "import,reminders");

	static final int DIRECTIVES_PER_DOCUMENT = 10;

	static final List<String> UNITS = List.of("ban-to-chuc", "ban-tuyen-giao", "ban-dan-van", "ban-noi-chinh",
			"uy-ban-kiem-tra", "bcsd-ubnd", "dd-hdnd", "dd-mttq", "qu-le-chan", "hu-thuy-nguyen");

	final List<String[]> table = new ArrayList<>();

	@Test
	void measure() throws Exception {
		// the nodes run as shipped (both compilers), as the baselines in this JVM do; -Dbench.node.jvm adds options
		System.setProperty(NodeProcess.JVM_OPTIONS, System.getProperty("bench.node.jvm", ""));
		GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			// without the import part, the rate assumed to plan the burst after the import (-Dbench.import-rate: lower on a busy machine)
			double dondocImport = Double.parseDouble(System.getProperty("bench.import-rate", "30"));
			if (PARTS.contains("import")) {
				Rate camunda = rawCamundaStarts(IMPORT_N);
				Rate dondoc = dondocImport(IMPORT_N, smtp, null);
				// the same policy without the assignment notice: what the import itself costs, and what the notice adds
				Path policy = Files.createTempFile("policy-without-notice", ".yml");
				Files.writeString(policy, Files.readString(Path.of("config/reminder-policy.yml"))
					.replace("assignmentNotice: true", "assignmentNotice: false"));
				Rate withoutNotice;
				try {
					withoutNotice = dondocImport(IMPORT_N, smtp, policy);
				}
				finally {
					Files.deleteIfExists(policy);
				}
				dondocImport = dondoc.perSecond();
				row("Import: directives/s, " + THREADS + " threads, N=" + IMPORT_N, dondoc.perSecond(), camunda.perSecond(),
						"raw Camunda: startProcessInstanceByKey, one user task, due date + candidate group");
				row("Import without the assignment notice: directives/s", withoutNotice.perSecond(), camunda.perSecond(),
						"the same node with the reminder policy as shipped, less «assignmentNotice»: the import alone");
				cpuRow("Import: CPU ms a directive, JVM + PostgreSQL", dondoc, camunda,
						"dondoc: its node and PostgreSQL, until each assignment notice is accepted by SMTP (GreenMail not counted); "
								+ "raw Camunda: the benchmark's JVM and PostgreSQL; ratio raw ÷ dondoc");
				cpuRow("Import without the assignment notice: CPU ms a directive", withoutNotice, camunda,
						"as above, the node without notices to fire and send");
				if (!dondoc.byThread().isEmpty()) {
					table.add(new String[] { "Import: the node's CPU ms a directive, by thread", dondoc.byThread(), "", "",
							"the first row's node JVM over the same stretch, by thread name (/proc)" });
					table.add(new String[] { "Import without the assignment notice: by thread", withoutNotice.byThread(), "", "",
							"the same for the node without notices" });
				}
			}
			if (PARTS.contains("reminders")) {
				reminders(smtp, dondocImport);
			}
		}
		finally {
			smtp.stop();
		}
		String markdown = markdown();
		System.out.println(markdown);
		if (PARTS.contains("import") && PARTS.contains("reminders")) {
			Bench.writeSection("bench", markdown);
		}
	}

	private void reminders(GreenMail smtp, double dondocImport) throws Exception {
		Burst quartz = rawQuartz(REMINDER_N);
		warmUp(smtp, SMTP_WARM_UP);
		Burst reminders = dondocReminders(REMINDER_N, smtp, dondocImport);
		row("Reminders: fired and accepted by SMTP per s, N=" + REMINDER_N, reminders.perSecond, quartz.perSecond,
				"raw Quartz: no-op jobs, default settings, JDBC JobStore on the same PostgreSQL");
		table.add(new String[] { "Burst lateness p50 / p99 (s), N=" + REMINDER_N + " due at one instant",
				Bench.fmt(reminders.p50) + " / " + Bench.fmt(reminders.p99), Bench.fmt(quartz.p50) + " / " + Bench.fmt(quartz.p99), "",
				"dondoc: SMTP accepted − planned; Quartz: job ran − planned" });
		table.add(new String[] { "Reminders fired (reminder_log) per s", Bench.fmt(reminders.firedPerSecond), "", "",
				"steps recorded and queued in the outbox, before SMTP" });
		// the most any sender could get through on this machine: the burst's own messages sent again to the
		// same server by a plain client that does nothing else, as dondoc sends (50 per connection)
		List<MimeMessage> sent = distinctMessages(smtp, Math.min(REMINDER_N, CEILING_N));
		double plainCpuMs = 0;
		for (int connections : List.of(4, 8)) {
			Duration before = Bench.ownCpu();
			row("SMTP server alone: the same messages resent per s, " + connections + " connections", reminders.perSecond,
					smtpAlone(smtp, sent, connections), "ceiling: a plain JavaMail client sending dondoc's " + sent.size()
							+ " messages again to the same GreenMail, nothing else running");
			if (connections == 4) {
				plainCpuMs = Bench.ownCpu().minus(before).toMillis() / (double) sent.size();
			}
		}
		double[] cpu = reminders.cpuMs();
		table.add(new String[] { "Burst: CPU ms a message, node + PostgreSQL + SMTP server",
				Bench.fmt(reminders.cpuTotalMs()) + " (" + Bench.fmt(cpu[0]) + " + " + Bench.fmt(cpu[1]) + " + " + Bench.fmt(cpu[2]) + ")",
				Bench.fmt(plainCpuMs), String.format(Locale.ROOT, "%.2f×", plainCpuMs / reminders.cpuTotalMs()),
				"from a second before the burst to the last message accepted; baseline: the plain client and the server, "
						+ "4 connections, in the benchmark's JVM" });
	}

	// ---- import ----

	/** Raw Camunda 7 (standalone engine, defaults) starting one-user-task processes from 4 threads. */
	static Rate rawCamundaStarts(int n) throws Exception {
		String url = TestPostgres.newDatabase("bench_camunda");
		ProcessEngine engine = Bench.rawCamunda(url, "org.postgresql.Driver", "postgres", "postgres");
		try {
			Date due = Date.from(LocalDate.now().plusDays(60).atStartOfDay(Bench.VIETNAM).toInstant());
			// warm-up, not counted
			for (int i = 0; i < WARM_UP; i++) {
				engine.getRuntimeService().startProcessInstanceByKey("bench", "warm-" + i, Map.of("unit", "ban-to-chuc", "dueDate", due));
			}
			Map<Long, Duration> cpu = Bench.cpu(ProcessHandle.current().pid());
			double perSecond = parallel(n, i -> engine.getRuntimeService().startProcessInstanceByKey("bench", "bench-" + i,
					Map.of("unit", UNITS.get(i % UNITS.size()), "dueDate", due)));
			return new Rate(perSecond, Bench.cpuSince(cpu, ProcessHandle.current().pid()), n);
		}
		finally {
			engine.close();
		}
	}

	/** dondoc on PostgreSQL (a separate JVM, production profile): documents of 10 directives from 4 threads. */
	static Rate dondocImport(int n, GreenMail smtp, Path policy) throws Exception {
		String url = TestPostgres.newDatabase("bench_import");
		try (NodeProcess node = NodeProcess.start("bench-import", Bench.settings(url, smtp.getSmtp().getPort(), policy, null), Duration.ofMinutes(3));
				Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
			// warm-up, not counted: as many directives as the raw engine starts before its clock runs, and the
			// work they leave behind (each unit's assignment notice, fired and sent after the import commits)
			for (int i = 0; i < WARM_UP / DIRECTIVES_PER_DOCUMENT; i++) {
				Bench.importDocument(node, document("WARM-" + i, i, DIRECTIVES_PER_DOCUMENT, LocalDate.now(Bench.VIETNAM), LocalDate.now(Bench.VIETNAM).plusDays(60)));
			}
			awaitIdle(db);
			Map<Long, Duration> cpu = Bench.cpu(node.pid());
			Map<String, Double> threads = Bench.threadCpu(node.pid());
			int documents = n / DIRECTIVES_PER_DOCUMENT;
			LocalDate issued = LocalDate.now(Bench.VIETNAM);
			double perSecond = parallel(documents, i -> {
				HttpResponse<String> response = Bench.importDocument(node, document("IMPORT-" + i, i, DIRECTIVES_PER_DOCUMENT, issued, issued.plusDays(60)));
				if (response.statusCode() != 201) {
					throw new IllegalStateException(response.body());
				}
			});
			awaitIdle(db);
			assertThat(count(db, "SELECT COUNT(*) FROM notification WHERE state = 'SENT' AND kind = 'ASSIGNMENT'"))
				.as("every directive's assignment notice sent").isEqualTo(policy == null ? WARM_UP + (long) documents * DIRECTIVES_PER_DOCUMENT : 0);
			int directives = documents * DIRECTIVES_PER_DOCUMENT;
			return new Rate(perSecond * DIRECTIVES_PER_DOCUMENT, Bench.cpuSince(cpu, node.pid()), directives,
					Bench.threadCpuSince(threads, node.pid(), directives));
		}
	}

	/** Until the node has nothing left to fire or send: no reminder due, no mail pending. */
	private static void awaitIdle(Connection db) {
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
			.until(() -> count(db, "SELECT COUNT(*) FROM reminder_wake WHERE wake_at <= now()") == 0
					&& count(db, "SELECT COUNT(*) FROM notification WHERE state = 'PENDING'") == 0);
	}

	/** Directives a second, and the CPU milliseconds each cost the processes that did the work: JVM and PostgreSQL. */
	record Rate(double perSecond, double jvmMs, double postgresMs, String byThread) {

		Rate(double perSecond, double[] cpuSeconds, int directives) {
			this(perSecond, cpuSeconds, directives, "");
		}

		/** @param byThread the JVM's milliseconds a directive by kind of thread ({@link Bench#threadCpuSince}) */
		Rate(double perSecond, double[] cpuSeconds, int directives, String byThread) {
			this(perSecond, cpuSeconds[0] * 1000 / directives, cpuSeconds[1] * 1000 / directives, byThread);
		}

		double cpuMs() {
			return jvmMs + postgresMs;
		}

		String split() {
			return Bench.fmt(jvmMs) + " + " + Bench.fmt(postgresMs);
		}

	}

	// ---- reminders ----

	/**
	 * @param cpuMs CPU a message over the burst, ms: dondoc's node, PostgreSQL, and the benchmark's JVM (the SMTP
	 * server); empty for raw Quartz
	 */
	record Burst(double perSecond, double firedPerSecond, double p50, double p99, double[] cpuMs) {

		Burst(double perSecond, double firedPerSecond, double p50, double p99) {
			this(perSecond, firedPerSecond, p50, p99, new double[0]);
		}

		/** The three parts of {@link #cpuMs} together. */
		double cpuTotalMs() {
			return cpuMs[0] + cpuMs[1] + cpuMs[2];
		}

	}

	/** N no-op Quartz jobs due at one instant, default settings but a JDBC JobStore on PostgreSQL. */
	static Burst rawQuartz(int n) throws Exception {
		String url = TestPostgres.newDatabase("bench_quartz");
		try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = db.createStatement();
				InputStream script = StdSchedulerFactory.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
			statement.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
		}
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", "bench");
		properties.setProperty("org.quartz.threadPool.threadCount", "10");   // quartz.properties' default
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
		properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
		properties.setProperty("org.quartz.jobStore.dataSource", "db");
		properties.setProperty("org.quartz.dataSource.db.provider", "hikaricp");
		properties.setProperty("org.quartz.dataSource.db.driver", "org.postgresql.Driver");
		properties.setProperty("org.quartz.dataSource.db.URL", url);
		properties.setProperty("org.quartz.dataSource.db.user", "postgres");
		properties.setProperty("org.quartz.dataSource.db.password", "postgres");
		properties.setProperty("org.quartz.dataSource.db.maxConnections", "12");
		Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
		NoOp.ran.clear();
		try {
			Instant at = Instant.now().plusSeconds(20 + n / 50);
			for (int i = 0; i < n; i++) {
				scheduler.scheduleJob(JobBuilder.newJob(NoOp.class).withIdentity("job-" + i, "bench").build(),
						TriggerBuilder.newTrigger().withIdentity("t-" + i, "bench").startAt(Date.from(at)).build());
			}
			assertThat(Instant.now()).as("scheduling took longer than planned").isBefore(at);
			scheduler.start();
			await().atMost(Duration.ofMinutes(10)).until(() -> NoOp.ran.size() >= n);
			List<Double> lateness = new ArrayList<>();
			double last = 0;
			for (Instant ran : NoOp.ran) {
				double late = Duration.between(at, ran).toMillis() / 1000.0;
				lateness.add(late);
				last = Math.max(last, late);
			}
			return new Burst(n / last, n / last, Bench.percentile(lateness, 50), Bench.percentile(lateness, 99));
		}
		finally {
			scheduler.shutdown(false);
		}
	}

	/** The no-op job of the Quartz baseline: notes when it ran. */
	public static class NoOp implements Job {

		static final ConcurrentLinkedQueue<Instant> ran = new ConcurrentLinkedQueue<>();

		@Override
		public void execute(JobExecutionContext context) {
			ran.add(Instant.now());
		}

	}

	/**
	 * dondoc with one reminder step ("đúng hạn") on N tasks all due the same day: the business clock is set so
	 * that 07:30 of that day comes right after the import; measured from 07:30 to the last reminder accepted by
	 * the SMTP server (notification.sent_at) and the last step recorded.
	 * <p>
	 * Each task's assignment notice is fired and sent after the import, before 07:30 and not counted
	 * ({@link #BURST_WARM}): a node in service has fired and sent mail on the days before its morning burst, so
	 * its code is compiled by then, as the plain client's and the SMTP server's are ({@link #warmUp}). Without
	 * them the burst was the node's first mail, and a third of its CPU went to the JIT compilers (JFR, N = 5,000).
	 */
	static Burst dondocReminders(int n, GreenMail smtp, double importRate) throws Exception {
		String url = TestPostgres.newDatabase("bench_reminders");
		Path policy = Files.createTempFile("bench-policy", ".yml");
		policy.toFile().deleteOnExit();   // the node reads it at start-up; the benchmark's JVM outlives the node
		Files.writeString(policy, """
				default: bench
				policies:
				  bench:
				    assignmentNotice: %s
				    steps:
				      - { id: den-han, when: đúng hạn, message: DUE_TODAY, to: UNIT }
				""".formatted(BURST_WARM));
		Instant burst = LocalDateTime.of(2023, 6, 28, 7, 30).atZone(Bench.VIETNAM).toInstant();
		// start-up (about a minute here) + the import at the measured rate, with a margin (twice that with the
		// assignment notices: the rate measured as shipped was while they were sent, but they end after it)
		Duration lead = Duration.ofSeconds(120 + (long) ((BURST_WARM ? 4.0 : 2.0) * n / Math.max(importRate, 1)));
		long offset = Duration.between(Instant.now(), burst.minus(lead)).toMillis();
		int before = smtp.getReceivedMessages().length;
		try (NodeProcess node = NodeProcess.start("bench-reminders", Bench.settings(url, smtp.getSmtp().getPort(), policy, offset), Duration.ofMinutes(3));
				Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
			int documents = n / DIRECTIVES_PER_DOCUMENT;
			parallel(documents, i -> {
				HttpResponse<String> response = Bench.importDocument(node, document("BURST-" + i, i, DIRECTIVES_PER_DOCUMENT,
						LocalDate.of(2023, 4, 13), LocalDate.of(2023, 6, 28)));
				if (response.statusCode() != 201) {
					throw new IllegalStateException(response.body());
				}
			});
			if (BURST_WARM) {
				await().atMost(lead).pollInterval(Duration.ofMillis(500))
					.until(() -> count(db, "SELECT COUNT(*) FROM notification WHERE kind = 'ASSIGNMENT' AND state = 'SENT'") >= n);
			}
			Instant businessNow = Instant.now().plusMillis(offset);
			assertThat(businessNow).as("the import (and the assignment notices) must end before the burst").isBefore(burst);
			// from just before 07:30 (the node idle since the import) to the last message accepted
			await().atMost(lead).pollInterval(Duration.ofMillis(200))
				.until(() -> !Instant.now().plusMillis(offset).isBefore(burst.minusSeconds(1)));
			Map<Long, Duration> cpu = Bench.cpu(node.pid());
			Duration server = Bench.ownCpu();
			await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
				.until(() -> count(db, "SELECT COUNT(*) FROM notification WHERE kind = 'DUE_TODAY' AND state = 'SENT'") >= n);
			double[] used = Bench.cpuSince(cpu, node.pid());
			double[] cpuMs = { used[0] * 1000 / n, used[1] * 1000 / n, Bench.ownCpu().minus(server).toMillis() / (double) n };
			assertThat(smtp.getReceivedMessages().length - before).isGreaterThanOrEqualTo(BURST_WARM ? 2 * n : n);
			List<Double> lateness = new ArrayList<>();
			try (ResultSet rs = db.createStatement().executeQuery("SELECT sent_at FROM notification WHERE kind = 'DUE_TODAY' AND state = 'SENT'")) {
				while (rs.next()) {
					lateness.add(Duration.between(burst, rs.getTimestamp(1).toInstant()).toMillis() / 1000.0);
				}
			}
			double lastFired;
			try (ResultSet rs = db.createStatement().executeQuery("SELECT MAX(handled_at) FROM reminder_log WHERE state = 'SENT'")) {
				rs.next();
				lastFired = Duration.between(burst, rs.getTimestamp(1).toInstant()).toMillis() / 1000.0;
			}
			double last = Collections.max(lateness);
			return new Burst(n / last, n / lastFired, Bench.percentile(lateness, 50), Bench.percentile(lateness, 99), cpuMs);
		}
	}

	// ---- SMTP alone ----

	/** Whether the burst's node sends each task's assignment notice first, not counted (-Dbench.burst-warm, on by default). */
	static final boolean BURST_WARM = Boolean.parseBoolean(System.getProperty("bench.burst-warm", "true"));

	/** Messages the plain client sends to the server before dondoc's burst, not counted ({@link #warmUp}). */
	static final int SMTP_WARM_UP = Integer.getInteger("bench.smtp-warm-up", 1000);

	/**
	 * The server's own warm-up: GreenMail runs in this JVM, and its first thousand messages cost it twice the
	 * CPU of later ones (the JIT compiles it meanwhile). Without this, that cost fell on dondoc's burst, which
	 * is the server's first traffic, and the plain client measured afterwards met a server already compiled.
	 * Messages of a reminder's shape (two bodies, a calendar file), then deleted.
	 */
	static void warmUp(GreenMail smtp, int n) throws Exception {
		if (n <= 0) {
			return;
		}
		Session session = Session.getInstance(new Properties());
		List<MimeMessage> messages = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			MimeMessage message = new MimeMessage(session);
			message.setFrom("theo-doi@thanhuy-haiphong.example");
			message.setRecipients(Message.RecipientType.TO, "khoi-dong-" + (i % 20) + "@thanhuy-haiphong.example");
			message.setSubject("Khởi động máy chủ thư: thư thứ " + i, "UTF-8");
			MimeMultipart alternative = new MimeMultipart("alternative");
			MimeBodyPart text = new MimeBodyPart();
			text.setText("Nhiệm vụ đo hiệu năng " + i + ": đến hạn hôm nay.\n".repeat(20), "UTF-8");
			MimeBodyPart html = new MimeBodyPart();
			html.setContent("<p>Nhiệm vụ đo hiệu năng " + i + ": <b>đến hạn hôm nay</b>.</p>".repeat(40), "text/html; charset=UTF-8");
			alternative.addBodyPart(text);
			alternative.addBodyPart(html);
			MimeBodyPart calendar = new MimeBodyPart();
			calendar.setContent("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:warm-" + i
					+ "\r\nDTSTART;VALUE=DATE:20230628\r\nSUMMARY:Hạn nhiệm vụ\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
					"text/calendar; charset=UTF-8");
			calendar.setFileName("han.ics");
			MimeMultipart mixed = new MimeMultipart("mixed");
			MimeBodyPart body = new MimeBodyPart();
			body.setContent(alternative);
			mixed.addBodyPart(body);
			mixed.addBodyPart(calendar);
			message.setContent(mixed);
			message.saveChanges();
			messages.add(message);
		}
		smtpAlone(smtp, messages, 4);
		smtp.purgeEmailFromAllMailboxes();
	}

	/** Messages resent to measure the SMTP server alone (more would only take longer). */
	static final int CEILING_N = Integer.getInteger("bench.ceiling", 2000);

	/** The last {@code n} messages the server received, once each (it keeps one copy per recipient). */
	static List<MimeMessage> distinctMessages(GreenMail smtp, int n) throws Exception {
		Map<String, MimeMessage> byId = new LinkedHashMap<>();
		MimeMessage[] received = smtp.getReceivedMessages();
		for (int i = received.length - 1; i >= 0 && byId.size() < n; i--) {
			byId.putIfAbsent(received[i].getMessageID(), received[i]);
		}
		return new ArrayList<>(byId.values());
	}

	/**
	 * Messages accepted per second when a plain JavaMail client sends the given messages to the server from
	 * several threads, each over its own connection, reconnecting after 50 as dondoc's senders do.
	 */
	static double smtpAlone(GreenMail smtp, List<MimeMessage> messages, int connections) throws Exception {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", "127.0.0.1");
		properties.setProperty("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
		SmtpSockets.noDelay(properties);
		Session session = Session.getInstance(properties);
		int before = smtp.getReceivedMessages().length;
		int recipients = 0;
		for (MimeMessage message : messages) {
			recipients += message.getAllRecipients().length;
		}
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		long start = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < connections; t++) {
				futures.add(pool.submit(() -> {
					Transport transport = null;
					int onConnection = 0;
					try {
						for (int i = next.getAndIncrement(); i < messages.size(); i = next.getAndIncrement()) {
							if (transport == null || onConnection == 50) {
								if (transport != null) {
									transport.close();
								}
								transport = session.getTransport("smtp");
								transport.connect();
								onConnection = 0;
							}
							transport.sendMessage(messages.get(i), messages.get(i).getAllRecipients());
							onConnection++;
						}
					}
					finally {
						if (transport != null) {
							transport.close();
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		double perSecond = messages.size() / ((System.nanoTime() - start) / 1e9);
		assertThat(smtp.getReceivedMessages().length - before).as("copies stored by the server").isEqualTo(recipients);
		return perSecond;
	}

	// ---- helpers ----

	interface Step {

		void run(int i) throws Exception;

	}

	/** Runs n steps on 4 threads; steps per second of wall-clock time. */
	static double parallel(int n, Step step) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
						step.run(i);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		return n / ((System.nanoTime() - start) / 1e9);
	}

	static String document(String code, int index, int directives, LocalDate issued, LocalDate due) {
		StringBuilder yaml = new StringBuilder("code: " + code + "\ntitle: Văn bản đo hiệu năng " + index + "\nissuedOn: "
				+ issued + "\ndirectives:\n");
		for (int d = 1; d <= directives; d++) {
			yaml.append("  - { section: \"").append(d).append("\", text: \"Nhiệm vụ đo hiệu năng ").append(index).append('.')
				.append(d).append("\", lead: [").append(UNITS.get((index + d) % UNITS.size())).append("], dueDate: ")
				.append(due).append(" }\n");
		}
		return yaml.toString();
	}

	static long count(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	void row(String what, double dondoc, double baseline, String note) {
		table.add(new String[] { what, Bench.fmt(dondoc), Bench.fmt(baseline), String.format("%.2f×", dondoc / baseline), note });
	}

	/** CPU a directive, JVM + PostgreSQL; less is better, so the ratio is baseline ÷ dondoc, comparable with a rate's. */
	void cpuRow(String what, Rate dondoc, Rate baseline, String note) {
		table.add(new String[] { what, Bench.fmt(dondoc.cpuMs()) + " (" + dondoc.split() + ")",
				Bench.fmt(baseline.cpuMs()) + " (" + baseline.split() + ")", String.format("%.2f×", baseline.cpuMs() / dondoc.cpuMs()), note });
	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("Measured ").append(ZonedDateTime.now(Bench.VIETNAM).toLocalDate()).append(" on ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ").append(System.getProperty("java.version"))
			.append(", embedded PostgreSQL (io.zonky), GreenMail SMTP on localhost; dondoc as its own JVM (-Xmx512m, profile postgres).\n\n");
		out.append("| what | dondoc | baseline | ratio | notes |\n|---|---|---|---|---|\n");
		for (String[] row : table) {
			out.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		return out.toString();
	}

}
