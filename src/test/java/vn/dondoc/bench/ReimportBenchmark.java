package vn.dondoc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import vn.dondoc.support.NodeProcess;
import vn.dondoc.support.SeedReimport;
import vn.dondoc.support.TestPostgres;

/**
 * Issue 19's target: re-importing the seed conclusion with every dated deadline moved takes at most 1.5× its
 * first import, on H2 and on PostgreSQL, on a node with a 512 MB heap (both JIT compilers, as shipped). The
 * first import is the baseline, measured on the same node in the same run. Issue 18's: the first import takes at
 * most 1.5× what raw Camunda takes to start as many one-task processes one by one, in the same run
 * ({@link #rawStarts}). Writes the {@code reimport} section of {@code BENCHMARKS.md}.
 */
class ReimportBenchmark {

	/** The node's JVM: the production heap, and the options of {@code -Dbench.node.jvm} (a profiler, say). */
	static final List<String> JVM = jvm();

	private static List<String> jvm() {
		List<String> options = new ArrayList<>(List.of("-Xmx512m"));
		for (String option : System.getProperty("bench.node.jvm", "").split(" ")) {
			if (!option.isBlank()) {
				options.add(option);
			}
		}
		return options;
	}

	/** The seed conclusion's unit parts: raw Camunda starts as many one-task processes. */
	static final int PARTS = 726;

	@Test
	void measure() throws Exception {
		List<String[]> rows = new ArrayList<>();
		Path work = Files.createTempDirectory("dondoc-reimport");
		try {
			Path data = work.resolve("data");
			String h2 = "jdbc:h2:file:" + data.toAbsolutePath() + "/dondoc;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
			double raw = rawStarts("jdbc:h2:file:" + work.resolve("raw").toAbsolutePath() + "/camunda", "org.h2.Driver", "sa", "");
			rows.add(row("H2 (file, embedded set-up)", raw, SeedReimport.run("bench-h2", Map.of("dondoc.data-dir", data.toString(),
					"spring.datasource.url", h2, "dondoc.mail.embedded-port", "0"), JVM, () -> DriverManager.getConnection(h2, "sa", ""))));
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
		if (System.getProperty("bench.reimport.databases", "h2,postgres").contains("postgres")) {
			postgres(rows);
		}
		StringBuilder markdown = new StringBuilder("Measured " + LocalDate.now(Bench.VIETNAM) + " on "
				+ Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
				+ "; dondoc as its own JVM (-Xmx512m). The seed conclusion: 28 directives, 726 unit parts, 547 of them dated. "
				+ "Camunda's variable rows counted right after the first import, per unit part.\n\n"
				+ "Raw Camunda: a fresh standalone engine in the benchmark's JVM, on its own database of the same kind, starting "
				+ PARTS + " processes of one user task one by one, right before the node's run.\n\n"
				+ "| database | first import (s) | raw Camunda, " + PARTS + " one-task starts (s) | first import ÷ raw | target "
				+ "| re-import, every dated deadline moved (s) | re-import ÷ first import | target | heap used after (MB) "
				+ "| variables per part: runtime / history / history details |\n"
				+ "|---|---|---|---|---|---|---|---|---|---|\n");
		for (String[] row : rows) {
			markdown.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		System.out.println(markdown);
		Bench.writeSection("reimport", markdown.toString().strip());
	}

	private static void postgres(List<String[]> rows) throws Exception {
		double raw = rawStarts(TestPostgres.newDatabase("bench_reimport_raw"), "org.postgresql.Driver", "postgres", "postgres");
		String url = TestPostgres.newDatabase("bench_reimport");
		GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			rows.add(row("PostgreSQL (profile postgres)", raw, SeedReimport.run("bench-postgres", Map.of("spring.profiles.active", "postgres",
					"spring.datasource.url", url, "spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
					"spring.mail.host", "127.0.0.1", "spring.mail.port", String.valueOf(smtp.getSmtp().getPort())), JVM,
					() -> DriverManager.getConnection(url, "postgres", "postgres"))));
		}
		finally {
			smtp.stop();
		}
	}

	/**
	 * Issue 18's baseline for the first import: raw Camunda starting as many one-task processes as the seed has
	 * unit parts, one by one (each its own transaction), on a fresh engine; seconds.
	 */
	static double rawStarts(String url, String driver, String user, String password) {
		ProcessEngine engine = Bench.rawCamunda(url, driver, user, password);
		try {
			Date due = Date.from(LocalDate.now().plusDays(60).atStartOfDay(Bench.VIETNAM).toInstant());
			long started = System.nanoTime();
			for (int i = 0; i < PARTS; i++) {
				engine.getRuntimeService().startProcessInstanceByKey("bench", "raw-" + i,
						Map.of("unit", ThroughputBenchmark.UNITS.get(i % ThroughputBenchmark.UNITS.size()), "dueDate", due));
			}
			return (System.nanoTime() - started) / 1e9;
		}
		finally {
			engine.close();
		}
	}

	private static String[] row(String database, double raw, SeedReimport.Result result) {
		return new String[] { database, Bench.fmt(result.firstSeconds()), Bench.fmt(raw),
				String.format(Locale.ROOT, "%.1f×", result.firstSeconds() / raw), "≤ 1.5×", Bench.fmt(result.againSeconds()),
				String.format(Locale.ROOT, "%.2f×", result.ratio()), "≤ 1.5×", Bench.fmt(result.heapMb()),
				Bench.fmt(result.variables().runtimePerPart()) + " / " + Bench.fmt(result.variables().historyPerPart()) + " / "
						+ Bench.fmt(result.variables().detailsPerPart()) };
	}

}
