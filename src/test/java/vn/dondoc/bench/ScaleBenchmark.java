package vn.dondoc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

import vn.dondoc.support.NodeProcess;
import vn.dondoc.support.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * dondoc with 100,000 open directives on PostgreSQL: start-up time, heap after a full GC, and response times
 * of the directive API and the dashboard, next to the same figures for the imported sample alone. The data
 * is a sample imported and worked on through the REST APIs ({@link ScaleSample}), multiplied with SQL
 * ({@link ScaleClone}). Prints a table and writes it to {@code BENCHMARKS.md} between the {@code scale}
 * markers. Run alone with {@code mvn -Pbench verify -Dit.test=ScaleBenchmark}; sizes with
 * {@code -Dbench.scale.directives=100000 -Dbench.scale.sample=500 -Dbench.scale.requests=300}.
 */
class ScaleBenchmark {

	static final int DIRECTIVES = Integer.getInteger("bench.scale.directives", 100_000);

	/** Directives imported through the API; a multiple of {@value ScaleSample#DIRECTIVES_PER_DOCUMENT}. */
	static final int SAMPLE = Integer.getInteger("bench.scale.sample", 500);

	static final int REQUESTS = Integer.getInteger("bench.scale.requests", 300);

	/** The measured node: the production heap limit, the JVM's defaults otherwise (as {@code java -jar}). */
	static final List<String> JVM = List.of("-Xmx512m");

	static final Duration START_TIMEOUT = Duration.ofMinutes(6);

	/** What one node run on the database measured. */
	record Run(double startupSeconds, double heapIdleMb, double heapAfterMb, List<ScaleProbe.Timing> timings, long remindersFired,
			ScaleProbe.Sweep firstSweep, ScaleProbe.Sweep secondSweep, String check) {
	}

	/** Something checked on the running node after the measurement; says what it found. */
	interface Check {

		String on(NodeProcess node) throws Exception;

	}

