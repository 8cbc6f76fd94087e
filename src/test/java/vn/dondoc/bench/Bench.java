package vn.dondoc.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

import vn.dondoc.support.NodeProcess;
import vn.dondoc.support.TestClock;

/** What the benchmarks share: the node's settings, authenticated calls, percentiles, and BENCHMARKS.md. */
final class Bench {

	static final String PASSWORD = "Bench-2023-password";

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** System property: Spring settings of the measured node besides the shipped ones, space-separated {@code key=value}. */
	static final String NODE_SETTINGS = "bench.node.settings";

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private Bench() {
	}

	/** A production-shaped node (profile postgres) on the given database, sending mail to a local SMTP port. */
	static Map<String, String> settings(String url, int smtpPort, Path policy, Long clockOffsetMs) {
		Map<String, String> settings = new HashMap<>(Map.of("spring.profiles.active", "postgres",
				"spring.datasource.url", url, "spring.datasource.username", "postgres", "spring.datasource.password", "postgres",
				"dondoc.admin.password", PASSWORD, "spring.mail.host", "127.0.0.1",
				"spring.mail.port", String.valueOf(smtpPort)));
		if (policy != null) {
			settings.put("dondoc.reminder.policy-file", policy.toString());
		}
		if (clockOffsetMs != null) {
			settings.put(TestClock.OFFSET_PROPERTY, String.valueOf(clockOffsetMs));
		}
		// -Dbench.node.settings="dondoc.notification.senders=4 …": a setting tried against the shipped one
		for (String setting : System.getProperty(NODE_SETTINGS, "").split(" ")) {
			int equals = setting.indexOf('=');
			if (equals > 0) {
				settings.put(setting.substring(0, equals), setting.substring(equals + 1));
			}
		}
		return settings;
	}