	@Test
	void measure() throws Exception {
		GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		String url = TestPostgres.newDatabase("bench_scale");
		Map<String, String> settings = Bench.settings(url, smtp.getSmtp().getPort(), null, null);
		LocalDate today = LocalDate.now(Bench.VIETNAM);
		String loadBefore = loadAverage();
		try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
			// the real part: imported and worked on through the APIs
			double importSeconds;
			double workSeconds;
			ScaleSample.Work work;
			try (NodeProcess node = NodeProcess.start("scale-seed", settings, START_TIMEOUT, JVM)) {
				long start = System.nanoTime();
				ScaleSample.importAll(node, ScaleSample.documents(SAMPLE / ScaleSample.DIRECTIVES_PER_DOCUMENT, today));
				importSeconds = (System.nanoTime() - start) / 1e9;
				settle(db);
				start = System.nanoTime();
				work = ScaleSample.work(node, db, today);
				workSeconds = (System.nanoTime() - start) / 1e9;
				settle(db);
			}
			Map<String, Long> sampleRows = rows(db);
			Run small = run("scale-sample", settings, db, new ScaleProbe.Budget(10, Duration.ofSeconds(30), 100, Duration.ofSeconds(60)),
					node -> null);

			// the cloned part
			ScaleClone.Result clone = ScaleClone.multiply(db, DIRECTIVES);
			Map<String, Long> largeRows = rows(db);
			String largest = largestTables(db);
			Run large = run("scale-large", settings, db, new ScaleProbe.Budget(20, Duration.ofSeconds(60), REQUESTS, Duration.ofSeconds(120)),
					node -> clonesAreAlive(node, db));

			String markdown = markdown(loadBefore, loadAverage(), importSeconds, workSeconds, work, clone, sampleRows, largeRows,
					small, large, postgres(db)) + largest;
			System.out.println(markdown);
			Bench.writeSection("scale", markdown);
		}
		finally {
			smtp.stop();
		}
	}

	/** Starts a node on the database, measures, checks, stops it. */
	static Run run(String name, Map<String, String> settings, Connection db, ScaleProbe.Budget budget, Check check) throws Exception {
		long start = System.nanoTime();
		try (NodeProcess node = NodeProcess.start(name, settings, START_TIMEOUT, JVM)) {
			double startup = (System.nanoTime() - start) / 1e9;
			double idle = ScaleProbe.heapAfterGc(node);
			long reminders = ScaleProbe.count(db, "SELECT COUNT(*) FROM reminder_log");
			List<ScaleProbe.Timing> timings = ScaleProbe.run(node, db, budget);
			long fired = ScaleProbe.count(db, "SELECT COUNT(*) FROM reminder_log") - reminders;
			double after = ScaleProbe.heapAfterGc(node);
			// after the requests, so as not to weigh on them: a sweep reads the open tasks without a wake-up that no
			// sweep has found with nothing left to send before (on any node: it is recorded in reminder_wake)
			ScaleProbe.Sweep first = ScaleProbe.sweep(node);
			ScaleProbe.Sweep second = ScaleProbe.sweep(node);
			return new Run(startup, idle, after, timings, fired, first, second, check.on(node));
		}
	}

	/** Waits until the node has nothing due: no Camunda job, no reminder wake-up, no message in the outbox. */
	static void settle(Connection db) {
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			try (PreparedStatement jobs = db.prepareStatement(
					"SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= ?)");
					PreparedStatement wakes = db.prepareStatement("SELECT COUNT(*) FROM reminder_wake WHERE wake_at <= ?")) {
				jobs.setTimestamp(1, Timestamp.from(Instant.now()));
				wakes.setTimestamp(1, Timestamp.from(Instant.now()));
				return single(jobs) + single(wakes)
						+ ScaleProbe.count(db, "SELECT COUNT(*) FROM notification WHERE state = 'PENDING'") == 0;
			}
		});
	}

	/**
	 * A copied directive is a live one: the first open part of the last copy is reported and accepted through
	 * {@code /engine-rest}; the engine finds the copied task, variables and scope, and dondoc's listener marks
	 * the copied part done.
	 */
	static String clonesAreAlive(NodeProcess node, Connection db) throws Exception {
		String task;
		long directive;
		try (PreparedStatement query = db.prepareStatement("""
				SELECT u.task_id, u.directive_id FROM directive_unit u
				WHERE u.role = 'LEAD' AND u.completed_at IS NULL AND u.task_id IS NOT NULL ORDER BY u.directive_id DESC LIMIT 1""");
				ResultSet rs = query.executeQuery()) {
			rs.next();
			task = rs.getString(1);
			directive = rs.getLong(2);
		}
		ScaleSample.completePart(node, task);
		long done = ScaleProbe.count(db, "SELECT COUNT(*) FROM directive_unit WHERE task_id = '" + task + "' AND completed_at IS NOT NULL");
		assertThat(done).as("the copied part of directive %d is done", directive).isEqualTo(1);
		return "directive " + directive + " (a copy): its task " + task + " reported and accepted through /engine-rest, part recorded done";
	}

	static Map<String, Long> rows(Connection db) throws Exception {
		Map<String, Long> rows = new java.util.LinkedHashMap<>();
		rows.put("documents", ScaleProbe.count(db, "SELECT COUNT(*) FROM document"));
		rows.put("directives", ScaleProbe.count(db, "SELECT COUNT(*) FROM directive"));
		rows.put("open directives (a lead part open)", ScaleProbe.count(db, "SELECT COUNT(DISTINCT directive_id) FROM directive_unit"
				+ " WHERE role = 'LEAD' AND completed_at IS NULL"));
		rows.put("lead unit parts", ScaleProbe.count(db, "SELECT COUNT(*) FROM directive_unit WHERE role = 'LEAD'"));
		rows.put("open Camunda tasks", ScaleProbe.count(db, "SELECT COUNT(*) FROM act_ru_task"));
		rows.put("Camunda runtime variables", ScaleProbe.count(db, "SELECT COUNT(*) FROM act_ru_variable"));
		rows.put("Camunda history variables", ScaleProbe.count(db, "SELECT COUNT(*) FROM act_hi_varinst"));
		rows.put("Camunda jobs (timers)", ScaleProbe.count(db, "SELECT COUNT(*) FROM act_ru_job"));
		rows.put("reminder wake-ups", ScaleProbe.count(db, "SELECT COUNT(*) FROM reminder_wake WHERE wake_at IS NOT NULL"));
		rows.put("open tasks known to have no reminder left (rows without a moment)",
				ScaleProbe.count(db, "SELECT COUNT(*) FROM reminder_wake WHERE wake_at IS NULL"));
		rows.put("Quartz triggers", ScaleProbe.count(db, "SELECT COUNT(*) FROM qrtz_triggers"));
		rows.put("reminder_log", ScaleProbe.count(db, "SELECT COUNT(*) FROM reminder_log"));
		rows.put("notification", ScaleProbe.count(db, "SELECT COUNT(*) FROM notification"));
		rows.put("history_entry", ScaleProbe.count(db, "SELECT COUNT(*) FROM history_entry"));
		rows.put("database size (MB)", ScaleProbe.count(db, "SELECT pg_database_size(current_database())") / (1024 * 1024));
		return rows;
	}

	/** Where the bytes are: the largest tables after the copy, with their indexes and TOAST, per directive too. */
	static String largestTables(Connection db) throws Exception {
		long directives = ScaleProbe.count(db, "SELECT COUNT(*) FROM directive");
		StringBuilder out = new StringBuilder("\n\n| largest tables after the copy | MB, with indexes and TOAST | bytes per directive |\n|---|---|---|\n");
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("SELECT relname, pg_total_relation_size(relid) FROM pg_catalog.pg_statio_user_tables"
						+ " ORDER BY 2 DESC LIMIT 15")) {
			while (rs.next()) {
				long bytes = rs.getLong(2);
				out.append("| ").append(rs.getString(1)).append(" | ").append(bytes / (1024 * 1024)).append(" | ")
					.append(directives == 0 ? 0 : bytes / directives).append(" |\n");
			}
		}
		return out.toString();
	}

	static String postgres(Connection db) throws Exception {
		return "PostgreSQL " + ScaleProbe.column(db, "SHOW server_version").get(0) + ", shared_buffers "
				+ ScaleProbe.column(db, "SHOW shared_buffers").get(0) + ", work_mem " + ScaleProbe.column(db, "SHOW work_mem").get(0)
				+ ", fsync " + ScaleProbe.column(db, "SHOW fsync").get(0);
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " / " + parts[1] + " / " + parts[2];
		}
		catch (Exception e) {
			return "unknown";
		}
	}

	private static long single(PreparedStatement statement) throws Exception {
		try (ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String markdown(String loadBefore, String loadAfter, double importSeconds, double workSeconds,
			ScaleSample.Work work, ScaleClone.Result clone, Map<String, Long> sampleRows, Map<String, Long> largeRows, Run small,
			Run large, String postgres) {
		StringBuilder out = new StringBuilder();
		out.append("Measured ").append(ZonedDateTime.now(Bench.VIETNAM).toLocalDate()).append(" on ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores (load average 1/5/15 min: ").append(loadBefore)
			.append(" before, ").append(loadAfter).append(" after), Java ").append(System.getProperty("java.version"))
			.append(", embedded ").append(postgres).append("; dondoc as its own JVM (")
			.append(String.join(" ", JVM)).append(", profile postgres), one client, requests one after another.\n\n");
		out.append("Data: ").append(clone.sampleDirectives()).append(" directives imported through `POST /api/documents` in ")
			.append(Bench.fmt(importSeconds)).append(" s and worked on through `/engine-rest` in ").append(Bench.fmt(workSeconds))
			.append(" s (").append(work.accepted()).append(" parts reported and accepted, ").append(work.waitingForReview())
			.append(" reports waiting for review, ").append(work.extensionsAsked()).append(" extensions asked), then copied ")
			.append(clone.copies()).append(" times with SQL: ").append(Bench.fmt(clone.copySeconds())).append(" s to copy, ")
			.append(Bench.fmt(clone.rebuildSeconds())).append(" s to rebuild keys and indexes and check every foreign key, ")
			.append(Bench.fmt(clone.vacuumSeconds())).append(" s of VACUUM ANALYZE. Check after the measurement: ").append(large.check()).append(".\n\n");
		out.append("| rows | sample | after the copy |\n|---|---|---|\n");
		sampleRows.forEach((what, count) -> out.append("| ").append(what).append(" | ").append(count).append(" | ")
			.append(largeRows.get(what)).append(" |\n"));
		out.append("\n| what | ").append(sampleRows.get("directives")).append(" directives | ").append(largeRows.get("directives"))
			.append(" directives | target |\n|---|---|---|---|\n");
		out.append("| start-up to ready (s) | ").append(Bench.fmt(small.startupSeconds())).append(" | ")
			.append(Bench.fmt(large.startupSeconds())).append(" |  |\n");
		out.append("| heap after full GC, idle after start (MB) | ").append(Bench.fmt(small.heapIdleMb())).append(" | ")
			.append(Bench.fmt(large.heapIdleMb())).append(" | ≤ 512 |\n");
		out.append("| heap after full GC, after the requests below (MB) | ").append(Bench.fmt(small.heapAfterMb())).append(" | ")
			.append(Bench.fmt(large.heapAfterMb())).append(" | ≤ 512 |\n");
		for (int i = 0; i < large.timings().size(); i++) {
			ScaleProbe.Timing s = small.timings().get(i);
			ScaleProbe.Timing l = large.timings().get(i);
			out.append("| ").append(l.what()).append(": p50 / p95 ms (requests; last response KB) | ")
				.append(Bench.fmt(s.p50())).append(" / ").append(Bench.fmt(s.p95())).append(" (").append(s.requests()).append("; ")
				.append(kb(s.bytes())).append(") | ").append(Bench.fmt(l.p50())).append(" / ").append(Bench.fmt(l.p95())).append(" (")
				.append(l.requests()).append("; ").append(kb(l.bytes())).append(") | ")
				.append(l.what().contains("filtered") ? "p95 ≤ 300" : "").append(" |\n");
		}
		out.append(sweepRow("reminder sweep, first on the node", small.firstSweep(), large.firstSweep()));
		out.append(sweepRow("reminder sweep, second", small.secondSweep(), large.secondSweep()));
		out.append("\nReminder steps fired while the requests ran: ").append(small.remindersFired()).append(" (sample), ")
			.append(large.remindersFired()).append(" (after the copy).\n");
		return out.toString();
	}

	private static String sweepRow(String what, ScaleProbe.Sweep small, ScaleProbe.Sweep large) {
		return "| " + what + ": ms (open tasks without a wake-up; read; given one again) | " + sweep(small) + " | " + sweep(large)
				+ " |  |\n";
	}

	private static String sweep(ScaleProbe.Sweep sweep) {
		return sweep.millis() + " (" + sweep.withoutWakeUp() + "; " + sweep.read() + "; " + sweep.restored()
				+ (sweep.failed() > 0 ? "; " + sweep.failed() + " failed" : "") + ")";
	}

	private static String kb(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / 1024.0);
	}

}