	/**
	 * Raw Camunda 7 as the baselines run it: a standalone engine with default settings (no job executor) on
	 * its own database, with one process {@code bench} deployed: one user task, candidate group {@code unit}
	 * and due date {@code dueDate} from variables.
	 */
	static ProcessEngine rawCamunda(String url, String driver, String user, String password) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setJdbcUrl(url);
		configuration.setJdbcDriver(driver);
		configuration.setJdbcUsername(user);
		configuration.setJdbcPassword(password);
		configuration.setDatabaseSchemaUpdate("true");
		configuration.setJobExecutorActivate(false);
		ProcessEngine engine = configuration.buildProcessEngine();
		BpmnModelInstance model = Bpmn.createExecutableProcess("bench").camundaHistoryTimeToLive(180)
			.startEvent()
			.userTask("carryOut").camundaCandidateGroups("${unit}").camundaDueDate("${dueDate}")
			.endEvent()
			.done();
		engine.getRepositoryService().createDeployment().addModelInstance("bench.bpmn", model).deploy();
		return engine;
	}

	static String basicAuth() {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** {@code POST /api/documents} as the admin. */
	static HttpResponse<String> importDocument(NodeProcess node, String yaml) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/documents"))
			.header("Authorization", basicAuth())
			.header("Content-Type", "application/yaml")
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An HTTP Basic call as the admin ({@code /api}, {@code /engine-rest}, {@code /actuator}); JSON body if any. */
	static HttpResponse<String> call(NodeProcess node, String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
			.header("Authorization", basicAuth())
			.timeout(Duration.ofMinutes(2));
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static double percentile(List<Double> values, int p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	/**
	 * The CPU time used so far by the given processes and by every PostgreSQL process on this machine (the
	 * embedded server and its backends), by process: a difference of two readings ({@link #cpuSince}) is the
	 * work a measured stretch cost, all processes together, which the machine's other load moves far less
	 * than it moves wall time.
	 */
	static Map<Long, Duration> cpu(long... pids) {
		Map<Long, Duration> used = new HashMap<>();
		for (long pid : pids) {
			ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration()).ifPresent(time -> used.put(pid, time));
		}
		ProcessHandle.allProcesses()
			.filter(handle -> handle.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
			.forEach(handle -> handle.info().totalCpuDuration().ifPresent(time -> used.put(handle.pid(), time)));
		return used;
	}

	/**
	 * Seconds of CPU used since {@code before} (a process started since counts whole; one ended since, not at all):
	 * by the given processes, then by PostgreSQL's.
	 */
	static double[] cpuSince(Map<Long, Duration> before, long... pids) {
		double[] seconds = new double[2];
		for (Map.Entry<Long, Duration> now : cpu(pids).entrySet()) {
			boolean given = Arrays.stream(pids).anyMatch(pid -> pid == now.getKey());
			seconds[given ? 0 : 1] += now.getValue().minus(before.getOrDefault(now.getKey(), Duration.ZERO)).toMillis() / 1000.0;
		}
		return seconds;
	}

	/**
	 * What each kind of thread of a node is, by the start of its name (Linux keeps the first 15 characters); no
	 * start is the start of another, so the order of the look-up does not matter.
	 */
	static final Map<String, String> THREAD_KINDS = Map.of(
			"http-nio-", "requests", "dondoc_Worker-", "Quartz jobs (reminder pump)", "notification-di", "mail dispatch",
			"C1 CompilerThre", "JIT compilers", "C2 CompilerThre", "JIT compilers", "GC Thread", "garbage collector",
			"G1 ", "garbage collector");

	/**
	 * The CPU time each kind of thread of a process used so far ({@link #THREAD_KINDS}, the rest as "other"), in
	 * seconds, read from {@code /proc/<pid>/task}; empty where there is no such folder (not Linux). Threads that
	 * ended meanwhile are not counted: a node's threads live as long as it does, but for short-lived ones.
	 */
	static Map<String, Double> threadCpu(long pid) {
		Map<String, Double> seconds = new TreeMap<>();
		Path tasks = Path.of("/proc", Long.toString(pid), "task");
		if (!Files.isDirectory(tasks)) {
			return seconds;
		}
		try (Stream<Path> threads = Files.list(tasks)) {
			threads.forEach(thread -> {
				try {
					String name = Files.readString(thread.resolve("comm")).strip();
					String stat = Files.readString(thread.resolve("stat"));
					// the fields after the name in parentheses: utime and stime are the 12th and 13th, in 1/100 s
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					double used = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
					String kind = THREAD_KINDS.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
						.map(Map.Entry::getValue).findFirst().orElse("other");
					seconds.merge(kind, used, Double::sum);
				}
				catch (IOException | RuntimeException e) {
					// the thread ended while being read
				}
			});
		}
		catch (IOException e) {
			return Map.of();
		}
		return seconds;
	}

	/** Milliseconds a unit of work, by kind of thread, between two readings of {@link #threadCpu}. */
	static String threadCpuSince(Map<String, Double> before, long pid, int units) {
		Map<String, Double> now = threadCpu(pid);
		List<String> parts = new ArrayList<>();
		now.entrySet().stream()
			.map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) * 1000 / units))
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach(e -> parts.add(e.getKey() + " " + fmt(e.getValue())));
		return String.join(", ", parts);
	}

	/** CPU used so far by the benchmark's own JVM (GreenMail runs in it). */
	static Duration ownCpu() {
		return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	static String fmt(double value) {
		return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
	}

	/** Replaces the part of BENCHMARKS.md between {@code <!-- name:begin -->} and {@code <!-- name:end -->}. */
	static void writeSection(String name, String markdown) throws IOException {
		Path file = Path.of("BENCHMARKS.md");
		String begin = "<!-- " + name + ":begin -->";
		String end = "<!-- " + name + ":end -->";
		String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			text = text + "\n" + begin + "\n" + end + "\n";
			from = text.indexOf(begin);
			to = text.indexOf(end);
		}
		Files.writeString(file, text.substring(0, from + begin.length()) + "\n" + markdown + text.substring(to));
	}

}
